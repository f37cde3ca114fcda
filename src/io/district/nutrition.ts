// The district's nutrition workbook: counts and the comparison with the period before per school, per grade
// over the district and for the district (the school report's own sheets), and each school's follow-up
// counts. A school's own workbook adds its children to follow up, and never another school's.
import { grades as GRADES, type GradeCode } from '../../domain/codes';
import type { CountsPair } from '../../domain/district/nutrition';
import type { DistrictNutrition, NutritionLine } from '../../domain/district/nutrition-report';
import type { FollowUp, GrowthReport, ReportLine } from '../../domain/measure/report';
import type { SheetSpec } from '../export/book';
import type { CellValue } from '../export/safe-cell';
import { measureReportSheets, type MeasureReportWords } from '../measure-report-xlsx';

export interface NutritionWords {
  /** The school report's words; `lineName` is given lines of kind school (code in `school`), grade and all. */
  report: MeasureReportWords;
  followUpSheet: string;
  /** Code, name, period, children, thin, short, obese, check. */
  followUpColumns: string[];
  periodName(key: string): string;
  /** Notes under the follow-up counts: schools of another period, without data, not summarised. */
  notes: string[];
}

const line = (kind: ReportLine['kind'], school: string, grade: GradeCode | null, p: CountsPair): ReportLine => ({
  kind,
  school,
  grade,
  room: null,
  current: p.current,
  previous: p.previous,
});

const gradeLines = (school: string, byGrade: NutritionLine['byGrade'], grades: readonly GradeCode[]): ReportLine[] =>
  grades.filter((g) => byGrade[g]).map((g) => line('grade', school, g, byGrade[g]!));

function followUpCounts(n: DistrictNutrition, w: NutritionWords): SheetSpec {
  const row = (s: NutritionLine): CellValue[] => [
    s.code,
    s.name,
    w.periodName(s.period),
    s.followUp.children,
    s.followUp.thin,
    s.followUp.short,
    s.followUp.obese,
    s.followUp.check,
  ];
  const t = n.total.followUp;
  return {
    name: w.followUpSheet,
    rows: [
      ...w.report.heading.map((h) => [h]),
      [],
      w.followUpColumns,
      ...n.schools.map(row),
      ...n.otherPeriod.map(row),
      [
        null,
        w.report.lineName(line('all', '', null, n.total.school)),
        n.period ? w.periodName(n.period) : null,
        t.children,
        t.thin,
        t.short,
        t.obese,
        t.check,
      ],
      [],
      ...w.notes.map((x) => [x]),
    ],
  };
}

/** The whole district: no child's name, only counts. */
export function districtNutritionSheets(n: DistrictNutrition, w: NutritionWords): SheetSpec[] {
  const report: GrowthReport = {
    lines: [
      ...n.schools.map((s) => line('school', s.code, null, s.school)),
      ...gradeLines('', n.total.byGrade, n.grades),
      line('all', '', null, n.total.school),
    ],
    followUp: [],
  };
  const [counts, compare] = measureReportSheets(report, w.report);
  return [counts!, compare!, followUpCounts(n, w)];
}

/** One school: its grades, its total and its own children to follow up. */
export function schoolNutritionSheets(
  s: NutritionLine,
  followUp: readonly FollowUp[],
  w: MeasureReportWords,
): SheetSpec[] {
  return measureReportSheets(
    {
      lines: [
        ...gradeLines(
          s.code,
          s.byGrade,
          GRADES.map((g) => g.code),
        ),
        line('school', s.code, null, s.school),
      ],
      followUp: [...followUp],
    },
    w,
  );
}
