// The figures a district reports from one submission, computed once when the bundle is verified: head
// counts by grade and sex on the bundle's as-of date, welfare counts, and the school year's movements.
import { z } from 'zod';
import { gradeCodeSchema } from '../codes';
import type { Student } from '../student/schema';
import { isoDateSchema } from '../thai-date';
import { MOVEMENT_KINDS, type MovementKind } from '../year/movement';
import { academicYearStart } from '../year/round';
import { nutritionSummarySchema } from './nutrition';
import { findingReplySchema } from './finding-reply';
import { assetsSummarySchema } from '../assets/district';
import { screeningCountsSchema } from '../screening/counts';
import { snapshotOn, type DatedMovement } from '../year/snapshot';

const count = z.number().int().nonnegative();
export const sexCountsSchema = z.object({ M: count, F: count, unknown: count });
export type SexCounts = z.infer<typeof sexCountsSchema>;

export const summarySchema = z.object({
  format: z.literal('tabian-summary/1'),
  asOf: isoDateSchema,
  /** Records in the payload, counted or not. */
  records: count,
  /** Students counted on `asOf` by the school's own as-of rule. */
  students: count,
  byGrade: z.partialRecord(gradeCodeSchema, sexCountsSchema),
  noGrade: sexCountsSchema,
  /** Counted students by DMC disadvantage code (99 "not disadvantaged" and blanks left out). */
  disadvantage: z.record(z.string(), count),
  disability: z.record(z.string(), count),
  /** Standing movements of the school year up to `asOf`, by kind; null when the bundle sent none. */
  movements: z.partialRecord(z.enum(MOVEMENT_KINDS), count).nullable(),
  /** Growth counts from the bundle's measurements; null when it carried none, absent when stored before. */
  nutrition: nutritionSummarySchema.nullable().optional(),
  /** The school's answers to the district's findings (`finding-reply/1`); absent when it sent none. */
  replies: z.array(findingReplySchema).optional(),
  /** The certified survey of land and buildings (`asset-survey/1`); absent when the bundle carried none. */
  assets: assetsSummarySchema.optional(),
  /** The poor-student screening counts (`screening-counts/1`, numbers only); absent when the school sent none. */
  screening: screeningCountsSchema.optional(),
});
export type BundleSummary = z.infer<typeof summarySchema>;

const zero = (): SexCounts => ({ M: 0, F: 0, unknown: 0 });
const bump = (tally: Record<string, number>, code: string | null): void => {
  if (code && code !== '99') tally[code] = (tally[code] ?? 0) + 1;
};

type MovementLike = DatedMovement & { reversedAt?: string | null };

/** The students the school counts on `asOf` by its own as-of rule. */
export function countedOn(
  students: readonly Student[],
  movements: readonly MovementLike[] | null,
  asOf: string,
): Student[] {
  return movements?.length
    ? snapshotOn(students, movements, asOf)
    : // Without movements the as-of rule reduces to status and entry date (see countsOn).
      students.filter((s) => s.status === 'active' && (!s.enteredOn || s.enteredOn <= asOf));
}

export function summarise(
  students: readonly Student[],
  movements: readonly MovementLike[] | null,
  academicYear: number,
  asOf: string,
): BundleSummary {
  const counted = countedOn(students, movements, asOf);
  const byGrade: BundleSummary['byGrade'] = {};
  const noGrade = zero();
  const disadvantage: Record<string, number> = {};
  const disability: Record<string, number> = {};
  for (const s of counted) {
    const tally = s.grade ? (byGrade[s.grade] ??= zero()) : noGrade;
    tally[s.sex ?? 'unknown']++;
    bump(disadvantage, s.welfare.disadvantage);
    bump(disability, s.welfare.disability);
  }
  let moved: BundleSummary['movements'] = null;
  if (movements) {
    const from = academicYearStart(academicYear);
    moved = {};
    for (const m of movements) {
      if (m.reversedAt || m.effectiveOn < from || m.effectiveOn > asOf) continue;
      moved[m.kind as MovementKind] = (moved[m.kind as MovementKind] ?? 0) + 1;
    }
  }
  return {
    format: 'tabian-summary/1',
    asOf,
    records: students.length,
    students: counted.length,
    byGrade,
    noGrade,
    disadvantage,
    disability,
    movements: moved,
  };
}

/** The total of a summary's grade counts (students without a grade included). */
export function totalOf(counts: Partial<Record<string, SexCounts>>, noGrade: SexCounts = zero()): SexCounts {
  const out = { ...noGrade };
  for (const c of Object.values(counts)) {
    if (!c) continue;
    out.M += c.M;
    out.F += c.F;
    out.unknown += c.unknown;
  }
  return out;
}
