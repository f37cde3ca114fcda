// A province round from the district app (decision 32): the district imports its schools' encrypted bundles,
// enrols the national key, forwards the round from its reports page (the file handed over), the province ingests
// it beside another district's export (made with the same domain code) with `tabian national`, finds the child
// counted in the two districts, writes Parquet that DuckDB reads back (and a child a private school counts too is
// found through `tabian exchange`), and the district imports the national findings, the other district named.
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
import { publicKeyFile, publicKeyFileSchema } from '../../src/domain/bundle/trust';
import { verifyBundle } from '../../src/domain/bundle/verify';
import { generatedStudent, makeSchools, plantCases, submissionOf, trustOf, type TestSchool } from '../factories/district';
import { districtPublicFile, exportOf, makeDistrict } from '../factories/district-export';
import { handOverByDownload, launch, watchErrors } from './browser';
import { createDistrictKey, setUpDistrict } from './pages';

const base = () => inject('baseURL');
const SHOTS = process.env['SHOTS_DIR'] ?? 'test-results';
const tabian = (name: string, bytes: Uint8Array) => ({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });

async function cli(...args: string[]) {
  const out: string[] = [];
  const code = await nationalCommand.run(args, { out: (l) => out.push(l), err: () => {} });
  return { code, json: out[0] ? JSON.parse(out[0]) : null };
}

