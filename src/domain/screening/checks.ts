// Rules across the register and the screenings of a year (research §2.3, §6d): the poor without a
// screening, a screening whose facts the register does not reflect, evidence missing, income over the line
// while the register says poor. Each finding names the student and what to do; nothing is decided for them.
import type { Student } from '../student/schema';
import { assessScreening } from './assess';
import { POOR_DISADVANTAGE } from './register';
import type { Screening } from './schema';

export const SCREENING_CHECKS = ['poor.no_screening', 'screening.register_not_poor', 'screening.evidence_missing', 'poor.over_line'] as const;
export type ScreeningCheck = (typeof SCREENING_CHECKS)[number];
export interface ScreeningFinding { studentId: string; check: ScreeningCheck }

const EVIDENCE = new Set(['photos.missing', 'photos.reason', 'signature.teacher', 'signature.guardian', 'signature.official']);

/** Findings for the school's current students against their screenings of one year. */
export function screeningFindings(students: readonly Student[], screenings: readonly Screening[]): ScreeningFinding[] {
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
    if (a.problems.some((p) => EVIDENCE.has(p))) out.push({ studentId: student.id, check: 'screening.evidence_missing' });
  }
  return out;
}
