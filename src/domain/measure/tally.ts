// Counts by sex for one line of the growth report.
import type { SexCode } from '../codes';
import type { GrowthResult } from '../growth/assess';
import { HEIGHT_STATUSES, NUTRITION_STATUSES, type HeightStatus, type NutritionStatus } from '../growth/status';

/** Boys, girls, and everyone (a record without a sex counts only in the total). */
export interface Tally {
  M: number;
  F: number;
  total: number;
}

export interface GroupCounts {
  students: Tally;
  /** Students with a weight or a height in the period. */
  measured: Tally;
  nutrition: Record<NutritionStatus, Tally>;
  height: Record<HeightStatus, Tally>;
  /** สูงดีสมส่วน */
  goodGrowth: Tally;
  /** Measured but without a category: no birth date or sex, a missing value, or a value WHO flags as implausible. */
  unassessed: Tally;
}

const zero = (): Tally => ({ M: 0, F: 0, total: 0 });
const each = <K extends string>(keys: readonly K[]): Record<K, Tally> =>
  Object.fromEntries(keys.map((k) => [k, zero()])) as Record<K, Tally>;

export function emptyCounts(): GroupCounts {
  return {
    students: zero(),
    measured: zero(),
    nutrition: each(NUTRITION_STATUSES),
    height: each(HEIGHT_STATUSES),
    goodGrowth: zero(),
    unassessed: zero(),
  };
}

function add(t: Tally, sex: SexCode | null): void {
  if (sex) t[sex]++;
  t.total++;
}

export function tally(c: GroupCounts, sex: SexCode | null, measured: boolean, r: GrowthResult | null): void {
  add(c.students, sex);
  if (!measured) return;
  add(c.measured, sex);
  const nutrition = r?.status.nutrition ?? null;
  const height = r?.status.height ?? null;
  if (nutrition) add(c.nutrition[nutrition], sex);
  if (height) add(c.height[height], sex);
  if (r?.status.goodGrowth) add(c.goodGrowth, sex);
  if (!nutrition || !height) add(c.unassessed, sex);
}

/** A share as a whole percentage, or null when there is nobody to share among. */
export const percent = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
