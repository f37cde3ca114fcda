// The rows of the nutrition report, defined once for the school's screen, the district's panel and the
// workbook: which counts each row reads, and in which order. The words are the caller's (a row's `group`
// and `key` name its label: `nutrition.thin` → the catalogue's "ผอม").
import { HEIGHT_STATUSES, NUTRITION_STATUSES, type HeightStatus, type NutritionStatus } from '../growth/status';
import type { GroupCounts, Tally } from './tally';

export type ReportRow =
  | { group: 'nutrition'; key: NutritionStatus; tally: (c: GroupCounts) => Tally }
  | { group: 'height'; key: HeightStatus; tally: (c: GroupCounts) => Tally }
  | { group: 'count'; key: 'students' | 'measured' | 'good' | 'unassessed'; tally: (c: GroupCounts) => Tally };

const byNutrition: readonly ReportRow[] = NUTRITION_STATUSES.map((key) => ({
  group: 'nutrition',
  key,
  tally: (c) => c.nutrition[key],
}));
const byHeight: readonly ReportRow[] = HEIGHT_STATUSES.map((key) => ({
  group: 'height',
  key,
  tally: (c) => c.height[key],
}));
const good: ReportRow = { group: 'count', key: 'good', tally: (c) => c.goodGrowth };
const unassessed: ReportRow = { group: 'count', key: 'unassessed', tally: (c) => c.unassessed };

/** The nutrition table: each weight-for-height category, then good growth and those not assessed. */
export const NUTRITION_ROWS: readonly ReportRow[] = [...byNutrition, good, unassessed];

/** The height table: each height-for-age category. */
export const HEIGHT_ROWS: readonly ReportRow[] = byHeight;

/** The workbook's count sheet, left to right: students, measured, every category, good growth, not assessed. */
export const WORKBOOK_ROWS: readonly ReportRow[] = [
  { group: 'count', key: 'students', tally: (c) => c.students },
  { group: 'count', key: 'measured', tally: (c) => c.measured },
  ...byNutrition,
  ...byHeight,
  good,
  unassessed,
];
