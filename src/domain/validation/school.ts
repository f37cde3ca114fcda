import { findDuplicates, type DuplicatePair } from '../duplicates/find';
import type { Student } from '../student/schema';
import { finding, type Finding } from './catalogue';
import { validateStudent, type ValidationContext } from './student';

export interface SchoolContext extends ValidationContext {
  /** pairKey()s the user marked "not the same person". */
  dismissedPairs?: ReadonlySet<string>;
}

export interface SchoolValidation {
  /** Per record, in input order; each record in a duplicate pair also gets that rule once. */
  byStudent: Finding[][];
  duplicates: DuplicatePair[];
}

/** Findings per record position: validateSchool and validateRecords both read them. */
export function validateEach(students: readonly Student[], ctx: SchoolContext): SchoolValidation {
  const byStudent = students.map((s) => validateStudent(s, ctx));
  const duplicates = findDuplicates(students, ctx.dismissedPairs);
  for (const pair of duplicates) {
    for (const i of pair.indexes) {
      const own = byStudent[i]!;
      if (!own.some((f) => f.rule === pair.rule)) own.push(finding(pair.rule, students[i]!.id));
    }
  }
  return { byStudent, duplicates };
}

/** Every rule over a whole school (or district): record findings plus duplicate pairs. */
export function validateSchool(
  students: readonly Student[],
  ctx: SchoolContext,
): { findings: Finding[]; duplicates: DuplicatePair[] } {
  const { byStudent, duplicates } = validateEach(students, ctx);
  return { findings: byStudent.flat(), duplicates };
}
