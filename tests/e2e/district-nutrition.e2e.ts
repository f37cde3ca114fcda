// The district's nutrition report from generated schools with measurements: the counts on screen and in the
// workbook equal the domain's own sums, a school's children to follow up come from its stored bundle, and the
// public keys show as QR codes (district key panel, a school's device key). Screenshots at tablet and phone size.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { nutritionSummary } from '../../src/domain/district/nutrition';
import { districtNutrition } from '../../src/domain/district/nutrition-report';
import { countedOn } from '../../src/domain/district/summary';
import {
  bodyAt,
  makeSchools,
  measureSchool,
  submissionOf,
  trustOf,
  AS_OF,
  type TestSchool,
} from '../factories/district';
import { refs } from '../domain/growth/who-tables';
import { launch, newTabletContext, watchErrors } from './browser';
import { createDistrictKey, setUpDistrict, setUpSchool } from './pages';

const base = () => inject('baseURL');
const shot = (name: string) => `test-results/district-nutrition-${name}.png`;

describe('the district nutrition report over generated schools', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let schools: TestSchool[];

  beforeAll(async () => {
    schools = await makeSchools(3, 30);
    const [a, b] = schools as [TestSchool, TestSchool];
    measureSchool(a, '2026-05-25');
    measureSchool(b, '2026-05-26', 3);
    // B was measured in the period before too, everyone "normal".
    b.measurements!.push(
      ...b.students.map((s) => ({
        id: `p/${s.id}`,
        studentId: s.id,
        measuredOn: '2026-03-02',
        ...bodyAt(s, '2026-03-02', 0, 0),
      })),
    );
    browser = await launch();
    context = await newTabletContext(browser);
    page = await context.newPage();
    errors = watchErrors(page);
    page.on('dialog', (d) => void d.accept());
    await page.clock.setFixedTime(new Date('2026-06-20T10:00:00+07:00'));
    await page.goto(base());
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('sets up the district with its key, shown as a QR code of the public key file', async () => {
    await setUpDistrict(page);
    await createDistrictKey(page, base());
    const qr = page.getByTestId('district-qr');
    await qr.waitFor();
    await expect(qr.getByTestId('district-qr-fingerprint').textContent()).resolves.toBe(
      await page.getByTestId('district-fingerprint').textContent(),
    );
    await qr.screenshot({ path: shot('key-qr-tablet') });
    await page.screenshot({ path: shot('key-tablet'), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: shot('key-phone'), fullPage: true });
    await page.setViewportSize({ width: 800, height: 1280 });
  }, 90_000);

  it("imports the schools' submissions with their measurements", async () => {
    await page.getByTestId('tab-schools').click();
    await page.getByTestId('import-trust').setInputFiles({
      name: 'keys.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(trustOf(schools))),
    });
    await expect.poll(() => page.getByText('ลงทะเบียนกุญแจใหม่ 6 ดอก').count()).toBe(1);
    const files = [];
    for (const s of schools)
      files.push({
        name: `${s.code}.tabian`,
        mimeType: 'application/octet-stream',
        buffer: Buffer.from((await submissionOf(s)).bytes),
      });
    await page.goto(`${base()}#/import`);
    await page.getByTestId('bundle-files').setInputFiles(files);
    await expect(page.getByTestId('import-summary').textContent({ timeout: 60_000 })).resolves.toBe(
      'รับเข้า 3 · นำเข้าแล้วก่อนหน้านี้ 0 · พักไว้ 0 · ปฏิเสธ 0',
    );
  }, 90_000);

  it('shows the counts the domain computes, by sex, school and grade, with the period before', async () => {
    const expected = districtNutrition(
      schools.map((s) => ({
        code: s.code,
        name: s.name,
        nutrition: s.measurements?.length
          ? nutritionSummary(countedOn(s.students, null, AS_OF), s.measurements, AS_OF, refs)
          : null,
      })),
    );
    const total = expected.total.school;
    // 30 + 20 of 60 measured; thin: 6 at A (3 boys, 3 girls), 4 at B (2 and 2).
    expect([total.current.measured.total, total.current.nutrition.thin.M, total.current.nutrition.thin.F]).toEqual([
      50, 5, 5,
    ]);
    await page.goto(`${base()}#/reports`);
    const report = page.getByTestId('nutrition-report');
    // Coverage counts the school that sent no measurements too: 50 of all 90 students.
    await expect(report.getByTestId('nutrition-measured').textContent({ timeout: 30_000 })).resolves.toContain(
      'ทั้งเขต วัดแล้ว 50 จาก 90 คน (55.6%)',
    );
    await expect(report.getByTestId('nutrition-measured').textContent()).resolves.toContain('ครั้งก่อนวัด 30 คน');
    const thin = await report.getByTestId('dn-nutrition-thin').locator('td').allTextContents();
    expect(thin.slice(0, 3)).toEqual(
      [total.current.nutrition.thin.M, total.current.nutrition.thin.F, total.current.nutrition.thin.total].map(String),
    );
    expect(thin.at(-1)).toBe(String(total.previous!.nutrition.thin.total));
    const short = await report.getByTestId('dn-height-short').locator('td').allTextContents();
    expect(short[2]).toBe(String(total.current.height.short.total));
    await expect(
      report.getByTestId(`room-line-${schools[1]!.code}-school`).locator('td').first().textContent(),
    ).resolves.toBe('20/30 (66.7%)');
    await expect(report.getByTestId('nutrition-no-data').textContent()).resolves.toContain(schools[2]!.name);
    await expect(report.getByTestId('nutrition-follow-up-counts').textContent()).resolves.toContain(
      `นักเรียนที่ควรติดตาม ${expected.total.followUp.children} คน: ผอม 10`,
    );
    await expect(report.textContent()).resolves.toContain('ไม่ใช่กราฟน้ำหนักตามเกณฑ์ส่วนสูงของกรมอนามัย');
    await report.screenshot({ path: shot('tablet') });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      report.getByTestId('nutrition-export').click(),
    ]);
    const wb = XLSX.read(readFileSync((await download.path())!), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, defval: null });
    const all = rows.find((r) => r[0] === 'รวมทั้งเขต')!;
    // students M F total, measured M F total, thin M F total …
    expect(all.slice(1, 10)).toEqual([
      total.current.students.M,
      total.current.students.F,
      60,
      total.current.measured.M,
      total.current.measured.F,
      50,
      5,
      5,
      10,
    ]);
    expect(errors).toEqual([]);
  }, 60_000);

  it("lists one school's children to follow up from its bundle, prints, and fits a phone", async () => {
    const report = page.getByTestId('nutrition-report');
    await report.getByTestId('nutrition-scope').selectOption(schools[0]!.code);
    await expect(report.getByTestId('nutrition-measured').textContent()).resolves.toContain(
      'วัดแล้ว 30 จาก 30 คน (100%)',
    );
    await report.getByTestId('nutrition-show-follow-up').click();
    await expect.poll(() => report.getByTestId('follow-up-row').count(), { timeout: 30_000 }).toBe(18);
    await expect(report.getByTestId('follow-up').textContent()).resolves.toContain(schools[0]!.students[1]!.lastName);
    await report.screenshot({ path: shot('school-tablet') });
    // Its print button prints this report alone (the browser's dialog is stubbed: headless has none to show).
    await page.evaluate(() => (window.print = () => {}));
    await report.getByTestId('nutrition-print').click();
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: shot('print'), fullPage: true });
    await expect(page.getByTestId('report-counts').isVisible()).resolves.toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.setViewportSize({ width: 390, height: 844 });
    await report.screenshot({ path: shot('school-phone') });
    await report.getByTestId('nutrition-scope').selectOption('');
    await report.screenshot({ path: shot('phone') });
    // Nothing on the phone is wider than the screen but the tables, which scroll in their own box.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 800, height: 1280 });
    expect(errors).toEqual([]);
  }, 60_000);

  it("shows a school tablet's device key as a QR code in Settings", async () => {
    const tablet = await newTabletContext(browser, 'phone');
    const school = await tablet.newPage();
    const schoolErrors = watchErrors(school);
    await school.goto(base());
    await setUpSchool(school);
    await school.goto(`${base()}#/settings`);
    await school.getByTestId('sync-qr-toggle').click();
    await school.getByTestId('device-qr').waitFor();
    await school.getByTestId('device-qr').screenshot({ path: shot('device-qr-phone') });
    await school.getByTestId('sync-card').screenshot({ path: shot('sync-card-phone') });
    expect(schoolErrors).toEqual([]);
    await tablet.close();
  }, 90_000);
});
