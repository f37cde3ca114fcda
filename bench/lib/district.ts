/// <reference lib="dom" />
// A district office driven through the UI, as tests/e2e/district-scale.e2e.ts does it: profile, first user,
// district key; then `schools` bundles encrypted to that key are imported and cross-checked.
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { fromBase64 } from '../../src/domain/bundle/bytes';
import { publicKeyFileSchema } from '../../src/domain/bundle/trust';
import { submissionContents } from '../../src/domain/bundle/contents';
import { makeSchools, plantCases, submissionOf, trustOf, type TestSchool } from '../../tests/fixtures/district';
import { createDistrictKey, setUpDistrict } from '../../tests/e2e/pages';
import { arm, stop } from './page-timing';
import { BENCH_DIST } from './serve';

export async function districtSchools(count: number, per: number): Promise<TestSchool[]> {
  const schools = await makeSchools(count, per);
  plantCases(schools[0]!, schools[1]!, schools[2]!);
  return schools;
}

export async function districtPage(browser: Browser, app: string): Promise<Page> {
  const page = await (
    await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' })
  ).newPage();
  page.on('dialog', (d) => void d.accept());
  await page.clock.setFixedTime(new Date('2026-06-20T10:00:00+07:00'));
  await page.goto(app);
  await setUpDistrict(page);
  return page;
}

export interface DistrictRun {
  importMs: number;
  checkMs: number;
  summary: string;
  duplicates: string;
  bundleBytes: number;
  makeMs: number;
}

/** Makes the district key, encrypts every school's bundle to it, imports them all and runs the cross-check. */
export async function importDistrict(
  page: Page,
  app: string,
  schools: readonly TestSchool[],
  keepAs?: string,
): Promise<DistrictRun> {
  await createDistrictKey(page, app);
  const [pub] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-public-key').click()]);
  const key = publicKeyFileSchema.parse(JSON.parse(readFileSync((await pub.path())!, 'utf8')));
  const t0 = Date.now();
  const files = [];
  for (const s of schools) {
    const bytes = (await submissionOf(s, { encryptTo: { keyid: key.keyid, spki: fromBase64(key.spki)! } })).bytes;
    files.push({ name: `${s.code}.tabian`, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
  }
  const makeMs = Date.now() - t0;
  if (keepAs) {
    // The same bundles and their plain payloads, for the floor on the bench page.
    mkdirSync(`${BENCH_DIST}data/${keepAs}`, { recursive: true });
    for (const [i, s] of schools.entries()) {
      writeFileSync(`${BENCH_DIST}data/${keepAs}/${i}.tabian`, files[i]!.buffer);
      writeFileSync(`${BENCH_DIST}data/${keepAs}/${i}.jsonl`, submissionContents(s.students).files[0]!.bytes);
    }
  }
  await page.getByTestId('tab-schools').click();
  await page.getByTestId('import-trust').setInputFiles({
    name: 'keys.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(trustOf(schools))),
  });
  await page.locator('p.banner[role="status"]').first().waitFor({ timeout: 30_000 });
  await page.goto(`${app}#/import`);
  await arm(page, 'change', '[data-testid="import-summary"]');
  await page.getByTestId('bundle-files').setInputFiles(files);
  const importMs = await stop(page);
  const summary = (await page.getByTestId('import-summary').textContent()) ?? '';
  if (!summary.includes(`รับเข้า ${schools.length}`)) throw new Error(`district import: ${summary}`);
  await arm(page, 'now', '[data-testid="dup-summary"]');
  await page.evaluate(() => {
    location.hash = '#/duplicates';
  });
  const checkMs = await stop(page);
  const duplicates = (await page.getByTestId('dup-summary').textContent()) ?? '';
  return {
    importMs,
    checkMs,
    summary,
    duplicates,
    bundleBytes: files.reduce((n, f) => n + f.buffer.length, 0),
    makeMs,
  };
}
