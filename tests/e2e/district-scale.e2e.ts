// Opt-in measurement of the district at scale through the UI (DISTRICT_SCALE=1; SCALE_SCHOOLS × SCALE_PER
// students, 200 × 500 by default): import and verify, the cross-school check, the status board. Measured here
// (2 cores): 200 × 500 in 7.4 s + 1.8 s; 1000 × 500 in 66 s + 11.7 s, board 1.0 s, no crash.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { fromBase64 } from '../../src/domain/bundle/bytes';
import { publicKeyFileSchema } from '../../src/domain/bundle/trust';
import { makeSchools, plantCases, submissionOf, trustOf } from '../factories/district';
import { launch } from './browser';
import { createDistrictKey, setUpDistrict } from './pages';

const N = Number(process.env.SCALE_SCHOOLS ?? 200),
  PER = Number(process.env.SCALE_PER ?? 500);
describe.skipIf(!process.env.DISTRICT_SCALE)('the district at scale', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launch();
    page = await (
      await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'th-TH', timezoneId: 'Asia/Bangkok' })
    ).newPage();
    page.on('dialog', (d) => void d.accept());
    await page.clock.setFixedTime(new Date('2026-06-20T10:00:00+07:00'));
    await page.goto(inject('baseURL'));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('imports, cross-checks and shows the board of a large district, and prints the times', async () => {
    await setUpDistrict(page);
    await createDistrictKey(page, inject('baseURL'));
    const [pub] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-public-key').click()]);
    const key = publicKeyFileSchema.parse(JSON.parse(readFileSync((await pub.path())!, 'utf8')));
    const schools = await makeSchools(N, PER);
    plantCases(schools[0]!, schools[1]!, schools[2]!);
    const files = [];
    for (const s of schools)
      files.push({
        name: `${s.code}.tabian`,
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(
          (await submissionOf(s, { encryptTo: { keyid: key.keyid, spki: fromBase64(key.spki)! } })).bytes,
        ),
      });
    await page.getByTestId('tab-schools').click();
    await page.getByTestId('import-trust').setInputFiles({
      name: 'keys.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(trustOf(schools))),
    });
    await page.waitForTimeout(2000);
    await page.goto(`${inject('baseURL')}#/import`);
    await page.evaluate(() =>
      document.addEventListener(
        'change',
        () => {
          (window as unknown as { t0: number }).t0 = performance.now();
        },
        { capture: true, once: true },
      ),
    );
    await page.getByTestId('bundle-files').setInputFiles(files);
    await page.getByTestId('import-summary').waitFor({ timeout: 300_000 });
    const importMs = await page.evaluate(() =>
      Math.round(performance.now() - (window as unknown as { t0: number }).t0),
    );
    const summary = await page.getByTestId('import-summary').textContent();
    const t1 = Date.now();
    await page.goto(`${inject('baseURL')}#/duplicates`);
    await page.getByTestId('dup-summary').waitFor({ timeout: 300_000 });
    const checkMs = Date.now() - t1;
    const mem = await page.evaluate(
      () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0,
    );
    console.log(
      `SCALE ${N}x${PER}: import+verify ${importMs} ms (${summary}); cross-check ${checkMs} ms (${await page.getByTestId('dup-summary').textContent()}); page heap ${Math.round(mem / 1e6)} MB`,
    );
    const t2 = Date.now();
    await page.goto(`${inject('baseURL')}#/schools`);
    await page.getByTestId('board-summary').waitFor();
    console.log(`board ${Date.now() - t2} ms`);
    expect(summary).toContain(`รับเข้า ${N}`);
  }, 900_000);
});
