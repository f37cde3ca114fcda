// A province round from the district app (decisions 32, 41): three districts each import their schools'
// encrypted bundles, enrol the national key and forward the round from their reports page (the file handed
// over); the province ingests the three exports with `tabian national`, finds the children counted in two
// districts, writes Parquet that DuckDB reads back with the documented schema (and a child a private school
// counts too is found through `tabian exchange`), and a district imports the national findings, the other
// district named.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { exchangeCommand } from '../../src/cli/commands/exchange';
import { nationalCommand } from '../../src/cli/commands/national';
import { fromBase64, toBase64 } from '../../src/domain/bundle/bytes';
import { exportPrivateJwk, generateSigningKey, type SigningKey } from '../../src/domain/bundle/keys';
import { newStudent } from '../../src/domain/student/schema';
import { publicKeyFile, publicKeyFileSchema } from '../../src/domain/bundle/trust';
import { verifyBundle } from '../../src/domain/bundle/verify';
import {
  generatedStudent,
  makeSchool,
  makeSchools,
  plantCases,
  submissionOf,
  trustOf,
  type TestSchool,
} from '../factories/district';
import { handOverByDownload, launch, watchErrors } from './browser';
import { createDistrictKey, setUpDistrict } from './pages';

const base = () => inject('baseURL');
const SHOTS = process.env['SHOTS_DIR'] ?? 'test-results';
const tabian = (name: string, bytes: Uint8Array) => ({
  name,
  mimeType: 'application/octet-stream',
  buffer: Buffer.from(bytes),
});

async function cli(...args: string[]) {
  const out: string[] = [];
  const code = await nationalCommand.run(args, { out: (l) => out.push(l), err: () => {} });
  return { code, json: out[0] ? JSON.parse(out[0]) : null };
}

// The three districts: school A and C's district, B's, and D's (D also counts one of C's children).
const DISTRICTS = [
  { code: '1050', name: 'สพป.ทดสอบ เขต 1' },
  { code: '2050', name: 'สพป.ลำพูน เขต 1' },
  { code: '3050', name: 'สพม.ลำปาง' },
] as const;

