// Issues 21 and 22 at the district: three schools' submissions carry their staff rosters and building surveys;
// the reports show each school's headcount and students per teacher, flag the school whose headcount moved by
// more than the threshold since the round before, show who surveyed, buildings by condition, the classroom
// shortage and buildings without recent photos, and export both tables. Screenshots, Thai and English, at
// 1366×768 and 800×1280 in /tmp/shots-h2122/.
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeSchools, submissionOf, trustOf, type TestSchool } from '../factories/district';
import { assetFiles, rosterOf, staffFiles } from '../fixtures/district-emis';
import { launch, newTabletContext, watchErrors } from './browser';
import { createDistrictKey, setUpDistrict } from './pages';

const SHOTS = '/tmp/shots-h2122';
const base = () => inject('baseURL');
const YEAR_END = '2026-03-31';
const TERM1 = '2026-06-10';

describe("the district's staff and building tables over three schools", () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let schools: TestSchool[];

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    schools = await makeSchools(3, 30);
    browser = await launch();
    context = await newTabletContext(browser);
    page = await context.newPage();
    errors = watchErrors(page);
    page.on('dialog', (d) => void d.accept());
    await page.clock.setFixedTime(new Date('2026-11-12T10:00:00+07:00'));
    await page.goto(base());
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("receives the schools' submissions of two rounds with their rosters and surveys", async () => {
    await setUpDistrict(page);
    await createDistrictKey(page, base());
    await page.getByTestId('tab-schools').click();
    await page.getByTestId('import-trust').setInputFiles({
      name: 'keys.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(trustOf(schools))),
    });
    await expect.poll(() => page.getByText('ลงทะเบียนกุญแจใหม่ 6 ดอก').count()).toBe(1);
    const [a, b, c] = schools as [TestSchool, TestSchool, TestSchool];
    // Year end of 2568: A and B had 10 teachers and a director. Term 1 of 2569: A has 6 left (flagged), B the same, C is new.
    const yearEnd = new Map<string, string>();
    const first = [];
    for (const s of [a, b]) {
      const made = await submissionOf(s, {
        academicYear: 2568,
        round: 'year-end',
        asOf: YEAR_END,
        extra: staffFiles(rosterOf(s.code, 10), YEAR_END),
      });
      yearEnd.set(s.code, made.statementSha256);
      first.push({
        name: `${s.code}-2568.tabian`,
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(made.bytes),
      });
    }
    const surveys = new Map([
      [
        a.code,
        assetFiles([
          { condition: 'good', rooms: 4, photoOn: '2026-10-01' },
          { condition: 'poor', rooms: 2, photoOn: null },
        ]),
      ],
      [
        b.code,
        assetFiles([
          { condition: 'good', rooms: 3, photoOn: '2026-10-01' },
          { condition: 'fair', rooms: 0, photoOn: '2025-01-01' },
        ]),
      ],
    ]);
    const teachers = new Map([
      [a.code, 6],
      [b.code, 10],
      [c.code, 8],
    ]);
    const second = [];
    for (const s of schools) {
      const previous = yearEnd.get(s.code) ?? null;
      const made = await submissionOf(s, {
        sequence: previous ? 2 : 1,
        previous,
        extra: [...staffFiles(rosterOf(s.code, teachers.get(s.code)!), TERM1), ...(surveys.get(s.code) ?? [])],
      });
      second.push({
        name: `${s.code}-2569.tabian`,
        mimeType: 'application/octet-stream',
        buffer: Buffer.from(made.bytes),
      });
    }
    await page.goto(`${base()}#/import`);
    await page.getByTestId('bundle-files').setInputFiles(first);
    await expect(page.getByTestId('import-summary').textContent({ timeout: 60_000 })).resolves.toBe(
      'รับเข้า 2 · นำเข้าแล้วก่อนหน้านี้ 0 · พักไว้ 0 · ปฏิเสธ 0',
    );
    await page.getByTestId('bundle-files').setInputFiles(second);
    await expect
      .poll(() => page.getByTestId('import-summary').textContent(), { timeout: 60_000 })
      .toBe('รับเข้า 3 · นำเข้าแล้วก่อนหน้านี้ 0 · พักไว้ 0 · ปฏิเสธ 0');
    expect(errors).toEqual([]);
  }, 180_000);

  it("shows each school's headcount and ratio, flags the change, and exports the table", async () => {
    await page.goto(`${base()}#/reports`);
    await page.getByTestId('district-round').selectOption('2569/term1');
    const panel = page.getByTestId('district-staff');
    await expect.poll(() => panel.getByTestId('dstaff-row').count(), { timeout: 60_000 }).toBe(3);
    const cells = async (i: number) =>
      [
        ...(await panel.getByTestId('dstaff-row').nth(i).locator('th').allTextContents()),
        ...(await panel.getByTestId('dstaff-row').nth(i).locator('td').allTextContents()),
      ].map((x) => x.trim());
    // A: 6 teachers and the director (11 the round before), 30 students: 5 a teacher.
    const [rowA, rowB, rowC] = [await cells(0), await cells(1), await cells(2)];
    expect(rowA[0]).toContain(schools[0]!.name);
    expect(rowA[0]).toContain('เปลี่ยนจากรอบก่อนเกิน 10%');
    expect(rowA.slice(1)).toEqual(['7', '11', '6', '5']);
    expect(rowB[0]).not.toContain('เปลี่ยนจากรอบก่อน');
    expect(rowB.slice(1)).toEqual(['11', '11', '10', '3']);
    expect(rowC.slice(1, 4)).toEqual(['9', '—', '8']);
    await expect(panel.textContent()).resolves.toContain('โรงเรียนที่จำนวนบุคลากรเปลี่ยนมาก 1 แห่ง');

    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('dstaff-export').click()]);
    const wb = XLSX.read(readFileSync((await download.path())!), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, defval: null });
    expect(rows[2]!.slice(0, 5)).toEqual(['รหัสโรงเรียน', 'โรงเรียน', 'บุคลากรทั้งหมด', 'รอบก่อน', 'นักเรียนต่อครู 1 คน']);
    expect(rows.slice(3).map((r) => r.slice(0, 5))).toEqual([
      [schools[0]!.code, schools[0]!.name, 7, 11, 5],
      [schools[1]!.code, schools[1]!.name, 11, 11, 3],
      [schools[2]!.code, schools[2]!.name, 9, null, 3.8],
    ]);
    expect(errors).toEqual([]);
  }, 90_000);

  it('shows who surveyed, buildings by condition, the classroom shortage and old photos, and exports them', async () => {
    const panel = page.getByTestId('district-assets');
    await expect
      .poll(() => panel.getByTestId('dassets-surveyed').textContent(), { timeout: 30_000 })
      .toContain('ส่งข้อมูลอาคารแล้ว 2 จาก 3 โรงเรียน');
    await expect(panel.getByTestId('dassets-surveyed').textContent()).resolves.toContain(
      'โรงเรียนที่ขาดห้องเรียน 1 โรงเรียน',
    );
    const line = async (code: string) =>
      (await panel.getByTestId(`dassets-${code}`).locator('th, td').allTextContents()).map((x) => x.trim());
    // buildings, good, fair, poor, without a photo within a year, rooms needed (6 grades of one room), rooms there, short.
    expect((await line(schools[0]!.code)).slice(1, 9)).toEqual(['2', '1', '0', '1', '1', '6', '6', '0']);
    expect((await line(schools[1]!.code)).slice(1, 9)).toEqual(['2', '1', '1', '0', '1', '6', '3', '3']);
    expect((await line(schools[2]!.code)).slice(1)).toEqual(['ยังไม่ส่ง']);
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('dassets-export').click()]);
    const wb = XLSX.read(readFileSync((await download.path())!), { type: 'buffer' });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1, defval: null });
    const lineB = rows.find((r) => r[0] === schools[1]!.code)!;
    // buildings, good, fair, poor, (no condition), without recent photos, needed, there, short.
    expect([...lineB.slice(4, 8), ...lineB.slice(9, 13)]).toEqual([2, 1, 1, 0, 1, 6, 3, 3]);
    expect(rows.find((r) => r[0] === schools[2]!.code)!.slice(0, 4)).toEqual([
      schools[2]!.code,
      schools[2]!.name,
      'ยังไม่ส่ง',
      null,
    ]);
    expect(errors).toEqual([]);
  }, 90_000);

  it('fits the screen at 1366×768 and 800×1280, in Thai and English', async () => {
    for (const locale of ['th', 'en'] as const) {
      if (locale === 'en') {
        await page.goto(`${base()}#/settings`);
        await page.getByTestId('locale-en').click();
        await page.goto(`${base()}#/reports`);
        await page.getByTestId('district-round').selectOption('2569/term1');
      }
      for (const [w, h] of [
        [1366, 768],
        [800, 1280],
      ] as const) {
        await page.setViewportSize({ width: w, height: h });
        for (const id of ['district-staff', 'district-assets']) {
          const panel = page.getByTestId(id);
          await expect.poll(() => panel.locator('tbody tr').count(), { timeout: 30_000 }).toBe(3);
          await panel.scrollIntoViewIfNeeded();
          await panel.screenshot({ path: `${SHOTS}/${id}-${w}-${locale}.png` });
          // The page never scrolls sideways: a wide table scrolls in its own box.
          const box = await panel.boundingBox();
          expect(box!.x + box!.width).toBeLessThanOrEqual(w);
        }
        await page.screenshot({ path: `${SHOTS}/reports-${w}-${locale}.png`, fullPage: true });
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
        ).toBeLessThanOrEqual(0);
      }
    }
    const staff = await page.getByTestId('district-staff').textContent();
    expect(staff).toContain('Students per teacher');
    expect(errors).toEqual([]);
  }, 120_000);
});
