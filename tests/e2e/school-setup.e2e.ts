import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launch, newTabletContext, watchErrors } from './browser';
import {
  chooseSchool,
  createFirstUser,
  fillSchoolProfile,
  officer,
  saveProfile,
  school,
  signIn,
  waitForOfflineReady,
} from './pages';

describe('a school sets up a device, then works offline', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launch();
    context = await newTabletContext(browser);
    page = await context.newPage();
    errors = watchErrors(page);
    await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+07:00'));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('asks first whether this is a school or a district office', async () => {
    await page.goto(inject('baseURL'));
    // waitFor: the app boots from IndexedDB first; a bare isVisible() would race it.
    await page.getByRole('heading', { name: 'เครื่องนี้ใช้ที่ไหน' }).waitFor({ state: 'visible', timeout: 15_000 });
    await page.screenshot({ path: 'test-results/setup-choose.png', fullPage: true });
  });

  it('shows Thai messages beside wrong fields and does not save', async () => {
    await chooseSchool(page);
    await page.fill('#moe', '12345');
    await page.getByTestId('save-profile').click();
    await expect(page.locator('#moe-error').textContent()).resolves.toBe('รหัสโรงเรียนต้องเป็นตัวเลข 10 หลัก');
    await expect(page.locator('#smis-error').textContent()).resolves.toBe('รหัส SMIS ต้องเป็นตัวเลข 8 หลัก');
    await page.getByText('กรุณาเลือกจังหวัด').waitFor({ state: 'visible' });
    await expect(page.getByTestId('device-title').count()).resolves.toBe(0);
  });

  it('fills the address from the DOPA lists and takes GPS from the device', async () => {
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ latitude: 18.7883, longitude: 98.9853, accuracy: 12 });
    await fillSchoolProfile(page);
    await expect(page.inputValue('#addr-postcode')).resolves.toBe('50200');
    await page.getByTestId('gps-device').click();
    await expect.poll(() => page.inputValue('#gps-lat')).toBe('18.788300');
    await expect(page.inputValue('#gps-lon')).resolves.toBe('98.985300');
    await page.screenshot({ path: 'test-results/setup-school-form.png', fullPage: true });
  });

  it('saves, asks for the first user, and opens the home screen with the round calendar', async () => {
    await saveProfile(page);
    await page.screenshot({ path: 'test-results/first-user.png', fullPage: true });
    await createFirstUser(page);
    await expect(page.getByTestId('device-title').textContent()).resolves.toBe(school.nameTh);
    const next = await page.getByTestId('next-deadline').textContent();
    expect(next).toContain('สิ้นปีการศึกษา ปีการศึกษา 2569 ส่งภายใน 30 เมษายน 2570');
    expect(next).toContain('เหลืออีก 158 วัน');
    await expect(page.getByTestId('round-term1').textContent()).resolves.toContain('ข้อมูล ณ วันที่ 10 มิ.ย. 2569');
    await expect(page.getByTestId('round-year-end').textContent()).resolves.toContain('31 มี.ค. 2570');
    await page.screenshot({ path: 'test-results/home-school.png', fullPage: true });
  });

  it('locks, refuses a wrong PIN with the tries left, and opens with the right one', async () => {
    await page.getByTestId('lock').click();
    await signIn(page, officer.name, '1111');
    await expect(page.getByTestId('signin-message').textContent()).resolves.toBe(
      'รหัส PIN ไม่ถูกต้อง เหลืออีก 4 ครั้งก่อนถูกล็อก',
    );
    await page.screenshot({ path: 'test-results/sign-in.png', fullPage: true });
    for (const d of officer.pin) await page.getByRole('button', { name: d, exact: true }).click();
    await page.getByTestId('pin-ok').click();
    await page.getByTestId('device-title').waitFor();
  });

  it('reloads with the network off and finds the app, its font and the saved profile', async () => {
    await waitForOfflineReady(page);
    await context.setOffline(true);
    // A hash change alone would not reload: reload for real, from the service worker.
    await page.goto(`${inject('baseURL')}#/settings`);
    await page.reload();
    await signIn(page, officer.name, officer.pin);
    await expect(page.getByTestId('moe-code').textContent()).resolves.toBe(school.moe);
    await expect(page.getByTestId('device-title').textContent()).resolves.toBe(school.nameTh);
    const fontReady = await page.evaluate(async () => {
      await document.fonts.ready;
      return document.fonts.check('18px Sarabun', 'ทะเบียน');
    });
    expect(fontReady).toBe(true);
    await page.screenshot({ path: 'test-results/settings-offline.png', fullPage: true });
    await context.setOffline(false);
    expect(errors).toEqual([]);
  });
});
