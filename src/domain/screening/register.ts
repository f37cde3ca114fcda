// The screening and the register are one truth: the screening proposes the register's disadvantage "ยากจน"
// and the four shortages; the officer confirms each change (audited as an ordinary student save). A
// proposal is a fact from the form (income at or under the line), never the fund's eligibility.
import { codeList, codeFromText } from '../codes';
import type { Student } from '../student/schema';
import type { Welfare } from '../student/welfare';
import type { ScreeningAssessment } from './assess';

/** The register's code of ยากจน (DMC's "เด็กยากจน"), looked up by its label rather than written again. */
export const POOR_DISADVANTAGE: string = codeFromText('disadvantage', 'เด็กยากจน') ?? codeList('disadvantage')[8]!;

export const SHORTAGES = ['uniform', 'stationery', 'textbooks', 'lunch'] as const;
export type Shortage = (typeof SHORTAGES)[number];

export interface RegisterProposal {
  studentId: string;
  /** The disadvantage the register should say, when it says something else. */
  disadvantage: { from: string | null; to: string } | null;
  /** Shortages the register does not tick yet. */
  shortages: Shortage[];
}

/** What the register should gain from a household at or under the income line; null when nothing changes. */
export function proposeRegister(student: Student, a: ScreeningAssessment): RegisterProposal | null {
  if (a.underIncomeLine !== true) return null;
  const w = student.welfare;
  // Another disadvantage already written stays: the register holds one, and the officer chooses.
  const disadvantage =
    w.disadvantage === null || w.disadvantage === '99' ? { from: w.disadvantage, to: POOR_DISADVANTAGE } : null;
  const shortages = SHORTAGES.filter((k) => !w.shortages[k]);
  return disadvantage || shortages.length ? { studentId: student.id, disadvantage, shortages } : null;
}

/** The student's welfare with the parts of a proposal the officer accepted. */
export function applyProposal(
  welfare: Welfare,
  p: RegisterProposal,
  accept: { disadvantage: boolean; shortages: readonly Shortage[] },
): Welfare {
  const shortages = { ...welfare.shortages };
  for (const k of accept.shortages) if (p.shortages.includes(k)) shortages[k] = true;
  return {
    ...welfare,
    disadvantage: accept.disadvantage && p.disadvantage ? p.disadvantage.to : welfare.disadvantage,
    shortages,
  };
}
