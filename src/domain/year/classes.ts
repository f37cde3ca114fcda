import type { GradeCode } from '../codes';
import type { Student } from '../student/schema';

type Placed = Pick<Student, 'grade' | 'room'>;

export { fullName } from '../student/names';
const collator = new Intl.Collator('th', { numeric: true });

/** Grade order, then room names as people read them ("2" before "10"). */
export function compareClasses(a: { grade: GradeCode; room: string }, b: { grade: GradeCode; room: string }): number {
  return a.grade < b.grade ? -1 : a.grade > b.grade ? 1 : collator.compare(a.room, b.room);
}

/** Students grouped by class in class order; students without a grade are left out. */
export function classesOf<S extends Placed>(students: readonly S[]): { grade: GradeCode; room: string; students: S[] }[] {
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
