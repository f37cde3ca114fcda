// Which grades a school's forms offer first: those of the levels it teaches (its profile), plus the grade a
// record already has, so a record from another school's file never loses its value in the picker.
import { grades, type GradeCode } from '../codes';
import type { SchoolLevel } from '../school';
import { levelOfGrade } from '../year/count-table';

export function gradesTaught(levels: readonly SchoolLevel[], current: GradeCode | null): GradeCode[] {
  const taught = new Set(levels);
  return grades.map((g) => g.code).filter((code) => taught.has(levelOfGrade(code)) || code === current);
}
