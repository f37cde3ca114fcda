// The district's nutrition report: each school's nutrition summary and their sums by grade and over the
// district. Schools are summed only when they measured in the same period (the one most schools used);
// the others are listed with their own period, and schools without measurements are named.
import { grades as GRADES, type GradeCode } from '../codes';
import { emptyCounts, type GroupCounts, type Tally } from '../measure/tally';
import type { CountsPair, NutritionSummary } from './nutrition';

export interface NutritionSchool {
  code: string;
  name: string;
  nutrition: NutritionSummary | null | undefined;
  /** Every student the school's submission counts, measured or not: what district coverage is measured against. */
  students?: number;
}
export type NutritionLine = { code: string; name: string } & NutritionSummary;

export interface DistrictNutrition {
  /** The period most schools measured in (periodKey), and the one before; null when no school measured. */
  period: string | null;
  previous: string | null;
  schools: NutritionLine[];
  total: Omit<NutritionSummary, 'period' | 'previous'>;
  /** Grades any summed school reported, in the catalogue's order: the report's rows. */
  grades: GradeCode[];
  /** Schools whose latest measurements fall in another period: shown, not summed. */
  otherPeriod: NutritionLine[];
  /** Schools whose bundle carried no measurements. */
  noData: { code: string; name: string }[];
  /** Schools whose bundle was stored before the nutrition summary existed. */
  notSummarised: { code: string; name: string }[];
  /** Children measured in the district's period against every child of every submission (a school that sent none counts too). */
  coverage: { measured: number; students: number };
}

function addTally(a: Tally, b: Tally): void {
  a.M += b.M;
  a.F += b.F;
  a.total += b.total;
}

export function addCounts(into: GroupCounts, c: GroupCounts): GroupCounts {
  addTally(into.students, c.students);
  addTally(into.measured, c.measured);
  for (const k of Object.keys(into.nutrition) as (keyof GroupCounts['nutrition'])[])
    addTally(into.nutrition[k], c.nutrition[k]);
  for (const k of Object.keys(into.height) as (keyof GroupCounts['height'])[]) addTally(into.height[k], c.height[k]);
  addTally(into.goodGrowth, c.goodGrowth);
  addTally(into.unassessed, c.unassessed);
  return into;
}

const addPair = (into: CountsPair, p: CountsPair): void => {
  addCounts(into.current, p.current);
  if (p.previous) addCounts((into.previous ??= emptyCounts()), p.previous);
};
const emptyPair = (): CountsPair => ({ current: emptyCounts(), previous: null });

function mostCommon(keys: readonly string[]): string | null {
  const n = new Map<string, number>();
  for (const k of keys) n.set(k, (n.get(k) ?? 0) + 1);
  // Ties go to the later period: the report is about the newest measurements.
  return [...n.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0]?.[0] ?? null;
}

export function districtNutrition(schools: readonly NutritionSchool[]): DistrictNutrition {
  const sorted = [...schools].sort((a, b) => (a.code < b.code ? -1 : 1));
  const measured = sorted.filter((s) => s.nutrition).map((s) => ({ code: s.code, name: s.name, ...s.nutrition! }));
  const period = mostCommon(measured.map((s) => s.period));
  const inPeriod = measured.filter((s) => s.period === period);
  const total = {
    school: emptyPair(),
    byGrade: {} as NutritionSummary['byGrade'],
    followUp: { children: 0, thin: 0, short: 0, obese: 0, check: 0 },
  };
  for (const s of inPeriod) {
    addPair(total.school, s.school);
    for (const [g, p] of Object.entries(s.byGrade) as [GradeCode, CountsPair][])
      addPair((total.byGrade[g] ??= emptyPair()), p);
    for (const k of Object.keys(total.followUp) as (keyof typeof total.followUp)[]) total.followUp[k] += s.followUp[k];
  }
  const ref = ({ code, name }: NutritionSchool) => ({ code, name });
  const students = sorted.reduce((n, s) => n + (s.students ?? s.nutrition?.school.current.students.total ?? 0), 0);
  return {
    coverage: { measured: total.school.current.measured.total, students },
    period,
    previous: inPeriod[0]?.previous ?? null,
    schools: inPeriod,
    total,
    grades: GRADES.map((g) => g.code).filter((g) => total.byGrade[g]),
    otherPeriod: measured.filter((s) => s.period !== period),
    noData: sorted.filter((s) => s.nutrition === null).map(ref),
    notSummarised: sorted.filter((s) => s.nutrition === undefined).map(ref),
  };
}
