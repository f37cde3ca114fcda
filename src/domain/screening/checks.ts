// Rules across the register and the screenings of a year (research §2.3, §6d): the poor without a
// screening, a screening whose facts the register does not reflect, evidence missing, income over the line
// while the register says poor, a home's GPS far from the school. Each finding names the student and what to
// do; nothing is decided for them.
import { distanceKm } from '../geo';
import type { Gps } from '../school';
import type { Student } from '../student/schema';
import { assessScreening } from './assess';
import { POOR_DISADVANTAGE } from './register';
import type { Screening } from './schema';
import rules from './visit-rules.json';

export const SCREENING_CHECKS = [
  'poor.no_screening',
  'screening.register_not_poor',
  'screening.evidence_missing',
  'poor.over_line',
  'screening.home_far',
] as const;
export type ScreeningCheck = (typeof SCREENING_CHECKS)[number];
export interface ScreeningFinding {
  studentId: string;
  check: ScreeningCheck;
  /** screening.home_far: the home's straight-line distance from the school and the threshold, whole km. */
  km?: number;
  limitKm?: number;
}

/** Beyond this straight-line distance from the school a home's GPS is shown to be checked (data, decision 0039). */
export const HOME_FAR_FROM_SCHOOL_KM: number = rules.homeFarFromSchoolKm;

const EVIDENCE = new Set([
  'photos.missing',
  'photos.reason',
  'signature.teacher',
  'signature.guardian',
  'signature.official',
]);

/**
 * Findings for the school's current students against their screenings of one year. `school` is the school's
 * own position (the site survey's, else the profile's); without it the distance is not checked. The stated
 * subdistrict is not compared: the app has no subdistrict coordinates with a source (decision 0039).
 */
export function screeningFindings(
  students: readonly Student[],
  screenings: readonly Screening[],
  school: Gps | null = null,
): ScreeningFinding[] {
  const byStudent = new Map(screenings.map((s) => [s.studentId, s]));
  const out: ScreeningFinding[] = [];
  for (const student of students) {
    if (student.status !== 'active') continue;
    const s = byStudent.get(student.id);
    const poor = student.welfare.disadvantage === POOR_DISADVANTAGE;
    if (!s || s.notNeeded) {
      if (poor) out.push({ studentId: student.id, check: 'poor.no_screening' });
      continue;
    }
    const a = assessScreening(s);
    if (a.underIncomeLine === true && !poor) out.push({ studentId: student.id, check: 'screening.register_not_poor' });
    if (a.underIncomeLine === false && poor) out.push({ studentId: student.id, check: 'poor.over_line' });
    if (a.problems.some((p) => EVIDENCE.has(p)))
      out.push({ studentId: student.id, check: 'screening.evidence_missing' });
    const km = school && s.gps ? distanceKm(school, s.gps) : 0;
    if (km > HOME_FAR_FROM_SCHOOL_KM)
      out.push({
        studentId: student.id,
        check: 'screening.home_far',
        km: Math.round(km),
        limitKm: HOME_FAR_FROM_SCHOOL_KM,
      });
  }
  return out;
}
