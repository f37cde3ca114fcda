// Data safety in the shell and rolling back: the status line (persistence, last backup in BE) and the
// backup reminder before a deadline, at tablet and phone width; and an older app refusing, in Thai, a
// database that a newer version wrote, leaving it untouched. (Restoring on another device and refusing a
// damaged backup are in submission.e2e.ts and tests/db/restore.test.ts.)
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newTabletContext, watchErrors } from './browser';
import { setUpSchool } from './pages';
import { dmc36Xlsx } from '../factories/dmc-files';
import { generateStudents } from '../factories/dmc-students';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PASS = 'ต้นมะม่วงหน้าโรงเรียน';

describe('data safety status and an older app', () => {
  let browser: Browser;
  const url = (place = '') => `${inject('baseURL')}${place ? `#/${place}` : ''}`;

  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows persistence and the backup reminder two days before the deadline, and clears it after a backup', async () => {
    const page: Page = await (await newTabletContext(browser)).newPage();
    const errors = watchErrors(page);
    await page.clock.setFixedTime(new Date('2026-06-08T09:00:00+07:00'));
    await page.goto(url());
    await setUpSchool(page);
    await page.goto(url('exchange'));
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'list.xlsx', mimeType: XLSX_TYPE, buffer: Buffer.from(dmc36Xlsx(generateStudents(12))) });
    await page.getByTestId('import-preview').waitFor({ timeout: 60_000 });
    await page.getByTestId('import-commit').click();
    await page.getByTestId('import-done').waitFor({ timeout: 30_000 });
    await page.goto(url('home'));
    const reminder = page.getByTestId('safety-reminder');
    await expect
      .poll(() => reminder.textContent(), { timeout: 30_000 })
      .toContain('อีก 2 วันจะถึงกำหนดส่งข้อมูลภาคเรียนที่ 1 ปีการศึกษา 2569');
    await expect(reminder.textContent()).resolves.toContain('ยังไม่เคยสำรองข้อมูล');
    // Headless Chromium does not grant persistence: the status says the data may be cleared.
    await expect(page.getByTestId('safety-persisted').textContent()).resolves.toContain('ข้อมูลอาจถูกลบ');
    const button = await page.getByTestId('safety-go-backup').boundingBox();
    expect(button!.height).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: 'test-results/safety-status-800.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    // On a phone the reminder takes one row, which a tap opens to the whole text and the button.
    const more = (await page.getByTestId('safety-more').boundingBox())!;
    expect(more.height).toBeGreaterThanOrEqual(44);
    expect((await reminder.boundingBox())!.height).toBeLessThanOrEqual(64);
    await page.getByTestId('safety-more').click();
    await page.screenshot({ path: 'test-results/safety-status-390.png' });
    const small = await page.getByTestId('safety-go-backup').boundingBox();
    expect(small!.height).toBeGreaterThanOrEqual(44);
    expect(small!.x + small!.width).toBeLessThanOrEqual(390);

    await page.getByTestId('safety-go-backup').click();
    await page.getByTestId('backup-card').waitFor();
    expect(page.url()).toContain('#/settings');
    await page.fill('[data-testid="backup-pass"]', PASS);
    await page.fill('[data-testid="backup-pass-again"]', PASS);
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('backup-make').click();
    await downloading;
    await page.goto(url('home'));
    await expect
      .poll(() => page.getByTestId('safety-backup').textContent(), { timeout: 30_000 })
      .toBe('สำรองล่าสุด 8 มิ.ย. 2569');
    await expect.poll(() => reminder.count()).toBe(0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: 'test-results/safety-status-after-backup-390.png' });
    expect(errors).toEqual([]);
  }, 180_000);

  /** A fresh device where a "newer version" (native version 990, Dexie's 99) left its database, then the app opens. */
  async function newerDatabaseThenApp(): Promise<Page> {
    const page = await (await newTabletContext(browser)).newPage();
    await page.goto(`${inject('baseURL')}manifest.webmanifest`);
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('tabian', 990);
          open.onupgradeneeded = () => {
            open.result.createObjectStore('profile', { keyPath: 'key' });
            open.result
              .createObjectStore('lessonPlans', { keyPath: 'id' })
              .put({ id: 'p1', title: 'แผนการสอนจากรุ่นใหม่' });
          };
          open.onsuccess = () => {
            open.result.close();
            resolve();
          };
          open.onerror = () => reject(open.error ?? new Error('open failed'));
        }),
    );
    await page.goto(url());
    return page;
  }
  const installed = (page: Page) =>
    page.evaluate(
      () =>
        new Promise<{ version: number; stores: string[]; plan: unknown }>((resolve, reject) => {
          const open = indexedDB.open('tabian');
          open.onsuccess = () => {
            const db = open.result;
            const r = db.transaction('lessonPlans', 'readonly').objectStore('lessonPlans').get('p1');
            r.onsuccess = () => {
              resolve({ version: db.version, stores: [...db.objectStoreNames], plan: r.result });
              db.close();
            };
          };
          open.onerror = () => reject(open.error ?? new Error('open failed'));
        }),
    );

  it('an older app refuses a database written by a newer version and explains it in Thai; the newer data stays', async () => {
    const page = await newerDatabaseThenApp();
    const alert = page.getByRole('alert');
    await expect
      .poll(() => alert.textContent(), { timeout: 30_000 })
      .toContain('ฐานข้อมูลในเครื่องนี้สร้างโดยแอปรุ่นที่ใหม่กว่า แอปรุ่นนี้จึงไม่เปิดเพื่อไม่ให้ข้อมูลเสียหาย');
    await page.screenshot({ path: 'test-results/newer-database-800.png' });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: 'test-results/newer-database-390.png' });
    expect((await installed(page)).plan).toEqual({ id: 'p1', title: 'แผนการสอนจากรุ่นใหม่' });
  }, 60_000);

  // Dexie 4 would open the newer database and upgrade it (990 → 991, adding this version's stores) before
  // any 'ready' check; app.boot() looks at the installed version first (refuseNewerDatabase).
  it("leaves the newer database's version and stores untouched", async () => {
    const page = await newerDatabaseThenApp();
    await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 30_000 }).toContain('รุ่นที่ใหม่กว่า');
    const kept = await installed(page);
    expect({ version: kept.version, stores: kept.stores }).toEqual({
      version: 990,
      stores: ['lessonPlans', 'profile'],
    });
  }, 60_000);
});
