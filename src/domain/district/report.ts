// District totals from each school's accepted submission of a round: counts by grade and sex,
// movements, disadvantage and disability, and the subsidy estimate when a rate table is given.
import type { GradeCode } from '../codes';
import { SCHOOL_LEVELS, type SchoolLevel } from '../school';
import type { MovementKind } from '../year/movement';
import { estimateSubsidy, headsByLevel, type SubsidyLine, type SubsidyTable } from './subsidy';
import { totalOf, type BundleSummary, type SexCounts } from './summary';

export interface ReportSchool {
  code: string;
  name: string;
  summary: BundleSummary;
}

export interface SchoolLine {
  code: string;
  name: string;
  byGrade: Partial<Record<GradeCode, SexCounts>>;
  total: SexCounts;
  movements: Partial<Record<MovementKind, number>> | null;
  disadvantage: Record<string, number>;
  disability: Record<string, number>;
  heads: Record<SchoolLevel, number>;
  subsidy: { lines: SubsidyLine[]; baht: number } | null;
}

export interface DistrictReport {
  schools: SchoolLine[];
  /** Grades any school reported, ascending: the report's columns. */
  grades: GradeCode[];
  total: SchoolLine;
  /** Schools whose bundles carried no movements: their movement cells say "no data", not 0. */
  withoutMovements: number;
}

const add = (a: Record<string, number>, b: Partial<Record<string, number>>): void => {
  for (const [k, v] of Object.entries(b)) a[k] = (a[k] ?? 0) + (v ?? 0);
};

function lineOf(s: ReportSchool, table: SubsidyTable | null): SchoolLine {
  const heads = headsByLevel(s.summary.byGrade);
  return {
    code: s.code,
    name: s.name,
    byGrade: s.summary.byGrade,
    total: totalOf(s.summary.byGrade, s.summary.noGrade),
    movements: s.summary.movements,
    disadvantage: s.summary.disadvantage,
    disability: s.summary.disability,
    heads,
    subsidy: table ? estimateSubsidy(table, heads) : null,
  };
}

export function districtReport(
  schools: readonly ReportSchool[],
  table: SubsidyTable | null,
  totalName: string,
): DistrictReport {
  const lines = [...schools].sort((a, b) => (a.code < b.code ? -1 : 1)).map((s) => lineOf(s, table));
  const byGrade: Partial<Record<GradeCode, SexCounts>> = {};
  const movements: Partial<Record<MovementKind, number>> = {};
  const disadvantage: Record<string, number> = {};
  const disability: Record<string, number> = {};
  const heads = Object.fromEntries(SCHOOL_LEVELS.map((l) => [l, 0])) as Record<SchoolLevel, number>;
  for (const l of lines) {
    for (const [g, c] of Object.entries(l.byGrade) as [GradeCode, SexCounts][]) {
      const t = (byGrade[g] ??= { M: 0, F: 0, unknown: 0 });
      t.M += c.M;
      t.F += c.F;
      t.unknown += c.unknown;
    }
    if (l.movements) add(movements, l.movements);
    add(disadvantage, l.disadvantage);
    add(disability, l.disability);
    add(heads, l.heads);
  }
  const total: SchoolLine = {
    code: '',
    name: totalName,
    byGrade,
    total: totalOf({}, { M: 0, F: 0, unknown: 0 }),
    movements,
    disadvantage,
    disability,
    heads,
    subsidy: table ? estimateSubsidy(table, heads) : null,
  };
  total.total = lines.reduce(
    (t, l) => ({ M: t.M + l.total.M, F: t.F + l.total.F, unknown: t.unknown + l.total.unknown }),
    total.total,
  );
  return {
    schools: lines,
    grades: (Object.keys(byGrade) as GradeCode[]).sort(),
    total,
    withoutMovements: lines.filter((l) => !l.movements).length,
  };
}
