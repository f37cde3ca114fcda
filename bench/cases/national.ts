// The national case (opt-in: `npm run bench -- --national [--national-size N]`, decision 0032): N generated
// students in 245 districts (about 120 schools each at full size, fewer at smaller sizes so that a school keeps
// about 220 students), each district's round as a district export of its schools' encrypted submissions with
// the content keys granted to a national key; then `tabian national`'s ingest, cross-district duplicates and
// report, each beside DuckDB's bare read of the same data as its floor, with the process's peak memory (DuckDB's
// native memory included). Runs in Node; no browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { AreaData } from '../../src/domain/areas/areas';
import { importPrivateJwk } from '../../src/domain/bundle/keys';
import { TRUST_FORMAT } from '../../src/domain/bundle/trust';
import { openNationalDb } from '../../src/cli/national/db';
import { nationalDuplicates } from '../../src/cli/national/duplicates';
import { ingestFiles } from '../../src/cli/national/ingest';
import { nationalReport } from '../../src/cli/national/report';
import type { BenchCase } from '../lib/context';
import { DISTRICTS, makeNationalSet } from '../lib/national-set';
import { result } from '../lib/stats';

export const NATIONAL_FULL = 6_500_000;

/** Peak resident memory while `work` runs, sampled every 50 ms. */
async function peak<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; rssMb: number; cpuSeconds: number }> {
  let top = process.memoryUsage().rss;
  const timer = setInterval(() => (top = Math.max(top, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  // CPU time of every thread of the process (workers and DuckDB's included): on a shared machine the wall
  // time depends on the other jobs, the CPU time much less.
  const cpu0 = process.cpuUsage();
  try {
    const value = await work();
    const cpu = process.cpuUsage(cpu0);
    return {
      value,
      ms: performance.now() - t0,
      rssMb: Math.max(top, process.memoryUsage().rss) / 2 ** 20,
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    };
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
  const dir = mkdtempSync(join(tmpdir(), 'tabian-bench-national-'));
  const t0 = performance.now();
  const set = await makeNationalSet(size, dir, ctx.log);
  const makeMs = performance.now() - t0;
  const { files, districtKeys, floorJsonl, planted } = set;
  const nationalDecrypt = await importPrivateJwk(set.nationalJwk, 'decrypt');

  const db = await openNationalDb(join(dir, 'national.duckdb'));
  const ingest = await peak(() =>
    ingestFiles(
      db.connection,
      files.map((f) => ({ name: f, read: async () => new Uint8Array(await readFile(f)) })),
      {
        trust: { format: TRUST_FORMAT, keys: districtKeys },
        decryptionKeys: [{ keyid: set.nationalKeyid, privateKey: nationalDecrypt.privateKey }],
        now: new Date(),
        progress: (done, total) => done % 49 === 0 && ctx.log(`national: ingested ${done}/${total} district exports`),
      },
    ),
  );
  const floorDb = await (await DuckDBInstance.create(join(dir, 'floor.duckdb'))).connect();
  const ingestFloor = await timed(
    floorDb,
    `CREATE TABLE students AS SELECT * FROM read_json('${floorJsonl}', format = 'newline_delimited')`,
  );
  floorDb.closeSync();
  const scanFloor = await timed(db.connection, 'CREATE TEMP TABLE scan AS SELECT * FROM counted_students');
  const dup = await peak(() => nationalDuplicates(db.connection));
  const areas = (await import('../../src/domain/areas/thai-admin.json', { with: { type: 'json' } }))
    .default as AreaData;
  const rates = {
    academicYear: 2569,
    source: 'bench',
    rates: [{ item: 'ค่าจัดการเรียนการสอน', level: 'primary' as const, bahtPerHead: 1900 }],
    enteredAt: '2026-05-01T09:00:00+07:00',
    enteredBy: 'bench',
  };
  const report = await peak(() => nationalReport(db.connection, areas, rates));
  db.close();
  rmSync(dir, { recursive: true, force: true });
  const counters = {
    students: ingest.value.students,
    schools: set.schools,
    districts: DISTRICTS,
    makeSeconds: makeMs / 1000,
  };
  return [
    result({
      id: 'national-ingest',
      title: `national: ingest ${size.toLocaleString('en-US')} students from ${DISTRICTS} district exports`,
      runs: [ingest.ms],
      floor: { what: 'DuckDB read_json of the same student records', runs: [ingestFloor] },
      counters: {
        ...counters,
        peakRssMb: ingest.rssMb,
        cpuSeconds: ingest.cpuSeconds,
        rejected: ingest.value.rejected,
      },
    }),
    result({
      id: 'national-duplicates',
      title: 'national: children counted in two districts',
      runs: [dup.ms],
      floor: { what: 'DuckDB copy of the counted students', runs: [scanFloor] },
      counters: { pairs: dup.value.duplicates.length, planted, peakRssMb: dup.rssMb },
    }),
    result({
      id: 'national-report',
      title: 'national: report (counts, movements, nutrition, subsidy)',
      runs: [report.ms],
      floor: { what: 'DuckDB copy of the counted students', runs: [scanFloor] },
      counters: { rounds: report.value.rounds.length, peakRssMb: report.rssMb },
    }),
  ];
};
