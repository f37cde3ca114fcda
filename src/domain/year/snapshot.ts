// The as-of rule: who counts on a round's as-of date. See docs/decisions/0006-school-year.md.
import { z } from 'zod';
import { gradeCodeSchema, sexCodeSchema, type GradeCode, type SexCode } from '../codes';
import type { Student } from '../student/schema';
import { isoDateSchema } from '../thai-date';
import { chronological, isLeaving, isReversed, type Movement } from './movement';

/** What the rule needs of a movement; the CLI reads only these. */
export type DatedMovement = Pick<Movement, 'studentId' | 'kind' | 'effectiveOn'> & {
  reversedAt?: string | null;
  recordedAt?: string;
};
export type CountedStudent = Pick<Student, 'id' | 'status' | 'enteredOn'>;

/**
 * Whether a student counts on `asOf`. An effective date is the first day of the new state: a student who
 * enters on the as-of date counts, one who leaves on it does not. Reversed movements are ignored.
 */
export function countsOn(student: CountedStudent, movements: readonly DatedMovement[], asOf: string): boolean {
  const standing = movements.filter((m) => !isReversed({ reversedAt: m.reversedAt ?? null })).sort(chronological);
  // A status that says "left" with no movement behind it: the date is unknown, so the student never counts.
  if (student.status !== 'active' && !standing.some((m) => isLeaving(m.kind))) return false;
  // The entry date comes first among events of one day.
  const events = [
    ...(student.enteredOn ? [{ on: student.enteredOn, enters: true }] : []),
    ...standing.map((m) => ({ on: m.effectiveOn, enters: m.kind === 'transfer-in' })),
  ];
  // Before the first event the student was where that event says they were not.
  let present = events.length === 0 ? true : !events[0]!.enters;
  for (const e of events) {
    if (e.on > asOf) break;
    present = e.enters;
  }
  return present;
}

/** The students who count on `asOf`, in input order. */
export function snapshotOn<S extends CountedStudent>(
  students: readonly S[],
  movements: readonly DatedMovement[],
  asOf: string,
): S[] {
  const byStudent = new Map<string, DatedMovement[]>();
  for (const m of movements) {
    const list = byStudent.get(m.studentId);
    if (list) list.push(m);
    else byStudent.set(m.studentId, [m]);
  }
  return students.filter((s) => countsOn(s, byStudent.get(s.id) ?? [], asOf));
}

/** A student as a round certified them: enough to count, list and notice a later change. */
export const frozenRowSchema = z.object({
  id: z.string().min(1),
  idNo: z.string(),
  prefix: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  sex: sexCodeSchema.nullable(),
  birthDate: isoDateSchema.nullable(),
  grade: gradeCodeSchema.nullable(),
  room: z.string(),
});
export type FrozenRow = z.infer<typeof frozenRowSchema>;

export function freeze(students: readonly Student[]): FrozenRow[] {
  return students
    .map(({ id, idNo, prefix, firstName, lastName, sex, birthDate, grade, room }) => ({
      id,
      idNo,
      prefix,
      firstName,
      lastName,
      sex,
      birthDate,
      grade,
      room,
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type GradeSexCounts = [grade: GradeCode, counts: Record<SexCode, number>][];

/** Head counts by grade (ascending) and sex; a student without a grade or sex is in neither. */
export function countByGradeAndSex(students: readonly Pick<Student, 'grade' | 'sex'>[]): GradeSexCounts {
  const counts = new Map<GradeCode, Record<SexCode, number>>();
  for (const s of students) {
    if (!s.grade) continue;
    const c = counts.get(s.grade) ?? { M: 0, F: 0 };
    if (s.sex) c[s.sex]++;
    counts.set(s.grade, c);
  }
  return [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
}
