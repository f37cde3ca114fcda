import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { showCode, startBridge, type Bridge } from '../../src/devices/bridge/server';
import { memoryTokenStore } from '../../src/devices/bridge/tokens';
import type { FakeCardHook } from '../../src/devices/smartcard/fake/hook';
import { FakeThaiIdCard, SECOND_CARD } from '../../src/devices/smartcard/fake/fake-card';
import { FakePcsc } from '../../src/devices/smartcard/fake/fake-pcsc';
import { launch, newTabletContext, watchErrors } from './browser';
import { setUpSchool } from './pages';

// Settings → card reader with a fake reader behind each transport: the Web Smart Card API and WebUSB
// (window.__tabianFakeCard) and the real bridge on loopback with a fake PC/SC.
describe('card reader: every transport fills the form, every failure leaves it alone', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const bridges: Bridge[] = [];
  // From the top, or the sticky header lands mid-page in a full-page picture.
  const shot = async (name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
  };
  const preview = (field: string) => page.getByTestId(`preview-${field}`).textContent();
  const useFake = (hook: FakeCardHook | null) =>
    page.evaluate((h) => {
      window.__tabianFakeCard = h ?? undefined;
    }, hook);
  async function readCard(): Promise<void> {
    await page.getByTestId('read-card').click();
  }

  beforeAll(async () => {
    browser = await launch();
    const context = await newTabletContext(browser);
    // The hook is set before any app script runs, as a demo or test page would.
    await context.addInitScript(() => {
      window.__tabianFakeCard = { api: 'smart-card' };
    });
    page = await context.newPage();
    errors = watchErrors(page);
    await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+07:00'));
    await page.goto(inject('baseURL'));
    await setUpSchool(page);
    await page.goto(`${inject('baseURL')}#/settings`);
    await page.getByTestId('card-reader-card').waitFor();
  });
  afterAll(async () => {
    for (const b of bridges) await b.close();
    await browser?.close();
  });

  it('reads through the Web Smart Card API and fills the preview', async () => {
    await expect.poll(() => page.getByTestId('way-smart-card').textContent()).toContain('ใช้ได้');
    await expect(page.getByTestId('way-bridge').textContent()).resolves.toContain('ยังไม่ได้เปิดโปรแกรมเชื่อม');
    await readCard();
    await expect.poll(() => preview('idNo')).toBe('1-1017-00012-34-4');
    await expect(preview('prefix')).resolves.toBe('เด็กหญิง');
    await expect(preview('firstName')).resolves.toBe('สมหญิง');
    await expect(preview('lastNameEn')).resolves.toBe('Tangjairian');
    await expect(preview('sex')).resolves.toBe('หญิง');
    await expect(preview('birthDate')).resolves.toBe('20 มีนาคม 2562');
    await expect(preview('address')).resolves.toBe('99/1 หมู่ 3 ศรีภูมิ เมืองเชียงใหม่ เชียงใหม่ 50200');
    await shot('card-reader-settings');
  });

  it('shows what a second card changes and takes only the chosen values', async () => {
    await useFake({ api: 'smart-card', card: 'second' });
    await readCard();
    await page.getByTestId('card-diff').waitFor();
    await expect(page.getByTestId('card-note').textContent()).resolves.toContain('ระบุเพียงปี พ.ศ. 2560');
    await page.screenshot({ path: 'test-results/card-reader-diff.png' });
    await page.getByTestId('card-diff-firstName').getByText('คงค่าเดิม').click();
    await page.getByTestId('card-apply').click();
    await expect.poll(() => preview('lastName')).toBe('มีสุข');
    await expect(preview('firstName')).resolves.toBe('สมหญิง');
    await expect(preview('idNo')).resolves.toBe('1-1006-00123-45-3');
    // The card has only the year: the recorded birth date stays.
    await expect(preview('birthDate')).resolves.toBe('20 มีนาคม 2562');
    await expect(preview('address')).resolves.toBe('12 ซอยสุขุมวิท 22 ถนนสุขุมวิท คลองตัน คลองเตย กรุงเทพมหานคร 10110');
  });

  it('reads over WebUSB CCID: a TPDU reader with time extensions and an APDU-level reader', async () => {
    for (const reader of ['acr39u', 'acr38u', 'br301'] as const) {
      await page.getByTestId('card-clear').click();
      await useFake({ api: 'usb', reader });
      await readCard();
      await expect.poll(() => preview('firstName')).toBe('สมหญิง');
      await expect(preview('address')).resolves.toBe('99/1 หมู่ 3 ศรีภูมิ เมืองเชียงใหม่ เชียงใหม่ 50200');
    }
  });

  it('ends every failure with a Thai message and leaves the form as it was', async () => {
    const cases: [FakeCardHook, string][] = [
      [{ api: 'smart-card', fault: 'no_reader' }, 'ไม่พบเครื่องอ่านบัตร'],
      [{ api: 'usb', card: 'none' }, 'ไม่พบบัตรในเครื่องอ่าน'],
      [{ api: 'smart-card', card: 'other' }, 'บัตรนี้ไม่ใช่บัตรประจำตัวประชาชนไทย'],
      [{ api: 'usb', reader: 'acr39u', fault: 'pulled' }, 'บัตรถูกดึงออกระหว่างอ่าน'],
      [{ api: 'smart-card', fault: 'busy' }, 'เครื่องอ่านบัตรถูกโปรแกรมอื่นใช้อยู่'],
      [{ api: 'usb', fault: 'protected' }, 'เบราว์เซอร์ไม่อนุญาตให้หน้าเว็บใช้เครื่องอ่านบัตรทาง USB'],
    ];
    for (const [hook, message] of cases) {
      await useFake(hook);
      await readCard();
      await expect.poll(() => page.getByTestId('card-error').textContent()).toContain(message);
      if (hook.fault === 'pulled') await page.screenshot({ path: 'test-results/card-reader-error.png' });
      await page.getByTestId('card-type-instead').click();
      await expect(preview('idNo')).resolves.toBe('1-1017-00012-34-4');
      await expect(preview('firstName')).resolves.toBe('สมหญิง');
    }
  });

  it('pairs with the bridge, refusing a wrong code and a foreign origin, then reads through it', async () => {
    const origin = new URL(inject('baseURL')).origin;
    const pcsc = new FakePcsc({ 'ACS ACR39U ICC Reader 00 00': new FakeThaiIdCard({ data: SECOND_CARD }) });
    const bridge = await startBridge({
      port: 0,
      origins: [origin],
      pcsc,
      tokens: memoryTokenStore(),
      log: () => undefined,
      limits: { maxFailures: 10, firstDelayMs: 20, maxDelayMs: 100 },
    });
    const foreign = await startBridge({
      port: 0,
      origins: ['https://tabian.example.go.th'],
      pcsc,
      tokens: memoryTokenStore(),
      log: () => undefined,
    });
    bridges.push(bridge, foreign);
    await useFake(null);
    await page.getByTestId('card-clear').click();

    await page.fill('#bridge-port', String(foreign.port));
    await page.fill('#bridge-code', foreign.code);
    await page.getByTestId('bridge-pair').click();
    await expect.poll(() => page.locator('#bridge-code-error').textContent()).toContain(`ไม่อนุญาตแอปที่อยู่ ${origin}`);

    await page.fill('#bridge-port', String(bridge.port));
    await page.fill(
      '#bridge-code',
      bridge.code.replace(/^./, (d) => (d === '0' ? '1' : '0')),
    );
    await page.getByTestId('bridge-pair').click();
    await expect.poll(() => page.locator('#bridge-code-error').textContent()).toContain('รหัสจับคู่ไม่ถูกต้อง');
    await readCard();
    await expect.poll(() => page.getByTestId('card-error').textContent()).toContain('ยังไม่มีวิธีอ่านบัตร');
    await page.getByTestId('card-type-instead').click();
    await expect(preview('idNo')).resolves.toBe('—');

    // As printed, in three groups of five.
    await page.fill('#bridge-code', showCode(bridge.code));
    await page.getByTestId('bridge-pair').click();
    await page.getByTestId('bridge-paired').waitFor();
    await expect.poll(() => page.getByTestId('way-bridge').textContent()).toContain('ใช้ได้');
    await readCard();
    await expect.poll(() => preview('firstName')).toBe('ก้องภพ');
    await expect(preview('address')).resolves.toBe('12 ซอยสุขุมวิท 22 ถนนสุขุมวิท คลองตัน คลองเตย กรุงเทพมหานคร 10110');
    // A blank record took the card whole; the dialog stays only to say the birth date was not filled.
    await expect(page.getByTestId('card-note').textContent()).resolves.toContain('ระบุเพียงปี พ.ศ. 2560');
    await page.getByTestId('card-close').click();
    await shot('card-reader-bridge');
    expect(errors).toEqual([]);
  });

  it('fills a new student in the student form from the card', async () => {
    await useFake({ api: 'smart-card' });
    await page.goto(`${inject('baseURL')}#/students`);
    await page.getByTestId('add-student').click();
    await page.locator('#f-idNo').waitFor();
    await readCard();
    // A blank record takes the card whole: the dialog may close by itself, or wait for "close".
    await expect
      .poll(async () => {
        if (await page.getByTestId('card-close').isVisible()) await page.getByTestId('card-close').click();
        return page.inputValue('#f-idNo');
      })
      .toMatch(/^1-?1017-?00012-?34-?4$/);
    await expect(page.inputValue('#f-firstName')).resolves.toBe('สมหญิง');
    // The date field shows what the card filled (day/month/Buddhist year), not an empty box.
    await expect(page.inputValue('#f-birthDate')).resolves.toMatch(/^\d\d\/\d\d\/25\d\d$/);
    await shot('card-reader-student-form');
    expect(errors).toEqual([]);
  });
});