describe('a province round: three districts forward their rounds, the province finds children counted twice', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let schools: TestSchool[];
  let national: SigningKey;
  const dir = mkdtempSync(join(tmpdir(), 'tabian-province-e2e-'));
  const nationalPublic = () =>
    publicKeyFile({
      keyid: national.keyid,
      alg: 'ES256',
      spki: toBase64(national.spki),
      role: 'national',
      name: 'สพฐ.',
      school: null,
    });

  async function districtPage(): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'th-TH',
      timezoneId: 'Asia/Bangkok',
    });
    await handOverByDownload(context);
    const page = await context.newPage();
    const errors = watchErrors(page);
    page.on('dialog', (d) => void d.accept());
    await page.clock.setFixedTime(new Date('2026-06-20T10:00:00+07:00'));
    await page.goto(base());
    return { context, page, errors };
  }

  /** One district through the app: set up, its key, its schools' keys and bundles, the national key, the export. */
  async function forward(
    page: Page,
    district: (typeof DISTRICTS)[number],
    own: TestSchool[],
    first: boolean,
  ): Promise<void> {
    await setUpDistrict(page, district);
    await createDistrictKey(page, base());
    const [pub] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-public-key').click()]);
    const ours = publicKeyFileSchema.parse(JSON.parse(readFileSync((await pub.path())!, 'utf8')));
    writeFileSync(join(dir, `${district.code}.public.json`), JSON.stringify(ours));
    await page.getByTestId('tab-schools').click();
    await page.getByTestId('import-trust').setInputFiles({
      name: 'keys.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(trustOf(own))),
    });
    const to = { keyid: ours.keyid, spki: fromBase64(ours.spki)! };
    await page.goto(`${base()}#/import`);
    const files = await Promise.all(
      own.map(async (s) => tabian(`${s.code}.tabian`, (await submissionOf(s, { encryptTo: to, district })).bytes)),
    );
    await page.getByTestId('bundle-files').setInputFiles(files);
    await expect(page.getByTestId('import-summary').textContent({ timeout: 60_000 })).resolves.toContain(
      `รับเข้า ${own.length}`,
    );

    await page.goto(`${base()}#/reports`);
    await page.getByTestId('above').waitFor();
    if (first) {
      await expect(page.getByTestId('above-no-national').isVisible()).resolves.toBe(true);
      await page.getByTestId('above-make').click();
      await expect(page.getByTestId('above-problem').textContent()).resolves.toContain('ยังไม่ได้ลงทะเบียนกุญแจของ สพฐ.');
    }
    await page.goto(`${base()}#/schools`);
    await page.getByTestId('tab-schools').click();
    await page.getByTestId('import-trust').setInputFiles({
      name: 'national.public.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(nationalPublic())),
    });
    await page.goto(`${base()}#/reports`);
    await expect.poll(() => page.getByTestId('above-national').textContent()).toContain('สพฐ.');
    await page.getByTestId('above-make').click();
    await expect(page.getByTestId('above-made').textContent({ timeout: 60_000 })).resolves.toContain(
      `${own.length} โรงเรียน`,
    );
    if (first) await page.getByTestId('above').screenshot({ path: join(SHOTS, 'above-1366-th.png') });
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('above-handover-download').click(),
    ]);
    const bytes = new Uint8Array(readFileSync((await file.path())!));
    expect(file.suggestedFilename()).toBe(`ส่งต่อจากเขต-${district.code}-2569-term1-1.tabian`);
    const v = await verifyBundle(bytes);
    expect(v.statement).toMatchObject({
      kind: 'district-export',
      school: null,
      district,
      counts: { schools: own.length, submissions: own.length },
    });
    writeFileSync(join(dir, `export-${district.code}.tabian`), bytes);
  }

  beforeAll(async () => {
    schools = await makeSchools(3, 12);
    plantCases(schools[0]!, schools[1]!, schools[2]!);
    // School D (district 3050) counts one of school C's children (1050) too, under its own record.
    const { id: _id, ...shared } = schools[2]!.students[3]!;
    schools.push(
      await makeSchool(4, [
        generatedStudent(60_000),
        generatedStudent(60_001),
        newStudent('00000000-0000-4000-9000-000000000999', shared),
      ]),
    );
    national = await generateSigningKey(true);
    browser = await launch();
    ({ page, errors } = await districtPage());
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("forwards each district's round from its reports page once the national key is enrolled", async () => {
    const [a, b, c, d] = schools as [TestSchool, TestSchool, TestSchool, TestSchool];
    await forward(page, DISTRICTS[0], [a, c], true);
    for (const [district, own] of [
      [DISTRICTS[1], [b]],
      [DISTRICTS[2], [d]],
    ] as const) {
      const other = await districtPage();
      await forward(other.page, district, [...own], false);
      expect(other.errors).toEqual([]);
      await other.context.close();
    }
  }, 480_000);

  it('are ingested together, and the district imports the findings naming the other district', async () => {
    writeFileSync(join(dir, 'national.jwk'), JSON.stringify(await exportPrivateJwk(national.privateKey)));
    const db = join(dir, 'province.duckdb');
    const ingest = await cli(
      'ingest',
      ...DISTRICTS.map((d) => join(dir, `export-${d.code}.tabian`)),
      '--db',
      db,
      ...DISTRICTS.flatMap((d) => ['--district-trust', `${d.code}=${join(dir, `${d.code}.public.json`)}`]),
      '--key',
      join(dir, 'national.jwk'),
    );
    expect(ingest.json).toMatchObject({ accepted: 4, rejected: 0, districtExports: 3, chainIssues: [] });
    const dup = await cli(
      'duplicates',
      '--db',
      db,
      '--findings-dir',
      join(dir, 'findings'),
      '--key',
      join(dir, 'national.jwk'),
    );
    const pairs = dup.json.duplicates.map((d: { districts: string[] }) => d.districts.join());
    expect(pairs).toContain('1050,2050');
    expect(dup.json.duplicates).toContainEqual(
      expect.objectContaining({
        rule: 'id.duplicate',
        idNo: schools[2]!.students[3]!.idNo,
        districts: ['1050', '3050'],
      }),
    );
    expect(pairs.every((p: string) => p === '1050,2050' || p === '1050,3050')).toBe(true);
    expect(readdirSync(join(dir, 'findings')).sort()).toEqual(
      DISTRICTS.map((d) => `national-findings-${d.code}-2569-term1-1.tabian`),
    );
    expect((await cli('export', '--db', db, '--parquet', join(dir, 'parquet'))).code).toBe(0);
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    // Read as docs/national.md says: the partition columns' types are in no file, so they are given (DuckDB would
    // otherwise take the district codes for numbers).
    const parquet = `read_parquet('${join(dir, 'parquet')}/**/*.parquet', hive_partitioning = true, hive_types = {'academic_year': INTEGER, 'district': VARCHAR})`;
    // The schema docs/national.md documents, types included.
    const cols = (await duck.runAndReadAll(`DESCRIBE SELECT * FROM ${parquet}`))
      .getRowObjects()
      .map((r) => `${String(r['column_name'])} ${String(r['column_type'])}`);
    expect(cols.sort()).toEqual(
      [
        'academic_year INTEGER',
        'birth_date VARCHAR',
        'district VARCHAR',
        'entered_on VARCHAR',
        'first_name VARCHAR',
        'grade VARCHAR',
        'id_no VARCHAR',
        'id_type VARCHAR',
        'id_valid BOOLEAN',
        'last_name VARCHAR',
        'prefix VARCHAR',
        'round VARCHAR',
        'school VARCHAR',
        'sex VARCHAR',
        'status VARCHAR',
        'student_id VARCHAR',
      ].sort(),
    );
    const byDistrict = (
      await duck.runAndReadAll(
        `SELECT district, count(*)::INTEGER AS n FROM ${parquet} GROUP BY district ORDER BY district`,
      )
    ).getRowObjects();
    expect(byDistrict.map((r) => r['district'])).toEqual(DISTRICTS.map((d) => d.code));
    // The documented query finds the child D counts with C in the Parquet alone.
    const twice = (
      await duck.runAndReadAll(`SELECT id_no, list(DISTINCT district ORDER BY district) AS districts FROM ${parquet}
      WHERE id_valid GROUP BY academic_year, round, id_no HAVING count(DISTINCT district) > 1`)
    ).getRowObjectsJson();
    expect(twice).toContainEqual({ id_no: schools[2]!.students[3]!.idNo, districts: ['1050', '3050'] });
    // A private school's children, one of them also counted by school C here: found through the exchange, no names swapped.
    const counted = join(dir, 'obec.jsonl');
    await duck.run(`COPY (SELECT student_id AS id, id_type AS idType, id_no AS idNo, prefix, first_name AS firstName, last_name AS lastName, sex,
      birth_date AS birthDate, grade, '1' AS room, status FROM read_parquet('${join(dir, 'parquet')}/**/*.parquet', hive_partitioning = true)) TO '${counted}' (FORMAT json)`);
    duck.closeSync();
    const child = schools[2]!.students[5]!;
    const privateSchool = [
      generatedStudent(50_000),
      {
        ...generatedStudent(50_001),
        idNo: child.idNo,
        firstName: child.firstName,
        lastName: child.lastName,
        birthDate: child.birthDate,
      },
    ];
    writeFileSync(join(dir, 'opec.jsonl'), privateSchool.map((x) => JSON.stringify(x)).join('\n') + '\n');
    writeFileSync(join(dir, 'shared.secret'), 'a secret both systems agreed on, out of band');
    const tokens = async (f: string) => {
      const out: string[] = [];
      expect(
        await exchangeCommand.run(['encode', join(dir, f), '--secret', join(dir, 'shared.secret')], {
          out: (l) => out.push(l),
          err: () => {},
        }),
      ).toBe(0);
      writeFileSync(join(dir, `${f}.tokens`), out.join('\n') + '\n');
      return join(dir, `${f}.tokens`);
    };
    const out: string[] = [];
    expect(
      await exchangeCommand.run(['match', await tokens('obec.jsonl'), await tokens('opec.jsonl')], {
        out: (l) => out.push(l),
        err: () => {},
      }),
    ).toBe(0);
    expect(JSON.parse(out[0]!).pairs).toEqual([
      { ours: child.id, theirs: privateSchool[1]!.id, rule: 'same-id', dice: null },
    ]);

    const ourFindings = readdirSync(join(dir, 'findings')).find((f) => f.includes('-1050-'))!;
    await page
      .getByTestId('nfind-file')
      .setInputFiles(tabian(ourFindings, readFileSync(join(dir, 'findings', ourFindings))));
    await expect(page.getByTestId('nfind-note').textContent({ timeout: 30_000 })).resolves.toContain('นำเข้าแล้ว');
    await expect(page.getByTestId('nfind-list').textContent()).resolves.toContain('สพป.ลำพูน เขต 1');
    for (const [w, h] of [
      [1366, 768],
      [800, 1280],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.getByTestId('above').screenshot({ path: join(SHOTS, `above-${w}-th.png`) });
    }
    await page.goto(`${base()}#/settings`);
    await page.getByTestId('locale-en').click();
    await page.goto(`${base()}#/reports`);
    await expect
      .poll(() => page.getByTestId('above').textContent())
      .toContain('Forward to the national or province office');
    for (const [w, h] of [
      [1366, 768],
      [800, 1280],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.getByTestId('above').screenshot({ path: join(SHOTS, `above-${w}-en.png`) });
    }
    expect(errors).toEqual([]);
  }, 240_000);
});