describe('a province round: the district forwards its round, the province finds children counted twice', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let schools: TestSchool[];
  let national: SigningKey;
  const dir = mkdtempSync(join(tmpdir(), 'tabian-province-e2e-'));

  beforeAll(async () => {
    schools = await makeSchools(3, 12);
    plantCases(schools[0]!, schools[1]!, schools[2]!);
    national = await generateSigningKey(true);
    browser = await launch();
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' });
    await handOverByDownload(context);
    page = await context.newPage();
    errors = watchErrors(page);
    page.on('dialog', (d) => void d.accept());
    await page.clock.setFixedTime(new Date('2026-06-20T10:00:00+07:00'));
    await page.goto(base());
    mkdirSync(SHOTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('forwards the round from the reports page once the national key is enrolled', async () => {
    await setUpDistrict(page);
    await createDistrictKey(page, base());
    const [pub] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-public-key').click()]);
    const ours = publicKeyFileSchema.parse(JSON.parse(readFileSync((await pub.path())!, 'utf8')));
    writeFileSync(join(dir, '1050.public.json'), JSON.stringify(ours));
    await page.getByTestId('tab-schools').click();
    // Schools A and C are this district's; B belongs to another.
    await page.getByTestId('import-trust').setInputFiles({ name: 'keys.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(trustOf([schools[0]!, schools[2]!]))) });
    const to = { keyid: ours.keyid, spki: fromBase64(ours.spki)! };
    await page.goto(`${base()}#/import`);
    const files = await Promise.all([schools[0]!, schools[2]!].map(async (s) => tabian(`${s.code}.tabian`, (await submissionOf(s, { encryptTo: to })).bytes)));
    await page.getByTestId('bundle-files').setInputFiles(files);
    await expect(page.getByTestId('import-summary').textContent({ timeout: 60_000 })).resolves.toContain('รับเข้า 2');

    await page.goto(`${base()}#/reports`);
    await page.getByTestId('above').waitFor();
    await expect(page.getByTestId('above-no-national').isVisible()).resolves.toBe(true);
    await page.getByTestId('above-make').click();
    await expect(page.getByTestId('above-problem').textContent()).resolves.toContain('ยังไม่ได้ลงทะเบียนกุญแจของ สพฐ.');

    const nationalPublic = publicKeyFile({ keyid: national.keyid, alg: 'ES256', spki: toBase64(national.spki), role: 'national', name: 'สพฐ.', school: null });
    await page.goto(`${base()}#/schools`);
    await page.getByTestId('tab-schools').click();
    await page.getByTestId('import-trust').setInputFiles({ name: 'national.public.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(nationalPublic)) });
    await page.goto(`${base()}#/reports`);
    await expect.poll(() => page.getByTestId('above-national').textContent()).toContain('สพฐ.');
    await page.getByTestId('above-make').click();
    await expect(page.getByTestId('above-made').textContent({ timeout: 60_000 })).resolves.toContain('2 โรงเรียน');
    await page.getByTestId('above').screenshot({ path: join(SHOTS, 'above-1366-th.png') });
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('above-handover-download').click()]);
    const bytes = new Uint8Array(readFileSync((await file.path())!));
    expect(file.suggestedFilename()).toBe('ส่งต่อจากเขต-1050-2569-term1-1.tabian');
    const v = await verifyBundle(bytes);
    expect(v.statement).toMatchObject({ kind: 'district-export', school: null, counts: { schools: 2, submissions: 2 } });
    writeFileSync(join(dir, 'export-1050.tabian'), bytes);
  }, 240_000);

  it('is ingested with another district, and the district imports the findings naming the other district', async () => {
    const other = await makeDistrict('2050', 'สพป.ลำพูน เขต 1', [schools[1]!]);
    const bSub = await submissionOf(schools[1]!, { encryptTo: other.key, district: { code: '2050', name: other.name } });
    writeFileSync(join(dir, 'export-2050.tabian'), (await exportOf(other, [bSub], { keyid: national.keyid, spki: national.spki })).bytes);
    writeFileSync(join(dir, '2050.public.json'), JSON.stringify(districtPublicFile(other)));
    writeFileSync(join(dir, 'national.jwk'), JSON.stringify(await exportPrivateJwk(national.privateKey)));
    const db = join(dir, 'province.duckdb');
    const ingest = await cli('ingest', join(dir, 'export-1050.tabian'), join(dir, 'export-2050.tabian'), '--db', db,
      '--district-trust', `1050=${join(dir, '1050.public.json')}`, '--district-trust', `2050=${join(dir, '2050.public.json')}`, '--key', join(dir, 'national.jwk'));
    expect(ingest.json).toMatchObject({ accepted: 3, rejected: 0, districtExports: 2 });
    const dup = await cli('duplicates', '--db', db, '--findings-dir', join(dir, 'findings'), '--key', join(dir, 'national.jwk'));
    expect(dup.json.duplicates.length).toBeGreaterThan(0);
    expect(dup.json.duplicates.every((d: { districts: string[] }) => d.districts.join() === '1050,2050')).toBe(true);
    expect((await cli('export', '--db', db, '--parquet', join(dir, 'parquet'))).code).toBe(0);
    const duck = await (await DuckDBInstance.create(':memory:')).connect();
    const cols = (await duck.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet('${join(dir, 'parquet')}/**/*.parquet', hive_partitioning = true)`)).getRowObjects().map((r) => String(r['column_name']));
    expect(cols.sort()).toEqual(['academic_year', 'birth_date', 'district', 'entered_on', 'first_name', 'grade', 'id_no', 'id_type', 'id_valid', 'last_name', 'prefix', 'round', 'school', 'sex', 'status', 'student_id'].sort());
    // A private school's children, one of them also counted by school C here: found through the exchange, no names swapped.
    const counted = join(dir, 'obec.jsonl');
    await duck.run(`COPY (SELECT student_id AS id, id_type AS idType, id_no AS idNo, prefix, first_name AS firstName, last_name AS lastName, sex,
      birth_date AS birthDate, grade, '1' AS room, status FROM read_parquet('${join(dir, 'parquet')}/**/*.parquet', hive_partitioning = true)) TO '${counted}' (FORMAT json)`);
    duck.closeSync();
    const child = schools[2]!.students[5]!;
    const privateSchool = [generatedStudent(50_000), { ...generatedStudent(50_001), idNo: child.idNo, firstName: child.firstName, lastName: child.lastName, birthDate: child.birthDate }];
    writeFileSync(join(dir, 'opec.jsonl'), privateSchool.map((x) => JSON.stringify(x)).join('\n') + '\n');
    writeFileSync(join(dir, 'shared.secret'), 'a secret both systems agreed on, out of band');
    const tokens = async (f: string) => {
      const out: string[] = [];
      expect(await exchangeCommand.run(['encode', join(dir, f), '--secret', join(dir, 'shared.secret')], { out: (l) => out.push(l), err: () => {} })).toBe(0);
      writeFileSync(join(dir, `${f}.tokens`), out.join('\n') + '\n');
      return join(dir, `${f}.tokens`);
    };
    const out: string[] = [];
    expect(await exchangeCommand.run(['match', await tokens('obec.jsonl'), await tokens('opec.jsonl')], { out: (l) => out.push(l), err: () => {} })).toBe(0);
    expect(JSON.parse(out[0]!).pairs).toEqual([{ ours: child.id, theirs: privateSchool[1]!.id, rule: 'same-id', dice: null }]);

    const ourFindings = readdirSync(join(dir, 'findings')).find((f) => f.includes('-1050-'))!;
    await page.getByTestId('nfind-file').setInputFiles(tabian(ourFindings, readFileSync(join(dir, 'findings', ourFindings))));
    await expect(page.getByTestId('nfind-note').textContent({ timeout: 30_000 })).resolves.toContain('นำเข้าแล้ว');
    await expect(page.getByTestId('nfind-list').textContent()).resolves.toContain('สพป.ลำพูน เขต 1');
    for (const [w, h] of [[1366, 768], [800, 1280], [390, 844]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.getByTestId('above').screenshot({ path: join(SHOTS, `above-${w}-th.png`) });
    }
    await page.goto(`${base()}#/settings`);
    await page.getByTestId('locale-en').click();
    await page.goto(`${base()}#/reports`);
    await expect.poll(() => page.getByTestId('above').textContent()).toContain('Forward to the national or province office');
    for (const [w, h] of [[1366, 768], [800, 1280], [390, 844]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await page.getByTestId('above').screenshot({ path: join(SHOTS, `above-${w}-en.png`) });
    }
    expect(errors).toEqual([]);
  }, 240_000);
});
