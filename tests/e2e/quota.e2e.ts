// Full storage, for real: Chromium's quota for the app's origin is cut to 3 MB (CDP
// Storage.overrideQuotaForOrigin, set before the origin first opens IndexedDB: Chromium reads the quota
// when it opens the origin's storage bucket, and ignores a later override). Setting up the school and 30
// students fit; a 3,000-row import then stops with the Thai "storage is full" message, and the 30 students
// are all still there after a reload. The service worker is blocked so that only the database counts.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launch, watchErrors } from './browser';
import { officer, setUpSchool, signIn } from './pages';
import { dmc36Xlsx } from '../factories/dmc-files';
import { generateStudents } from '../factories/dmc-students';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const students = generateStudents(3000);
const QUOTA = 3 * 1024 * 1024;

describe('when storage runs out', () => {
  let browser: Browser;
  let page: Page;
  let cdp: CDPSession;
  let errors: string[];
  const url = (place = '') => `${inject('baseURL')}${place ? `#/${place}` : ''}`;
  const origin = () => new URL(inject('baseURL')).origin;
  const stored = (store: string) =>
    page.evaluate(
      (name) =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('tabian');
          open.onerror = () => reject(open.error ?? new Error('open failed'));
          open.onsuccess = () => {
            const r = open.result.transaction(name, 'readonly').objectStore(name).count();
            r.onsuccess = () => {
              open.result.close();
              resolve(r.result);
            };
          };
        }),
      store,
    );

  async function importFile(rows: number) {
    await page.goto(url('exchange'));
    await page.getByTestId('import-panel').waitFor();
    await page.getByTestId('import-file').setInputFiles({
      name: `${rows}.xlsx`,
      mimeType: XLSX_TYPE,
      buffer: Buffer.from(dmc36Xlsx(students.slice(0, rows))),
    });
    await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-commit').click();
  }

  beforeAll(async () => {
    browser = await launch();
    const context = await browser.newContext({
      viewport: { width: 800, height: 1280 },
      deviceScaleFactor: 1,
      hasTouch: true,
      locale: 'th-TH',
      timezoneId: 'Asia/Bangkok',
      serviceWorkers: 'block',
    });
    page = await context.newPage();
    errors = watchErrors(page);
    cdp = await context.newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', { origin: origin(), quotaSize: QUOTA });
    await page.clock.setFixedTime(new Date('2026-06-20T10:00:00+07:00'));
    await page.goto(url());
    await setUpSchool(page);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('saves 30 students while there is room', async () => {
    await importFile(30);
    await expect(page.getByTestId('import-done').textContent({ timeout: 30_000 })).resolves.toContain('เพิ่ม 30 คน');
    expect(await stored('students')).toBe(30);
  }, 90_000);

  it('warns in the shell when the browser reports storage nearly full', async () => {
    // navigator.storage.estimate() in this Chromium ignores the CDP quota override (writes do not), so the
    // page is told what a nearly full disk looks like.
    await page.addInitScript(() => {
      Object.defineProperty(navigator.storage, 'estimate', {
        value: () => Promise.resolve({ usage: 8.6e9, quota: 1e10 }),
      });
    });
    await page.reload();
    await signIn(page, officer.name, officer.pin);
    await page.goto(url('students'));
    await expect
      .poll(() => page.getByTestId('safety-reminder').textContent(), { timeout: 30_000 })
      .toContain('พื้นที่เก็บข้อมูลใกล้เต็ม (ใช้ไปแล้ว 86%)');
    await page.screenshot({ path: 'test-results/quota-warning.png' });
  }, 60_000);

  it('stops a 3,000-row import with the Thai "storage full" message, keeping the 30 students', async () => {
    const { usage, quota, overrideActive } = await cdp.send('Storage.getUsageAndQuota', { origin: origin() });
    console.log(`e2e quota: ${usage} bytes used of ${quota} (override ${overrideActive})`);
    expect(quota).toBe(QUOTA);
    await importFile(3000);
    await expect(page.getByTestId('import-problem').textContent({ timeout: 60_000 })).resolves.toContain(
      'พื้นที่จัดเก็บในเครื่องเต็ม บันทึกไม่สำเร็จ ข้อมูลที่บันทึกไว้ก่อนหน้ายังอยู่ครบ',
    );
    await page.screenshot({ path: 'test-results/quota-import-refused.png', fullPage: true });
    await page.reload();
    await signIn(page, officer.name, officer.pin);
    await page.goto(url('students'));
    await page.getByTestId('student-list').waitFor();
    await expect.poll(() => page.getByTestId('sex-counts').textContent()).toContain('รวม 30 คน');
    expect(await stored('students')).toBe(30);
    expect(await stored('audit')).toBe(30);
    expect(errors).toEqual([]);
  }, 120_000);
});
