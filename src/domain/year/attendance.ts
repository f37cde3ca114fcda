// The attendance check: on a round's as-of date each counted student is seen present or absent, room by room.
import { z } from 'zod';
import { gradeCodeSchema, type GradeCode } from '../codes';
import type { RoundId } from '../calendar';
import type { Student } from '../student/schema';
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
export function roomChecks(counted: readonly Pick<Student, 'id' | 'grade' | 'room'>[], rows: readonly Attendance[]): RoomCheck[] {
  const byRoom = new Map<string, RoomCheck>();
  const marks = new Map(rows.map((r) => [`${r.grade}/${r.room}`, r.marks]));
  for (const s of counted) {
    if (!s.grade) continue;
    const key = `${s.grade}/${s.room}`;
    const check = byRoom.get(key) ?? { grade: s.grade, room: s.room, students: 0, marked: 0, absent: 0, done: false };
    const mark = marks.get(key)?.[s.id];
    check.students++;
    if (mark) check.marked++;
    if (mark === 'absent') check.absent++;
    byRoom.set(key, check);
  }
  const collator = new Intl.Collator('th', { numeric: true });
  return [...byRoom.values()]
    .map((c) => ({ ...c, done: c.marked === c.students }))
    .sort((a, b) => (a.grade < b.grade ? -1 : a.grade > b.grade ? 1 : collator.compare(a.room, b.room)));
}

/** Marks for a room: present unless listed absent. */
export function roomMarks(studentIds: readonly string[], absent: ReadonlySet<string>): Record<string, Mark> {
  return Object.fromEntries(studentIds.map((id) => [id, absent.has(id) ? 'absent' : 'present']));
}
