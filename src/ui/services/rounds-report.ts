// The round report: counts as districts lay them out, the comparison with the previous round, and the
// same figures as an .xlsx workbook.
import { roundLabel } from '../../domain/calendar';
import { compareRounds, type RoundComparison } from '../../domain/year/compare';
import { countTable, type CountLine, type CountTable } from '../../domain/year/count-table';
import { compareClasses, fullName } from '../../domain/year/classes';
import { previousRound, reportedRows, type Attestation } from '../../domain/year/round';
import type { FrozenRow } from '../../domain/year/snapshot';
import type { Cell, Sheet } from '../../io/round-report-xlsx';
import { i18n, t } from '../i18n/i18n.svelte';
import { loadRound, type RoundRef, type RoundView } from './rounds.service';
import { className, dateTime, gradeLabel, longDate, shortDate } from './year-format';
import { causeLabel, kindLabel } from './movements-kinds';

export interface RoundReport {
  view: RoundView;
  /** What the report counts: the certified snapshot once there is one, else today's data. */
  rows: FrozenRow[];
  certified: Attestation | null;
  table: CountTable;
  previous: { ref: RoundRef; asOf: string; certified: boolean; count: number };
  comparison: RoundComparison;
}

const rowsOf = (v: RoundView): FrozenRow[] => [...reportedRows(v.record, v.live)];

export async function loadRoundReport(ref: RoundRef): Promise<RoundReport> {
  const prevRef = previousRound(ref.academicYear, ref.round);
  const [view, prev] = await Promise.all([
    loadRound(ref.academicYear, ref.round),
    loadRound(prevRef.academicYear, prevRef.round),
  ]);
  const rows = rowsOf(view);
  const prevRows = rowsOf(prev);
  return {
    view,
    rows,
    certified: view.record.certification,
    table: countTable(rows),
    previous: { ref: prevRef, asOf: prev.asOf, certified: !!prev.record.certification, count: prevRows.length },
    comparison: compareRounds(prevRows, rows, view.movements, prev.asOf, view.asOf),
  };
}

export function lineName(l: CountLine): string {
  if (l.kind === 'room') return className(l.grade, l.room);
  if (l.kind === 'grade') return t('reports.grade_total', { grade: gradeLabel(l.grade) });
  if (l.kind === 'level') return t('reports.level_total', { level: t(`level.${l.level}`) });
  return t('reports.school_total');
}

export function reportTitle(r: RoundReport): string {
  return t('reports.heading', {
    round: roundLabel(r.view.round, i18n.locale),
    year: r.view.academicYear,
    date: longDate(r.view.asOf),
  });
}

export function certifiedLine(r: RoundReport): string {
  return r.certified
    ? t('reports.certified_by', { name: r.certified.userName, at: dateTime(r.certified.at) })
    : t('reports.not_certified');
}

const collator = new Intl.Collator('th', { numeric: true });
// Class order (no grade last), then Thai name order, within each group.
const byClassThenName = <T extends { row: FrozenRow }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => compareClasses(a.row, b.row) || collator.compare(a.row.firstName, b.row.firstName));

export function comparisonRows(r: RoundReport): Cell[][] {
  const line = (what: string, f: FrozenRow, when: string, why: string): Cell[] => [
    what,
    fullName(f),
    className(f.grade, f.room),
    when,
    why,
  ];
  const { joined, left, missing } = r.comparison;
  return [
    ...byClassThenName(joined).map((j) =>
      line(
        t('reports.joined'),
        j.row,
        j.movement ? shortDate(j.movement.effectiveOn) : '',
        j.movement ? `${kindLabel(j.movement.kind)} ${j.movement.school}`.trim() : t('reports.new_record'),
      ),
    ),
    ...byClassThenName(left).map((l) =>
      line(
        t('reports.left'),
        l.row,
        shortDate(l.movement.effectiveOn),
        l.movement.cause ? causeLabel(l.movement.cause) : kindLabel(l.movement.kind),
      ),
    ),
    ...byClassThenName(missing.map((row) => ({ row }))).map((m) =>
      line(t('reports.missing'), m.row, '', t('reports.missing_why')),
    ),
  ];
}

/** The report as a workbook: the count table, then the comparison with the previous round. */
export async function reportWorkbook(r: RoundReport, schoolName: string): Promise<Uint8Array> {
  // SheetJS is large: load it only when someone exports.
  const { roundReportXlsx } = await import('../../io/round-report-xlsx');
  const counts: Sheet = {
    name: t('reports.sheet_counts'),
    widths: [22, 10, 10, 10, 10, 10],
    rows: [
      [schoolName],
      [reportTitle(r)],
      [certifiedLine(r)],
      [],
      [
        t('reports.class'),
        t('reports.male'),
        t('reports.female'),
        t('reports.unknown_sex'),
        t('reports.total'),
        t('reports.rooms'),
      ],
      ...r.table.lines.map((l): Cell[] => [
        lineName(l),
        l.M,
        l.F,
        l.unknown,
        l.total,
        l.kind === 'room' ? null : l.rooms,
      ]),
    ],
  };
  const compare: Sheet = {
    name: t('reports.sheet_compare'),
    widths: [16, 30, 10, 14, 30],
    rows: [
      [
        t('reports.compare_title', {
          prev: roundLabel(r.previous.ref.round, i18n.locale),
          year: r.previous.ref.academicYear,
          date: longDate(r.previous.asOf),
        }),
      ],
      [],
      [t('reports.change'), t('reports.name'), t('reports.class'), t('reports.effective'), t('reports.why')],
      ...comparisonRows(r),
    ],
  };
  return roundReportXlsx([counts, compare]);
}
