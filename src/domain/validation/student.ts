import type { AreaIndex } from '../areas/areas';
import type { Student } from '../student/schema';
import type { Finding } from './catalogue';
import { identityFindings } from './identity';
import { personFindings } from './person';
import { addressFindings, healthFindings, schoolingFindings } from './class-health-address';
import { withUnmatched } from './unmatched';

export interface ValidationContext {
  /** The date the data describes (a round's as-of date): ages are taken on it. */
  asOf: string;
  /** Whether a DOPA area code exists; without it only the nesting of the codes is checked. */
  areaExists?: (dopaCode: number) => boolean;
}

/** Every per-record rule; duplicates need the whole school (validateSchool). */
export function validateStudent(student: Student, ctx: ValidationContext): Finding[] {
  // One array, no spreads: a district validates 100,000 records at a time.
  const out = identityFindings(student);
  for (const list of [
    personFindings(student, ctx.asOf),
    schoolingFindings(student),
    healthFindings(student, ctx.asOf),
    addressFindings(student, ctx.areaExists),
  ]) {
    for (const f of list) out.push(f);
  }
  return student.unmatched ? withUnmatched(student, out) : out;
}

/** ValidationContext.areaExists for a loaded area table; each code is looked up once (addresses repeat). */
export function areaExistsIn(areas: AreaIndex): (dopaCode: number) => boolean {
  const known = new Map<number, boolean>();
  return (code) => {
    let found = known.get(code);
    if (found === undefined)
      known.set(
        code,
        (found = (areas.province(code) ?? areas.district(code) ?? areas.subdistrict(code)) !== undefined),
      );
    return found;
  };
}
