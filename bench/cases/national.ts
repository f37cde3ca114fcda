// The national case (opt-in: `npm run bench -- --national [--national-size N]`, decision 0032): N generated
// students in 245 districts (about 120 schools each at full size, fewer at smaller sizes so that a school keeps
// about 220 students), each district's round as a district export of its schools' encrypted submissions with
// the content keys granted to a national key; then `tabian national`'s ingest, cross-district duplicates and
// report, each beside DuckDB's bare read of the same data as its floor, with the process's peak memory (DuckDB's
// native memory included). Runs in Node; no browser.
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { AreaData } from '../../src/domain/areas/areas';
import { toBase64 } from '../../src/domain/bundle/bytes';
import { generateSigningKey, exportPrivateJwk, importPrivateJwk } from '../../src/domain/bundle/keys';
import { TRUST_FORMAT, type TrustedKey } from '../../src/domain/bundle/trust';
import { newStudent, type Student } from '../../src/domain/student/schema';
import { openNationalDb } from '../../src/cli/national/db';
import { nationalDuplicates } from '../../src/cli/national/duplicates';
import { ingestFiles } from '../../src/cli/national/ingest';
import { nationalReport } from '../../src/cli/national/report';
import { generatedStudent, makeSchool, submissionOf, type TestSchool } from '../../tests/fixtures/district';
import { exportOf, makeDistrict } from '../../tests/fixtures/district-export';
import type { BenchCase } from '../lib/context';
import { result } from '../lib/stats';

export const NATIONAL_FULL = 6_500_000;
const DISTRICTS = 245;
const PER_SCHOOL = 220;
/** One child in this many is also counted by a school of the next district (same ID). */
const PLANT_EVERY = 1000;

/** Peak resident memory while `work` runs, sampled every 50 ms. */
async function peak<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; rssMb: number }> {
  let top = process.memoryUsage().rss;
  const timer = setInterval(() => (top = Math.max(top, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  try {
    const value = await work();
    return { value, ms: performance.now() - t0, rssMb: Math.max(top, process.memoryUsage().rss) / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

async function timed(c: Awaited<ReturnType<typeof openNationalDb>>['connection'], sql: string): Promise<number> {
  const t0 = performance.now();
  await c.run(sql);
  return performance.now() - t0;
}

export const national: BenchCase = async (ctx) => {
  const size = ctx.nationalSize ?? (ctx.quick ? 24_500 : NATIONAL_FULL);
  const schoolsPer = Math.max(1, Math.min(120, Math.round(size / DISTRICTS / PER_SCHOOL)));
  const perSchool = Math.ceil(size / DISTRICTS / schoolsPer);
  const dir = mkdtempSync(join(tmpdir(), 'tabian-bench-national-'));
  const national = await generateSigningKey(true);
  const nationalDecrypt = await importPrivateJwk(await exportPrivateJwk(national.privateKey), 'decrypt');
  const files: string[] = [];
  const districtKeys: TrustedKey[] = [];
  const floorJsonl = join(dir, 'students.jsonl');
  writeFileSync(floorJsonl, '');
  const t0 = performance.now();
  let n = 0;
  let planted = 0;
  let copies = 0;
  let carryOver: Student[] = [];
  for (let d = 0; d < DISTRICTS; d++) {
    const schools: TestSchool[] = [];
    for (let s = 0; s < schoolsPer; s++) {
      const students = Array.from({ length: perSchool }, () => generatedStudent(n++));
      // The children planted by the district before: counted here too, under a new record id.
      if (s === 0) {
        students.push(...carryOver);
        planted += carryOver.length;
      }
      schools.push(await makeSchool(d * schoolsPer + s + 1, students));
    }
    carryOver = schools.flatMap((s) => s.students.filter((_, i) => i % PLANT_EVERY === 7))
      .map(({ id: _id, ...rest }) => newStudent(`00000000-0000-4000-9000-${String(copies++).padStart(12, '0')}`, rest));
    const district = await makeDistrict(String(1000 + d), `สพป.ทดสอบ เขต ${d + 1}`, schools);
    districtKeys.push({ keyid: district.key.keyid, alg: 'ES256' as const, spki: toBase64(district.key.spki), role: 'district' as const, name: district.name, school: null, district: district.code });
    const subs = [];
    for (const s of schools) {
      subs.push(await submissionOf(s, { encryptTo: district.key, district: { code: district.code, name: district.name } }));
      appendFileSync(floorJsonl, s.students.map((x) => JSON.stringify(x)).join('\n') + '\n');
    }
    const file = join(dir, `export-${district.code}.tabian`);
    writeFileSync(file, (await exportOf(district, subs, { keyid: national.keyid, spki: national.spki })).bytes);
    files.push(file);
    if (d % 49 === 0) ctx.log(`national: generated ${d + 1}/${DISTRICTS} districts (${n.toLocaleString('en-US')} students)`);
  }
  const makeMs = performance.now() - t0;

  const db = await openNationalDb(join(dir, 'national.duckdb'));
  const { readFile } = await import('node:fs/promises');
  const ingest = await peak(() => ingestFiles(db.connection, files.map((f) => ({ name: f, read: async () => new Uint8Array(await readFile(f)) })), {
    trust: { format: TRUST_FORMAT, keys: districtKeys }, decryptionKeys: [{ keyid: national.keyid, privateKey: nationalDecrypt.privateKey }], now: new Date(),
    progress: (done, total) => done % 49 === 0 && ctx.log(`national: ingested ${done}/${total} district exports`),
  }));
  const floorDb = await (await DuckDBInstance.create(join(dir, 'floor.duckdb'))).connect();
  const ingestFloor = await timed(floorDb, `CREATE TABLE students AS SELECT * FROM read_json('${floorJsonl}', format = 'newline_delimited')`);
  floorDb.closeSync();
  const scanFloor = await timed(db.connection, 'CREATE TEMP TABLE scan AS SELECT * FROM counted_students');
  const dup = await peak(() => nationalDuplicates(db.connection));
  const areas = (await import('../../src/domain/areas/thai-admin.json', { with: { type: 'json' } })).default as AreaData;
  const rates = { academicYear: 2569, source: 'bench', rates: [{ item: 'ค่าจัดการเรียนการสอน', level: 'primary' as const, bahtPerHead: 1900 }], enteredAt: '2026-05-01T09:00:00+07:00', enteredBy: 'bench' };
  const report = await peak(() => nationalReport(db.connection, areas, rates));
  db.close();
  rmSync(dir, { recursive: true, force: true });
  const counters = { students: ingest.value.students, schools: DISTRICTS * schoolsPer, districts: DISTRICTS, makeSeconds: makeMs / 1000 };
  return [
    result({ id: 'national-ingest', title: `national: ingest ${size.toLocaleString('en-US')} students from ${DISTRICTS} district exports`, runs: [ingest.ms],
      floor: { what: 'DuckDB read_json of the same student records', runs: [ingestFloor] }, counters: { ...counters, peakRssMb: ingest.rssMb, rejected: ingest.value.rejected } }),
    result({ id: 'national-duplicates', title: 'national: children counted in two districts', runs: [dup.ms],
      floor: { what: 'DuckDB copy of the counted students', runs: [scanFloor] }, counters: { pairs: dup.value.duplicates.length, planted, peakRssMb: dup.rssMb } }),
    result({ id: 'national-report', title: 'national: report (counts, movements, nutrition, subsidy)', runs: [report.ms],
      floor: { what: 'DuckDB copy of the counted students', runs: [scanFloor] }, counters: { rounds: report.value.rounds.length, peakRssMb: report.rssMb } }),
  ];
};
