// National findings (decision 32): every child counted in two districts becomes a finding for each of the two
// districts, the other district and school named, written as one `national-findings` bundle per district and
// round, signed by the national key. A district's list that has not changed since the last bundle is not sent
// again; a changed one is the next in that district's chain.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Bytes } from '../../domain/bundle/bytes';
import { sha256Hex } from '../../domain/bundle/hash';
import { utf8 } from '../../domain/bundle/bytes';
import type { SigningKey } from '../../domain/bundle/keys';
import { createNationalFindings } from '../../domain/bundle/national-findings';
import { ROUNDS } from '../../domain/bundle/statement';
import { nationalReason, type NationalFinding } from '../../domain/district/national-finding';
import { PAIRS } from './duplicates';

export interface FindingsFile {
  district: string;
  academicYear: number;
  round: string;
  sequence: number;
  findings: number;
  name: string;
  bytes: Bytes;
}
export interface FindingsOptions {
  key: SigningKey;
  office: string;
  now: Date;
  app: { name: string; version: string };
  random: (n: number) => Bytes;
}

type Side = {
  district: string;
  districtName: string;
  school: string;
  schoolName: string;
  studentId: string;
  idNo: string;
  prefix: string;
  first: string;
  last: string;
  asOf: string;
};
type Pair = {
  rule: NationalFinding['rule'];
  why: NationalFinding['match'];
  academic_year: number;
  round: string;
  a: Side;
  b: Side;
};

// The pairs with what each side's finding needs: the student as its school submitted them, both schools and districts.
const DETAILED = `
  WITH p AS (${PAIRS}),
  side AS (SELECT s.bundle_sha256, s.student_id, s.id_no, s.prefix, s.first_name, s.last_name, l.school, l.school_name, l.district,
                  l.district_name, l.academic_year, l.round, strftime(l.as_of, '%Y-%m-%d') AS as_of
           FROM counted_students s JOIN latest l ON s.bundle_sha256 = l.file_sha256)
  SELECT p.rule, p.why, p.academic_year, p.round,
    a.district AS a_district, a.district_name AS a_district_name, a.school AS a_school, a.school_name AS a_school_name, a.student_id AS a_student, a.id_no AS a_id, a.prefix AS a_prefix, a.first_name AS a_first, a.last_name AS a_last, a.as_of AS a_as_of,
    b.district AS b_district, b.district_name AS b_district_name, b.school AS b_school, b.school_name AS b_school_name, b.student_id AS b_student, b.id_no AS b_id, b.prefix AS b_prefix, b.first_name AS b_first, b.last_name AS b_last, b.as_of AS b_as_of
  FROM p JOIN side a ON a.student_id = p.student_a AND a.school = p.school_a AND a.academic_year = p.academic_year AND a.round = p.round
         JOIN side b ON b.student_id = p.student_b AND b.school = p.school_b AND b.academic_year = p.academic_year AND b.round = p.round`;

const sideOf = (r: Record<string, unknown>, x: 'a' | 'b'): Side => ({
  district: String(r[`${x}_district`]),
  districtName: String(r[`${x}_district_name`]),
  school: String(r[`${x}_school`]),
  schoolName: String(r[`${x}_school_name`]),
  studentId: String(r[`${x}_student`]),
  idNo: String(r[`${x}_id`]),
  prefix: String(r[`${x}_prefix`]),
  first: String(r[`${x}_first`]),
  last: String(r[`${x}_last`]),
  asOf: String(r[`${x}_as_of`]),
});

function findingOf(p: Pair, mine: Side, other: Side): NationalFinding {
  return {
    id: `${p.why}:${mine.school}:${mine.studentId}:${other.district}:${other.school}`,
    rule: p.rule,
    match: p.why,
    school: { code: mine.school, name: mine.schoolName },
    student: { id: mine.studentId, idNo: mine.idNo, prefix: mine.prefix, firstName: mine.first, lastName: mine.last },
    otherDistrict: { code: other.district, name: other.districtName },
    otherSchool: { code: other.school, name: other.schoolName },
    reason: nationalReason(p.why, {
      district: other.districtName || other.district,
      school: other.schoolName || other.school,
    }),
    asOf: mine.asOf,
  };
}

