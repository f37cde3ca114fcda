// What the district receives of a school's screenings: counts only (issue 20). No names, incomes, photos or
// places leave the school in a submission.
import { z } from 'zod';
import { assessScreening } from './assess';
import { screeningState } from './progress';
import type { Screening } from './schema';
import { SCREENING_FORM } from './options';

const count = z.number().int().nonnegative();
/** The payload `screening-counts/1` of a school's submission: numbers only, never a person (strict: nothing else slips in). */
export const screeningCountsSchema = z.strictObject({
  academicYear: z.number().int().min(2400).max(2800),
  formVersion: z.string(),
  screened: count,
  partly: count,
  notNeeded: count,
  underIncomeLine: count,
  statusItems: z.record(z.string().regex(/^[a-z-]+\.[a-z0-9-]+$/), count),
});

export interface ScreeningCounts {
  academicYear: number;
  formVersion: string;
  /** Screenings with nothing missing. */
  screened: number;
  /** Started, something still missing. */
  partly: number;
  notNeeded: number;
  /** Of the screened: households at or under the income line per person. */
  underIncomeLine: number;
  /** Of the screened: households with each status item ticked ("floor.earth": 3). */
  statusItems: Record<string, number>;
}

export function screeningCounts(academicYear: number, screenings: readonly Screening[]): ScreeningCounts {
  const out: ScreeningCounts = {
    academicYear,
    formVersion: SCREENING_FORM.version,
    screened: 0,
    partly: 0,
    notNeeded: 0,
    underIncomeLine: 0,
    statusItems: {},
  };
  for (const s of screenings) {
    if (s.academicYear !== academicYear) continue;
    const state = screeningState(s);
    if (state === 'not-needed') out.notNeeded++;
    if (state === 'partly') out.partly++;
    if (state !== 'done') continue;
    out.screened++;
    const a = assessScreening(s);
    if (a.underIncomeLine) out.underIncomeLine++;
    for (const item of a.statusItems) out.statusItems[item] = (out.statusItems[item] ?? 0) + 1;
  }
  return out;
}
