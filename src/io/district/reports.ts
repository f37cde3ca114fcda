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

const LEVEL = { kindergarten: 'อนุบาล', primary: 'ประถมศึกษา', 'lower-secondary': 'ม.ต้น', 'upper-secondary': 'ม.ปลาย', vocational: 'ปวช.' } as const;

/** The caller's words (the screen's catalogue), so the workbook says what the screen says, in its language. */
export interface ReportWords {
  /** Each sheet's title line, before the district, round and as-of date. */
  titles: { counts: string; movements: string; disadvantage: string; disability: string; subsidy: string };
  movements: Record<MovementKind, string>;
  /** Schools the report does not count (held, sent nothing), listed under the total with why. */
  notCounted: readonly { code: string; name: string; why: string }[];
}

const rowsWithTotal = (report: DistrictReport, cells: (l: SchoolLine) => CellValue[], words: ReportWords): CellValue[][] =>
  [...[...report.schools, report.total].map((l) => [l.code, l.name, ...cells(l)]), ...words.notCounted.map((s) => [s.code, s.name, s.why])];

/** Both counts under the table: as submitted, and children counted once, with each open pair listed. */
function onceRows(once: CountedOnce | null): CellValue[][] {
  if (!once) return [[], ['ยังตรวจนักเรียนซ้ำข้ามโรงเรียนไม่ได้: จำนวนข้างบนเป็นจำนวนตามที่โรงเรียนส่ง']];
  return [[], ['จำนวนตามที่โรงเรียนส่ง', once.submitted], ['นักเรียนไม่ซ้ำหลังตรวจข้ามโรงเรียน', once.distinct],
    ...(once.pairs.length ? [['นักเรียนที่ยังนับซ้ำ (รอเขตตัดสิน)', once.pairs.length], ['เลขประจำตัว', 'โรงเรียน', 'โรงเรียน']] : []),
    ...once.pairs.map((p) => [p.sides[0].row[2], p.sides[0].school.name, p.sides[1].school.name])];
}

function countsSheet(report: DistrictReport, title: string, once: CountedOnce | null, words: ReportWords): SheetSpec {
  const head = report.grades.flatMap((g) => [`${gradeLabel(g)} ชาย`, `${gradeLabel(g)} หญิง`]);
  return {
    name: 'จำนวนนักเรียน',
    rows: [[title], ['รหัสโรงเรียน', 'ชื่อโรงเรียน', ...head, 'รวมชาย', 'รวมหญิง', 'ไม่ระบุเพศ', 'รวม'],
      ...rowsWithTotal(report, (l) => [
        ...report.grades.flatMap((g) => [l.byGrade[g]?.M ?? 0, l.byGrade[g]?.F ?? 0]),
        l.total.M, l.total.F, l.total.unknown, l.total.M + l.total.F + l.total.unknown,
      ], words), ...onceRows(once)],
  };
}

function tallySheet(name: string, title: string, report: DistrictReport, list: 'disadvantage' | 'disability', words: ReportWords): SheetSpec {
  const codes = codeList(list).filter((c) => c !== '99');
  return {
    name,
    rows: [[title], ['รหัสโรงเรียน', 'ชื่อโรงเรียน', ...codes.map((c) => labelOf(list, c)), 'รวม'],
      ...rowsWithTotal(report, (l) => [...codes.map((c) => l[list][c] ?? 0), codes.reduce((n, c) => n + (l[list][c] ?? 0), 0)], words)],
  };
}

function movementsSheet(report: DistrictReport, title: string, words: ReportWords): SheetSpec {
  return {
    name: 'การเคลื่อนย้าย',
    rows: [[title], ['รหัสโรงเรียน', 'ชื่อโรงเรียน', ...MOVEMENT_KINDS.map((k) => words.movements[k])],
      ...rowsWithTotal(report, (l) => (l.movements ? MOVEMENT_KINDS.map((k) => l.movements![k] ?? 0) : ['ไม่มีข้อมูลการเคลื่อนย้ายในชุดข้อมูล']), words)],
  };
}

function subsidySheet(report: DistrictReport, table: SubsidyTable, title: string, once: CountedOnce | null, words: ReportWords): SheetSpec {
  const items = table.rates.map((r) => `${r.item} (${LEVEL[r.level]} ${r.bahtPerHead} บาท/คน)`);
  return {
    name: 'ประมาณการเงินอุดหนุน',
    rows: [[title], [`อัตราปีการศึกษา ${table.academicYear} ที่มา: ${table.source}`], ['เป็นการประมาณการจากจำนวนนักเรียนที่ส่งเขต ไม่ใช่ยอดจัดสรรจริง'], [subsidyBasis(once)],
      ['รหัสโรงเรียน', 'ชื่อโรงเรียน', ...SCHOOL_LEVELS.map((l) => `นักเรียน${LEVEL[l]}`), ...items, 'รวม (บาท)'],
      ...rowsWithTotal(report, (l) => [...SCHOOL_LEVELS.map((lv) => l.heads[lv]), ...(l.subsidy?.lines.map((x) => x.baht) ?? []), l.subsidy?.baht ?? 0], words)],
  };
}

/** Which count the estimate uses: always the schools' own, so a child two schools count is paid twice until decided. */
const subsidyBasis = (once: CountedOnce | null): string => (once && once.submitted !== once.distinct
  ? `ใช้จำนวนตามที่โรงเรียนส่ง ${once.submitted} คน ซึ่งนับซ้ำ ${once.submitted - once.distinct} คน (นักเรียนไม่ซ้ำ ${once.distinct} คน)`
  : 'ใช้จำนวนตามที่โรงเรียนส่ง');

/** `title`: the district, round and as-of date, written above every sheet. */
export function districtReportSheets(report: DistrictReport, title: string, table: SubsidyTable | null, once: CountedOnce | null, words: ReportWords): SheetSpec[] {
  const sheets = [
    countsSheet(report, `${words.titles.counts} ${title}`, once, words),
    movementsSheet(report, `${words.titles.movements} ${title}`, words),
    tallySheet('ด้อยโอกาส', `${words.titles.disadvantage} ${title}`, report, 'disadvantage', words),
    tallySheet('ความพิการ', `${words.titles.disability} ${title}`, report, 'disability', words),
  ];
  if (table) sheets.push(subsidySheet(report, table, `${words.titles.subsidy} ${title}`, once, words));
  return sheets;
}
