// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { fakeIo } from '../factories/io';
import { nationalCommand } from '../../src/cli/commands/national';
import { exportPrivateJwk, generateSigningKey } from '../../src/domain/bundle/keys';
import { editEntries } from '../domain/bundle/tamper-kit';
import { makeSchools, plantCases, submissionOf, trustOf } from '../factories/district';

async function run(...args: string[]) {
  const io = fakeIo();
  const code = await nationalCommand.run(args, io);
  return { code, io, json: io.outLines[0]?.startsWith('{') ? JSON.parse(io.outLines[0]) : null };
}

describe('tabian national', () => {
  it('ingests three districts once, finds the children counted in two districts, and writes Parquet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tabian-national-'));
    const schools = await makeSchools(3, 12);
    const planted = plantCases(schools[0]!, schools[1]!, schools[2]!);
    const districts = [
      { code: '1050', name: 'สพป.หนึ่ง' },
      { code: '2050', name: 'สพป.สอง' },
      { code: '3050', name: 'สพม.สาม' },
    ];
    const key = await generateSigningKey(true);
    for (const [i, s] of schools.entries()) {
      writeFileSync(
        join(dir, `${s.code}.tabian`),
        (await submissionOf(s, { encryptTo: key, district: districts[i] })).bytes,
      );
    }
    writeFileSync(
      join(dir, 'zz-tampered.tabian'),
      editEntries((await submissionOf(schools[0]!)).bytes, (e) =>
        e.set('statement.dsse.json', new TextEncoder().encode('{}')),
      ),
    );
    writeFileSync(join(dir, 'trust.json'), JSON.stringify(trustOf(schools)));
    writeFileSync(join(dir, 'key.jwk'), JSON.stringify(await exportPrivateJwk(key.privateKey)));
    const db = join(dir, 'province.duckdb');
    const ingest = () =>
      run('ingest', dir, '--db', db, '--trust', join(dir, 'trust.json'), '--key', join(dir, 'key.jwk'));

    const first = await ingest();
    expect(first.code).toBe(1);
    expect(first.json).toMatchObject({ accepted: 3, rejected: 1, skipped: 0, students: 41 });
    expect(first.io.errLines.at(-1)).toBe('tabian national ingest: 4/4 files');
    // The same files again change nothing.
    expect((await ingest()).json).toEqual({
      accepted: 0,
      rejected: 0,
      skipped: 4,
      students: 0,
      districtExports: 0,
      chainIssues: [],
    });

    const dup = await run('duplicates', '--db', db);
    expect(dup.code).toBe(0);
    expect(Object.keys(dup.json)).toEqual(['students', 'distinctStudents', 'duplicates']);
    // 42 rows; A's student who left before the as-of date does not count.
    expect(dup.json.students).toBe(41);
    const byIdPairs = planted.pairs.filter((p) => p.rule === 'id.duplicate').length;
    expect(dup.json.distinctStudents).toBe(41 - byIdPairs);
    const found = dup.json.duplicates
      .map((d: { rule: string; idNo: string; schools: string[] }) => `${d.rule} ${d.idNo} ${d.schools.join('/')}`)
      .sort();
    expect(found).toEqual(planted.pairs.map((p) => `${p.rule} ${p.idNo} ${p.schools.join('/')}`).sort());
    expect(dup.json.duplicates[0].districts).toHaveLength(2);

    const out = join(dir, 'parquet');
    expect((await run('export', '--db', db, '--parquet', out)).json).toEqual({ students: 41, parquet: out });
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    const back = await duck.runAndReadAll(
      `SELECT district, count(*)::INTEGER AS n FROM read_parquet('${out}/**/*.parquet', hive_partitioning = true) GROUP BY district ORDER BY district`,
    );
    expect(back.getRowObjects().map((r) => String(r['district']))).toEqual(['1050', '2050', '3050']);
    expect(back.getRowObjects().reduce((n, r) => n + Number(r['n']), 0)).toBe(41);
    duck.closeSync();
  }, 60_000);

  it('says how to use it', async () => {
    expect((await run('ingest', '/nowhere')).code).toBe(2);
    expect((await run('duplicates', '--db', '/nowhere.duckdb')).io.errLines[0]).toMatch(
      /^tabian national duplicates: cannot read/,
    );
    expect((await run('what')).code).toBe(2);
    expect((await run('--help')).io.outLines[0]).toMatch(/^Usage: tabian national/);
  });
});
