import type { GradeCode } from '../codes';
import type { Student } from '../student/schema';

type Placed = Pick<Student, 'grade' | 'room'>;

export { fullName } from '../student/names';
const collator = new Intl.Collator('th', { numeric: true });

/** Something placed in a class; a student not yet placed in a grade has none. */
export interface ClassPlace {
  grade?: GradeCode | null;
  room: string;
}

/**
 * The one class order of every screen, report and export (decision 0035): grade order (the DMC codes run
 * อ.1 … ปวช.3), a student with no grade after every grade, then room names as people read them ("2"
 * before "10").
 */
export function compareClasses(a: ClassPlace, b: ClassPlace): number {
  return compareGrades(a.grade, b.grade) || collator.compare(a.room, b.room);
}

/** The grade part of the class order: grade order, no grade last. */
export function compareGrades(a: GradeCode | null | undefined, b: GradeCode | null | undefined): number {
  const [x, y] = [a ?? null, b ?? null];
  if (x === y) return 0;
  return x === null ? 1 : y === null ? -1 : x < y ? -1 : 1;
}

/** Students grouped by class in class order; students without a grade are left out. */
export function classesOf<S extends Placed>(
  students: readonly S[],
): { grade: GradeCode; room: string; students: S[] }[] {
  const classes = new Map<string, { grade: GradeCode; room: string; students: S[] }>();
  for (const s of students) {
    if (!s.grade) continue;
    const key = `${s.grade}/${s.room}`;
    const c = classes.get(key) ?? { grade: s.grade, room: s.room, students: [] };
    c.students.push(s);
    classes.set(key, c);
  }
  return [...classes.values()].sort(compareClasses);
}
