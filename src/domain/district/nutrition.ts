// The nutrition part of a submission's summary (decision 10's growth report over the school's counted
// students): counts per grade and for the school by category and sex, in the period of the school's latest
// measurement and the one before, and how many children to follow up. Counts only: no child leaves here.
import { z } from 'zod';
import { gradeCodeSchema } from '../codes';
import type { GrowthReferences } from '../growth/tables';
import { HEIGHT_STATUSES, NUTRITION_STATUSES } from '../growth/status';
import { periodKey, periodOf, previousPeriod, type MeasurePeriod } from '../measure/periods';
import { growthReport, type GrowthReport, type ReportMeasurement, type ReportStudent } from '../measure/report';

const count = z.number().int().nonnegative();
const tallySchema = z.object({ M: count, F: count, total: count });
const each = <K extends string>(keys: readonly [K, ...K[]]) =>
  z.object(Object.fromEntries(keys.map((k) => [k, tallySchema])) as Record<K, typeof tallySchema>);
export const groupCountsSchema = z.object({
  students: tallySchema,
  measured: tallySchema,
  nutrition: each(NUTRITION_STATUSES),
  height: each(HEIGHT_STATUSES),
  goodGrowth: tallySchema,
  unassessed: tallySchema,
});
const pairSchema = z.object({ current: groupCountsSchema, previous: groupCountsSchema.nullable() });
export type CountsPair = z.infer<typeof pairSchema>;

export const nutritionSummarySchema = z.object({
  /** periodKey of the period of the school's latest measurement up to the as-of date, and the one before. */
  period: z.string().regex(/^\d{4}-[12]-[12]$/),
  previous: z.string().regex(/^\d{4}-[12]-[12]$/),
  school: pairSchema,
  byGrade: z.partialRecord(gradeCodeSchema, pairSchema),
  /** Children to follow up (counted once however many reasons), and by reason. */
  followUp: z.object({ children: count, thin: count, short: count, obese: count, check: count }),
});
export type NutritionSummary = z.infer<typeof nutritionSummarySchema>;

/** The period the summary reports: that of the latest measurement on or before `asOf`; null when none. */
export function nutritionPeriod(measurements: readonly ReportMeasurement[], asOf: string): MeasurePeriod | null {
  let latest = '';
  for (const m of measurements) {
    if (m.measuredOn <= asOf && m.measuredOn > latest && (m.weightKg !== null || m.heightCm !== null))
      latest = m.measuredOn;
  }
  return latest ? periodOf(latest) : null;
}

/** The school's growth report over its counted students, as the school's own report counts them. */
export function schoolGrowth(
  students: readonly ReportStudent[],
  measurements: readonly ReportMeasurement[],
  asOf: string,
  refs: GrowthReferences,
): { period: MeasurePeriod; report: GrowthReport } | null {
  const ids = new Set(students.map((s) => s.id));
  const upTo = measurements.filter((m) => m.measuredOn <= asOf && ids.has(m.studentId));
  const period = nutritionPeriod(upTo, asOf);
  if (!period) return null;
  return {
    period,
    report: growthReport({ students, measurements: upTo, period, previous: previousPeriod(period), refs }),
  };
}

export function nutritionSummary(
  students: readonly ReportStudent[],
  measurements: readonly ReportMeasurement[],
  asOf: string,
  refs: GrowthReferences,
): NutritionSummary | null {
  return summaryOfGrowth(schoolGrowth(students, measurements, asOf, refs));
}

export function summaryOfGrowth(grown: ReturnType<typeof schoolGrowth>): NutritionSummary | null {
  if (!grown) return null;
  const { period, report } = grown;
  const pair = (l: GrowthReport['lines'][number]): CountsPair => ({ current: l.current, previous: l.previous });
  const byGrade: NutritionSummary['byGrade'] = {};
  for (const l of report.lines) if (l.kind === 'grade' && l.grade) byGrade[l.grade] = pair(l);
  const school = report.lines.find((l) => l.kind === 'school');
  if (!school) return null;
  const followUp = { children: report.followUp.length, thin: 0, short: 0, obese: 0, check: 0 };
  for (const f of report.followUp) for (const r of f.reasons) followUp[r]++;
  return {
    period: periodKey(period),
    previous: periodKey(previousPeriod(period)),
    school: pair(school),
    byGrade,
    followUp,
  };
}
