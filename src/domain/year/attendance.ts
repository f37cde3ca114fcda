// The attendance check: on a round's as-of date each counted student is seen present or absent, room by room.
import { z } from 'zod';
import { gradeCodeSchema, type GradeCode } from '../codes';
import type { RoundId } from '../calendar';
import type { Student } from '../student/schema';
import { classesOf } from './classes';
import { byWhomSchema } from './movement';
import { roundIdSchema } from './round';

export const MARKS = ['present', 'absent'] as const;
export type Mark = (typeof MARKS)[number];

export const attendanceSchema = z.object({
  key: z.string().min(1),
  academicYear: z.number().int(),
  round: roundIdSchema,
  grade: gradeCodeSchema,
  room: z.string(),
  marks: z.record(z.string(), z.enum(MARKS)),
  checkedAt: z.iso.datetime({ offset: true }),
  checkedBy: byWhomSchema,
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const attendanceKey = (academicYear: number, round: RoundId, grade: GradeCode, room: string): string =>
  `${academicYear}/${round}/${grade}/${room}`;

export interface RoomCheck {
  grade: GradeCode;
  room: string;
  students: number;
  /** Counted students with a mark; the room is done when every one has one. */
  marked: number;
  absent: number;
  done: boolean;
}

/** Rooms of the counted students (grade order, then room), with how far their check has got. */
export function roomChecks(
  counted: readonly Pick<Student, 'id' | 'grade' | 'room'>[],
  rows: readonly Attendance[],
): RoomCheck[] {
  const marks = new Map(rows.map((r) => [`${r.grade}/${r.room}`, r.marks]));
  return classesOf(counted).map(({ grade, room, students }) => {
    const own = marks.get(`${grade}/${room}`) ?? {};
    const marked = students.filter((s) => own[s.id]).length;
    const absent = students.filter((s) => own[s.id] === 'absent').length;
    return { grade, room, students: students.length, marked, absent, done: marked === students.length };
  });
}

/** Marks for a room: present unless listed absent. */
export function roomMarks(studentIds: readonly string[], absent: ReadonlySet<string>): Record<string, Mark> {
  return Object.fromEntries(studentIds.map((id) => [id, absent.has(id) ? 'absent' : 'present']));
}
