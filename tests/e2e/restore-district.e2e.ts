// A district office never loses its work (issue 17, decision 0025): it backs up from Settings like a school,
// the status line shows when, and a new device restores the backup from its first screen, opens in district
// mode with the office's schools, and is told to bring back the district key from the key's own backup.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launch, newTabletContext, watchErrors } from './browser';
import { createDistrictKey, officer, setUpDistrict, signIn } from './pages';

const PASS = 'ต้นมะม่วงหน้าสำนักงานเขต';
const SHOTS = '/tmp/shots-h17';
const dir = mkdtempSync(join(tmpdir(), 'district-backup-'));
const url = (place = '') => `${inject('baseURL')}${place ? `#/${place}` : ''}`;

describe('a district office backs up and restores on a new device', () => {
  let browser: Browser;
  let backupPath = '';
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('backs up from Settings and the status line says when', async () => {
    const page: Page = await (await newTabletContext(browser)).newPage();
    const errors = watchErrors(page);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(url());
    await setUpDistrict(page);
    await createDistrictKey(page, url());
    await page.goto(url('settings'));
    const card = page.getByTestId('backup-card');
    await card.waitFor();
    await expect.poll(() => page.getByTestId('safety-backup').textContent()).toBe('ยังไม่เคยสำรองข้อมูล');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/district-backup-th-1366.png` });
    await page.fill('[data-testid="backup-pass"]', PASS);
    await page.fill('[data-testid="backup-pass-again"]', PASS);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('backup-make').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^district-1050-25\d\d-backup-1\.tabian$/);
    backupPath = join(dir, download.suggestedFilename());
    await download.saveAs(backupPath);
    await expect
      .poll(() => page.getByTestId('safety-backup').textContent(), { timeout: 30_000 })
      .toMatch(/^สำรองล่าสุด /);
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.getByTestId('locale-en').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await card.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/district-backup-en-800.png` });
    expect(errors).toEqual([]);
  }, 180_000);

  it('restores on a new device from its first screen: district mode, and the key to bring back', async () => {
    const other = await (await newTabletContext(browser)).newPage();
    const errors = watchErrors(other);
    await other.setViewportSize({ width: 1366, height: 768 });
    await other.goto(url());
    await other.getByTestId('kind-restore').click();
    await other.getByTestId('restore-file').setInputFiles(backupPath);
    await other.fill('[data-testid="restore-pass"]', PASS);
    await other.getByTestId('restore-run').click();
    const note = other.getByTestId('restore-note');
    await expect.poll(() => note.textContent(), { timeout: 60_000 }).toContain('กู้คืนข้อมูลของเขตแล้ว');
    await expect(note.textContent()).resolves.toContain('เครื่องนี้ยังไม่มีกุญแจของเขต');
    await other.screenshot({ path: `${SHOTS}/district-restored-th-1366.png` });
    // The app opens again on the restored data: the district's officer signs in, in district mode.
    await other.getByRole('button', { name: new RegExp(officer.name) }).waitFor({ timeout: 15_000 });
    await signIn(other, officer.name, officer.pin);
    await other.goto(url('schools'));
    await other.getByTestId('tab-key').click();
    await expect.poll(() => other.locator('body').textContent()).toContain('สพป.ทดสอบ เขต 1');
    // The status line of a district device shows the backup state too (this device has not backed up yet).
    await expect.poll(() => other.getByTestId('safety-backup').textContent()).toBe('ยังไม่เคยสำรองข้อมูล');
    await other.screenshot({ path: `${SHOTS}/district-restored-key-th-1366.png` });
    expect(errors).toEqual([]);
  }, 180_000);
});
