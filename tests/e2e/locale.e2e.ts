import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newTabletContext, watchErrors } from './browser';
import { createFirstUser, officer, signIn } from './pages';

describe('a district office sets up, switches to English and back', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launch();
    page = await (await newTabletContext(browser, 'phone')).newPage();
    errors = watchErrors(page);
    await page.clock.setFixedTime(new Date('2027-03-05T09:00:00+07:00'));
    await page.goto(inject('baseURL'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sets up a district office', async () => {
    await page.getByTestId('kind-district').click();
    await page.fill('#district-code', '1050');
    await page.fill('#district-name', 'สำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต 1');
    await page.getByTestId('save-profile').click();
    // A district PC signs in too (decision 11): its first user is made right after set-up.
    await page.getByTestId('first-user').waitFor();
    await createFirstUser(page);
    await expect(page.getByTestId('device-title').textContent()).resolves.toContain('เชียงใหม่ เขต 1');
    await expect(page.getByTestId('round-year-end').textContent()).resolves.toContain('กำลังเก็บข้อมูล');
  });

  it('switches to English, keeps it after a reload, and back to Thai', async () => {
    await page.goto(`${inject('baseURL')}#/settings`);
    await page.getByTestId('locale-en').click();
    // English is its own chunk, fetched when chosen.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('en');
    await page.reload();
    await signIn(page, officer.name, officer.pin);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
    await page.goto(`${inject('baseURL')}#/home`);
    await expect(page.getByTestId('round-term1').textContent()).resolves.toContain('Data as of 10 Jun 2026');
    await page.screenshot({ path: 'test-results/home-district-en-phone.png', fullPage: true });
    await page.goto(`${inject('baseURL')}#/settings`);
    await page.getByTestId('locale-th').click();
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('ตั้งค่า');
    expect(errors).toEqual([]);
  });
});
