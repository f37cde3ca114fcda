// A school's key file at the district: trusted only after the fingerprint the school reads out by phone
// matches, or after a deliberate "enrol without checking" that the status board then shows.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { toBase64 } from '../../src/domain/bundle/bytes';
import { fingerprintOf } from '../../src/domain/bundle/keys';
import { publicKeyFile } from '../../src/domain/bundle/trust';
import { xlsxBytes } from '../../src/io/export/book';
import { makeSchools, type TestSchool } from '../factories/district';
import { launch, watchErrors } from './browser';
import { setUpDistrict } from './pages';

const base = () => inject('baseURL');
const SHOTS = '/tmp/shots-h17b';
const keyFile = (s: TestSchool) =>
  Buffer.from(
    JSON.stringify(
      publicKeyFile({
        keyid: s.staff.keyid,
        alg: 'ES256',
        spki: toBase64(s.staff.spki),
        role: 'staff',
        name: `ครู ${s.name}`,
        school: s.code,
      }),
    ),
  );

describe("a district enrols a school's key file", () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let schools: TestSchool[];

  beforeAll(async () => {
    schools = await makeSchools(2, 1);
    browser = await launch();
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'th-TH',
      timezoneId: 'Asia/Bangkok',
    });
    page = await context.newPage();
    errors = watchErrors(page);
    await page.clock.setFixedTime(new Date('2026-06-20T10:00:00+07:00'));
    await page.goto(base());
    await setUpDistrict(page);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('compares the fingerprint first, or enrols without checking after asking, and marks that on the board', async () => {
    await page.goto(`${base()}#/schools`);
    await page.getByTestId('tab-schools').click();
    const list = xlsxBytes([
      {
        name: 'โรงเรียน',
        rows: [['รหัสโรงเรียน', 'รหัส SMIS', 'ชื่อโรงเรียน'], ...schools.map((s) => [s.code, s.smis, s.name])],
      },
    ]);
    await page.getByTestId('school-list-file').setInputFiles({
      name: 'โรงเรียน.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(list),
    });
    await expect(page.getByTestId('school-list-result').textContent()).resolves.toContain('เพิ่ม 2');
    const [a, b] = schools as [TestSchool, TestSchool];

    await page.getByTestId(`school-${a.code}`).click();
    await page
      .getByTestId(`enrol-key-${a.code}`)
      .setInputFiles({ name: 'a.json', mimeType: 'application/json', buffer: keyFile(a) });
    const submit = page.getByTestId('keycheck-submit');
    await expect(submit.isDisabled()).resolves.toBe(true);
    await page.getByTestId(`keycheck-heard-${a.staff.keyid}`).fill(fingerprintOf(a.staff.keyid));
    await page.screenshot({ path: `${SHOTS}/keycheck-1366.png`, fullPage: true });
    await submit.click();
    await expect.poll(() => page.getByText('ลงทะเบียนกุญแจใหม่ 1 ดอก').count()).toBe(1);

    await page.getByTestId(`school-${b.code}`).click();
    await page
      .getByTestId(`enrol-key-${b.code}`)
      .setInputFiles({ name: 'b.json', mimeType: 'application/json', buffer: keyFile(b) });
    await page.getByTestId('keycheck-skip').click();
    await page.screenshot({ path: `${SHOTS}/keycheck-ask-1366.png` });
    await page.getByTestId('keycheck-ask-yes').click();
    await expect.poll(() => page.getByText('ลงทะเบียนกุญแจใหม่ 1 ดอก').count()).toBe(1);

    await page.getByTestId('tab-board').click();
    await expect.poll(() => page.getByTestId(`unchecked-${b.code}`).count()).toBe(1);
    await expect(page.getByTestId(`unchecked-${a.code}`).count()).resolves.toBe(0);
    await expect(page.getByTestId(`unchecked-${b.code}`).textContent()).resolves.toContain('ไม่ได้ตรวจลายนิ้วมือกุญแจ');
    await page.screenshot({ path: `${SHOTS}/board-1366.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/board-390.png`, fullPage: true });
    expect(errors).toEqual([]);
  }, 60_000);
});
