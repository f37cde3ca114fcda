// The national report (`tabian national report`): per round, counted students by province, district, level,
// grade and sex; standing movements by kind; nutrition of the schools' latest measurements; the per-head
// subsidy estimate from a rate table the office gives (the district report's one owner, subsidy.ts).
// The JSON shape is a contract (docs/national.md): fields are only ever added.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { AreaData } from '../../domain/areas/areas';
import { gradeCodeSchema } from '../../domain/codes';
import { estimateSubsidy, headsByLevel, type SubsidyLine, type SubsidyTable } from '../../domain/district/subsidy';
import { nutritionSummarySchema } from '../../domain/district/nutrition';
import { SCHOOL_LEVELS, type SchoolLevel } from '../../domain/school';
import { levelOfGrade } from '../../domain/year/count-table';

export interface SexCounts {
  M: number;
  F: number;
  unknown: number;
  total: number;
}
export interface NationalRound {
  academicYear: number;
  round: string;
  schools: number;
  students: SexCounts;
  byProvince: ({ province: string } & SexCounts)[];
  byDistrict: ({ district: string; name: string; province: string; schools: number } & SexCounts)[];
  byLevel: Record<SchoolLevel, SexCounts>;
  byGrade: Record<string, SexCounts>;
  movements: Record<string, number>;
  nutrition: {
    schools: number;
    measured: number;
    statuses: Record<string, number>;
    height: Record<string, number>;
    followUp: Record<string, number>;
  };
  subsidy: { academicYear: number; source: string; lines: SubsidyLine[]; baht: number } | null;
}
export interface NationalReport {
  rounds: NationalRound[];
}

const zero = (): SexCounts => ({ M: 0, F: 0, unknown: 0, total: 0 });
const add = (c: SexCounts, sex: string, n: number) => {
  if (sex === 'M' || sex === 'F') c[sex] += n;
  else c.unknown += n;
  c.total += n;
};

/** The province of a district office, read from its name ("สพป.เชียงใหม่ เขต 1") against the DOPA list; '' when none fits. */
export function provinceOf(name: string, provinces: readonly { nameTh: string }[]): string {
  let best = '';
  for (const p of provinces) if (name.includes(p.nameTh) && p.nameTh.length > best.length) best = p.nameTh;
  // Bangkok's offices say กรุงเทพมหานคร; the DOPA list names it so too.
  return best;
}

type Row = Record<string, unknown>;
const rows = async (c: DuckDBConnection, sql: string): Promise<Row[]> => (await c.runAndReadAll(sql)).getRowObjects();

async function roundReport(
  c: DuckDBConnection,
  year: number,
  round: string,
  provinces: AreaData['provinces'],
  rates: SubsidyTable | null,
): Promise<NationalRound> {
  const where = `academic_year = ${year} AND round = '${round.replaceAll("'", "''")}'`;
  const names = new Map(
    (
      await rows(
        c,
        `SELECT district, any_value(district_name) AS name, count(*)::INTEGER AS schools FROM latest WHERE ${where} GROUP BY district`,
      )
    ).map((r) => [String(r['district']), { name: String(r['name']), schools: Number(r['schools']) }]),
  );
  const provinceList = provinces.map(([, nameTh]) => ({ nameTh }));
  const out: NationalRound = {
    academicYear: year,
    round,
    schools: [...names.values()].reduce((n, d) => n + d.schools, 0),
    students: zero(),
    byProvince: [],
    byDistrict: [],
    byLevel: Object.fromEntries(SCHOOL_LEVELS.map((l) => [l, zero()])) as Record<SchoolLevel, SexCounts>,
    byGrade: {},
    movements: {},
    nutrition: { schools: 0, measured: 0, statuses: {}, height: {}, followUp: {} },
    subsidy: null,
  };
  const districts = new Map<string, NationalRound['byDistrict'][number]>();
  const provinceCounts = new Map<string, { province: string } & SexCounts>();
  for (const r of await rows(
    c,
    `SELECT district, grade, sex, count(*)::INTEGER AS n FROM counted_students WHERE ${where} GROUP BY ALL ORDER BY ALL`,
  )) {
    const code = String(r['district']),
      grade = String(r['grade']),
      sex = String(r['sex']),
      n = Number(r['n']);
    const meta = names.get(code) ?? { name: '', schools: 0 };
    const province = provinceOf(meta.name, provinceList);
    const d = districts.get(code) ?? { district: code, name: meta.name, province, schools: meta.schools, ...zero() };
    districts.set(code, d);
    const p = provinceCounts.get(province) ?? { province, ...zero() };
    provinceCounts.set(province, p);
    for (const c2 of [out.students, d, p]) add(c2, sex, n);
    const g = gradeCodeSchema.safeParse(grade);
    if (g.success) {
      add((out.byGrade[g.data] ??= zero()), sex, n);
      add(out.byLevel[levelOfGrade(g.data)], sex, n);
    }
  }
  out.byDistrict = [...districts.values()].sort((a, b) => (a.district < b.district ? -1 : 1));
  out.byProvince = [...provinceCounts.values()].sort((a, b) => (a.province < b.province ? -1 : 1));
  for (const r of await rows(
    c,
    `SELECT m.kind, count(*)::INTEGER AS n FROM movements m JOIN latest l ON m.bundle_sha256 = l.file_sha256 WHERE l.${where.replace(' AND round', ' AND l.round')} GROUP BY ALL ORDER BY ALL`,
  )) {
    out.movements[String(r['kind'])] = Number(r['n']);
  }
  for (const r of await rows(c, `SELECT nutrition FROM latest WHERE ${where} AND nutrition <> ''`)) {
    const parsed = nutritionSummarySchema.safeParse(JSON.parse(String(r['nutrition'])));
    if (!parsed.success) continue;
    const cur = parsed.data.school.current;
    out.nutrition.schools++;
    out.nutrition.measured += cur.measured.total;
    for (const [k, t] of Object.entries(cur.nutrition))
      out.nutrition.statuses[k] = (out.nutrition.statuses[k] ?? 0) + t.total;
    for (const [k, t] of Object.entries(cur.height)) out.nutrition.height[k] = (out.nutrition.height[k] ?? 0) + t.total;
    for (const [k, n] of Object.entries(parsed.data.followUp))
      out.nutrition.followUp[k] = (out.nutrition.followUp[k] ?? 0) + n;
  }
  if (rates) {
    const estimate = estimateSubsidy(rates, headsByLevel(out.byGrade as Parameters<typeof headsByLevel>[0]));
    out.subsidy = { academicYear: rates.academicYear, source: rates.source, ...estimate };
  }
  return out;
}

export async function nationalReport(
  c: DuckDBConnection,
  areas: AreaData,
  rates: SubsidyTable | null,
): Promise<NationalReport> {
  const rounds = await rows(c, 'SELECT DISTINCT academic_year, round FROM latest ORDER BY academic_year, round');
  const out: NationalRound[] = [];
  for (const r of rounds)
    out.push(await roundReport(c, Number(r['academic_year']), String(r['round']), areas.provinces, rates));
  return { rounds: out };
}
