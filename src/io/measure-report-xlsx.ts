// The growth report as an .xlsx workbook: counts per line by category and sex, the comparison with the
// period before, and the children to follow up. Every cell goes through safeCell (src/io/export/book.ts),
// so a name typed as "=…" stays text. The caller passes the words, so the file follows the app's language.
import type { HeightStatus, NutritionStatus } from '../domain/growth/status';
import { WORKBOOK_ROWS, type ReportRow } from '../domain/measure/report-rows';
import type { FollowUp, FollowUpReason, GrowthReport, ReportLine } from '../domain/measure/report';
import { percent, type GroupCounts, type Tally } from '../domain/measure/tally';
import { xlsxBytes, type SheetSpec } from './export/book';
import type { CellValue } from './export/safe-cell';

export interface MeasureReportWords {
  /** Lines above the tables: school, title, period, "computed from the WHO references …". */
  heading: string[];
  sheets: { counts: string; compare: string; followUp: string };
  line: string;
  male: string;
  female: string;
  total: string;
  students: string;
  measured: string;
  measuredShare: string;
  unassessed: string;
  goodGrowth: string;
  previous: string;
  obeseGroup: string;
  nutrition: Record<NutritionStatus, string>;
  height: Record<HeightStatus, string>;
  reasons: Record<FollowUpReason, string>;
  followUpColumns: string[];
  lineName(line: ReportLine): string;
  followUpRow(f: FollowUp): CellValue[];
}

type Row = CellValue[];
const COUNT_WORDS = {
  students: 'students',
  measured: 'measured',
  good: 'goodGrowth',
  unassessed: 'unassessed',
} as const;
const rowWord = (row: ReportRow, w: MeasureReportWords): string =>
  row.group === 'nutrition'
    ? w.nutrition[row.key]
    : row.group === 'height'
      ? w.height[row.key]
      : w[COUNT_WORDS[row.key]];
const bySex = (t: Tally): Row => [t.M, t.F, t.total];

function countsSheet(r: GrowthReport, w: MeasureReportWords): SheetSpec {
  const groups = WORKBOOK_ROWS.map((row): [string, (c: GroupCounts) => Tally] => [rowWord(row, w), row.tally]);
  const head1: Row = [w.line, ...groups.flatMap(([name]) => [name, null, null]), w.measuredShare];
  const head2: Row = [null, ...groups.flatMap(() => [w.male, w.female, w.total]), null];
  const body = r.lines.map((l): Row => [
    w.lineName(l),
    ...groups.flatMap(([, pick]) => bySex(pick(l.current))),
    percent(l.current.measured.total, l.current.students.total),
  ]);
  return { name: w.sheets.counts, rows: [...w.heading.map((h) => [h]), [], head1, head2, ...body] };
}

function compareSheet(r: GrowthReport, w: MeasureReportWords): SheetSpec {
  const obese = (c: GroupCounts) => c.nutrition.overweight.total + c.nutrition.obese.total;
  const pairs: [string, (c: GroupCounts) => number][] = [
    [w.measured, (c) => c.measured.total],
    [w.nutrition.thin, (c) => c.nutrition.thin.total],
    [w.height.short, (c) => c.height.short.total],
    [w.obeseGroup, obese],
    [w.goodGrowth, (c) => c.goodGrowth.total],
  ];
  const head: Row = [w.line, ...pairs.flatMap(([name]) => [name, `${name} (${w.previous})`])];
  const body = r.lines.map((l): Row => [
    w.lineName(l),
    ...pairs.flatMap(([, pick]) => [pick(l.current), l.previous ? pick(l.previous) : null]),
  ]);
  return { name: w.sheets.compare, rows: [...w.heading.map((h) => [h]), [], head, ...body] };
}

function followUpSheet(r: GrowthReport, w: MeasureReportWords): SheetSpec {
  return {
    name: w.sheets.followUp,
    rows: [...w.heading.map((h) => [h]), [], w.followUpColumns, ...r.followUp.map((f) => w.followUpRow(f))],
  };
}

export function measureReportSheets(r: GrowthReport, w: MeasureReportWords): SheetSpec[] {
  return [countsSheet(r, w), compareSheet(r, w), followUpSheet(r, w)];
}

export const measureReportXlsx = (r: GrowthReport, w: MeasureReportWords): Uint8Array =>
  xlsxBytes(measureReportSheets(r, w));