/** Every district and round of the database, each with its findings (possibly none, so a district learns its list emptied). */
async function findingsByDistrict(
  c: DuckDBConnection,
): Promise<
  Map<
    string,
    { district: string; name: string; academicYear: number; round: string; asOf: string; findings: NationalFinding[] }
  >
> {
  const groups = new Map<
    string,
    { district: string; name: string; academicYear: number; round: string; asOf: string; findings: NationalFinding[] }
  >();
  const rounds = (
    await c.runAndReadAll(`SELECT district, any_value(district_name) AS name, academic_year, round, strftime(max(as_of), '%Y-%m-%d') AS as_of
    FROM latest GROUP BY district, academic_year, round ORDER BY district, academic_year, round`)
  ).getRowObjects();
  for (const r of rounds) {
    groups.set(`${r['district']}|${r['academic_year']}|${r['round']}`, {
      district: String(r['district']),
      name: String(r['name']),
      academicYear: Number(r['academic_year']),
      round: String(r['round']),
      asOf: String(r['as_of']),
      findings: [],
    });
  }
  for (const r of (await c.runAndReadAll(DETAILED)).getRowObjects()) {
    const p: Pair = {
      rule: r['rule'] as Pair['rule'],
      why: r['why'] as Pair['why'],
      academic_year: Number(r['academic_year']),
      round: String(r['round']),
      a: sideOf(r, 'a'),
      b: sideOf(r, 'b'),
    };
    for (const [mine, other] of [
      [p.a, p.b],
      [p.b, p.a],
    ] as const)
      groups.get(`${mine.district}|${p.academic_year}|${p.round}`)?.findings.push(findingOf(p, mine, other));
  }
  return groups;
}

export async function writeNationalFindings(c: DuckDBConnection, opts: FindingsOptions): Promise<FindingsFile[]> {
  const out: FindingsFile[] = [];
  for (const g of (await findingsByDistrict(c)).values()) {
    if (!(ROUNDS as readonly string[]).includes(g.round)) continue;
    g.findings.sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
    const idsSha = await sha256Hex(utf8(g.findings.map((f) => f.id).join('\n')));
    const [last] = (
      await c.runAndReadAll(
        `SELECT sequence, statement_sha256 FROM findings_sent WHERE district = $1 ORDER BY sequence DESC LIMIT 1`,
        [g.district],
      )
    ).getRowObjects();
    const lastOfRound = (
      await c.runAndReadAll(
        `SELECT ids_sha256 FROM findings_sent WHERE district = $1 AND academic_year = $2 AND round = $3 ORDER BY sequence DESC LIMIT 1`,
        [g.district, g.academicYear, g.round],
      )
    ).getRowObjects()[0];
    // Unchanged since the last bundle for this round: nothing new to send (a round never sent with no findings neither).
    if (lastOfRound ? String(lastOfRound['ids_sha256']) === idsSha : g.findings.length === 0) continue;
    const sequence = last ? Number(last['sequence']) + 1 : 1;
    const made = await createNationalFindings(
      {
        district: { code: g.district, name: g.name },
        academicYear: g.academicYear,
        round: g.round as (typeof ROUNDS)[number],
        asOf: g.asOf,
        sequence,
        previous: last ? String(last['statement_sha256']) : null,
        key: opts.key,
        office: opts.office,
        createdAt: opts.now.toISOString(),
        bundleId: crypto.randomUUID(),
        app: opts.app,
      },
      g.findings,
      opts.random,
    );
    await c.run('INSERT INTO findings_sent VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      g.district,
      g.academicYear,
      g.round,
      sequence,
      made.statementSha256,
      g.findings.length,
      idsSha,
    ]);
    out.push({
      district: g.district,
      academicYear: g.academicYear,
      round: g.round,
      sequence,
      findings: g.findings.length,
      name: `national-findings-${g.district}-${g.academicYear}-${g.round}-${sequence}.tabian`,
      bytes: made.bytes,
    });
  }
  return out;
}
