// A per-head subsidy estimate from a rate table the officer enters. The app ships no rates: each table
// names the academic year and the source (a regulation, a letter) it was copied from.
import { z } from 'zod';
import { gradeCodeSchema, type GradeCode } from '../codes';
import { SCHOOL_LEVELS, type SchoolLevel } from '../school';
import { levelOfGrade } from '../year/count-table';

export const subsidyRateSchema = z.object({
  item: z.string().trim().min(1, 'subsidy.item'),
  level: z.enum(SCHOOL_LEVELS),
  bahtPerHead: z.number().nonnegative('subsidy.rate'),
});
export type SubsidyRate = z.infer<typeof subsidyRateSchema>;

export const subsidyTableSchema = z.object({
  academicYear: z.number().int().min(2400, 'subsidy.year').max(2800, 'subsidy.year'),
  source: z.string().trim().min(3, 'subsidy.source'),
  rates: z.array(subsidyRateSchema).min(1, 'subsidy.rates'),
  enteredAt: z.iso.datetime({ offset: true }),
  enteredBy: z.string(),
});
export type SubsidyTable = z.infer<typeof subsidyTableSchema>;

export interface SubsidyLine {
  item: string;
  level: SchoolLevel;
  heads: number;
  bahtPerHead: number;
  baht: number;
}

/** Heads by level from counts by grade; students without a grade get no subsidy line. */
export function headsByLevel(
  byGrade: Partial<Record<GradeCode, { M: number; F: number; unknown: number }>>,
): Record<SchoolLevel, number> {
  const heads = Object.fromEntries(SCHOOL_LEVELS.map((l) => [l, 0])) as Record<SchoolLevel, number>;
  for (const [grade, c] of Object.entries(byGrade)) {
    if (c) heads[levelOfGrade(gradeCodeSchema.parse(grade))] += c.M + c.F + c.unknown;
  }
  return heads;
}

export function estimateSubsidy(
  table: Pick<SubsidyTable, 'rates'>,
  heads: Record<SchoolLevel, number>,
): { lines: SubsidyLine[]; baht: number } {
  const lines = table.rates.map((r) => ({
    item: r.item,
    level: r.level,
    heads: heads[r.level],
    bahtPerHead: r.bahtPerHead,
    baht: heads[r.level] * r.bahtPerHead,
  }));
  return { lines, baht: lines.reduce((sum, l) => sum + l.baht, 0) };
}
