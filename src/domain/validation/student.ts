import type { AreaIndex } from '../areas/areas';
import type { Student } from '../student/schema';
import type { Finding } from './catalogue';
import { identityFindings } from './identity';
import { personFindings } from './person';
import { addressFindings, healthFindings, schoolingFindings } from './class-health-address';

export interface ValidationContext {
  /** The date the data describes (a round's as-of date): ages are taken on it. */
  asOf: string;
  /** Whether a DOPA area code exists; without it only the nesting of the codes is checked. */
  areaExists?: (dopaCode: number) => boolean;
}

/** Every per-record rule; duplicates need the whole school (validateSchool). */
export function validateStudent(student: Student, ctx: ValidationContext): Finding[] {
  return [
    ...identityFindings(student),
    ...personFindings(student, ctx.asOf),
    ...schoolingFindings(student),
    ...healthFindings(student, ctx.asOf),
    ...addressFindings(student, ctx.areaExists),
  ];
}

/** ValidationContext.areaExists for a loaded area table. */
export function areaExistsIn(areas: AreaIndex): (dopaCode: number) => boolean {
  return (code) => (areas.province(code) ?? areas.district(code) ?? areas.subdistrict(code)) !== undefined;
}
