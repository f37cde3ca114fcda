// The district report as a workbook: head counts by school × grade × sex, movements, disadvantage and
// disability, and the subsidy estimate with the year and source of its rates. Rows only: book.ts writes them.
import { codeList } from '../../domain/codes';
import type { CountedOnce } from '../../domain/district/distinct';
import type { DistrictReport, SchoolLine } from '../../domain/district/report';
import type { SubsidyTable } from '../../domain/district/subsidy';
import { MOVEMENT_KINDS, type MovementKind } from '../../domain/year/movement';
import { SCHOOL_LEVELS } from '../../domain/school';
import type { SheetSpec } from '../export/book';
import type { CellValue } from '../export/safe-cell';
import { gradeLabel, labelOf } from '../export/labels';
import type { DistrictSheetWords } from './words';

/** The caller's words (the screen's catalogue), so the workbook says what the screen says, in its language. */
export interface ReportWords {
  sheet: DistrictSheetWords;
  /** Each sheet's title line, before the district, round and as-of date. */
  titles: { counts: string; movements: string; disadvantage: string; disability: string; subsidy: string };
  movements: Record<MovementKind, string>;
  /** Schools the report does not count (held, sent nothing), listed under the total with why. */
  notCounted: readonly { code: string; name: string; why: string }[];
}

const schoolHead = (w: DistrictSheetWords): string[] => [w.schoolCode, w.schoolName];

const rowsWithTotal = (
  report: DistrictReport,
  cells: (l: SchoolLine) => CellValue[],
  words: ReportWords,
): CellValue[][] => [
  ...[...report.schools, report.total].map((l) => [l.code, l.name, ...cells(l)]),
  ...words.notCounted.map((s) => [s.code, s.name, s.why]),
];

/** Both counts under the table: as submitted, and children counted once, with each open pair listed. */
function onceRows(once: CountedOnce | null, w: DistrictSheetWords): CellValue[][] {
  const o = w.report.once;
  if (!once) return [[], [o.unchecked]];
  return [
    [],
    [o.submitted, once.submitted],
    [o.distinct, once.distinct],
    ...(once.pairs.length
      ? [
          [o.open, once.pairs.length],
          [o.id, w.school, w.school],
        ]
      : []),
    ...once.pairs.map((p) => [p.sides[0].row[2], p.sides[0].school.name, p.sides[1].school.name]),
  ];
}

function countsSheet(report: DistrictReport, title: string, once: CountedOnce | null, words: ReportWords): SheetSpec {
  const w = words.sheet;
  const head = report.grades.flatMap((g) => [`${gradeLabel(g)} ${w.male}`, `${gradeLabel(g)} ${w.female}`]);
  return {
    name: w.report.sheets.counts,
    rows: [
      [title],
      [...schoolHead(w), ...head, w.report.totalMale, w.report.totalFemale, w.report.unknownSex, w.total],
      ...rowsWithTotal(
        report,
        (l) => [
          ...report.grades.flatMap((g) => [l.byGrade[g]?.M ?? 0, l.byGrade[g]?.F ?? 0]),
          l.total.M,
          l.total.F,
          l.total.unknown,
          l.total.M + l.total.F + l.total.unknown,
        ],
        words,
      ),
      ...onceRows(once, w),
    ],
  };
}

function tallySheet(
  title: string,
  report: DistrictReport,
  list: 'disadvantage' | 'disability',
  words: ReportWords,
): SheetSpec {
  const codes = codeList(list).filter((c) => c !== '99');
  return {
    name: words.sheet.report.sheets[list],
    rows: [
      [title],
      [...schoolHead(words.sheet), ...codes.map((c) => labelOf(list, c)), words.sheet.total],
      ...rowsWithTotal(
        report,
        (l) => [...codes.map((c) => l[list][c] ?? 0), codes.reduce((n, c) => n + (l[list][c] ?? 0), 0)],
        words,
      ),
    ],
  };
}

function movementsSheet(report: DistrictReport, title: string, words: ReportWords): SheetSpec {
  return {
    name: words.sheet.report.sheets.movements,
    rows: [
      [title],
      [...schoolHead(words.sheet), ...MOVEMENT_KINDS.map((k) => words.movements[k])],
      ...rowsWithTotal(
        report,
        (l) => (l.movements ? MOVEMENT_KINDS.map((k) => l.movements![k] ?? 0) : [words.sheet.report.noMovements]),
        words,
      ),
    ],
  };
}

function subsidySheet(
  report: DistrictReport,
  table: SubsidyTable,
  title: string,
  once: CountedOnce | null,
  words: ReportWords,
): SheetSpec {
  const {
    levels,
    report: { subsidy: s },
  } = words.sheet;
  const items = table.rates.map((r) => s.item(r.item, levels[r.level], r.bahtPerHead));
  // Always the schools' own counts, so a child two schools count is paid twice until decided.
  const basis =
    once && once.submitted !== once.distinct
      ? { submitted: once.submitted, double: once.submitted - once.distinct, distinct: once.distinct }
      : null;
  return {
    name: words.sheet.report.sheets.subsidy,
    rows: [
      [title],
      [s.rates(table.academicYear, table.source)],
      [s.estimate],
      [s.basis(basis)],
      [...schoolHead(words.sheet), ...SCHOOL_LEVELS.map((l) => s.students(levels[l])), ...items, s.total],
      ...rowsWithTotal(
        report,
        (l) => [
          ...SCHOOL_LEVELS.map((lv) => l.heads[lv]),
          ...(l.subsidy?.lines.map((x) => x.baht) ?? []),
          l.subsidy?.baht ?? 0,
        ],
        words,
      ),
    ],
  };
}

/** `title`: the district, round and as-of date, written above every sheet. */
export function districtReportSheets(
  report: DistrictReport,
  title: string,
  table: SubsidyTable | null,
  once: CountedOnce | null,
  words: ReportWords,
): SheetSpec[] {
  const sheets = [
    countsSheet(report, `${words.titles.counts} ${title}`, once, words),
    movementsSheet(report, `${words.titles.movements} ${title}`, words),
    tallySheet(`${words.titles.disadvantage} ${title}`, report, 'disadvantage', words),
    tallySheet(`${words.titles.disability} ${title}`, report, 'disability', words),
  ];
  if (table) sheets.push(subsidySheet(report, table, `${words.titles.subsidy} ${title}`, once, words));
  return sheets;
}
