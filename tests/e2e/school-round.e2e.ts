// A school's round as a data officer walks it (issue 16): a DMC download whose labels vary between years is
// imported with nothing lost, a child typed in again by mistake is merged back into one record, the round is
// confirmed and certified, the file is handed over, marked as sent, and Home's round card says so.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, handOverByDownload, newTabletContext, watchErrors } from './browser';
import { officer, setUpSchool } from './pages';
import { DMC36_COL, dmc36Grid, text, workbookBytes } from '../factories/dmc-files';
import { generateStudents } from '../factories/dmc-students';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const director = { name: 'นางสมศรี ใจดี', pin: '753102' };
// Three children of ป.1/1; the first mother's occupation written as the web screens write it.
const kids = generateStudents(3, 1606).map((s) => ({ ...s, grade: '04' as const, room: '1' }));

describe('a school round, from the DMC file to "sent"', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const url = (place = '') => `${inject('baseURL')}${place ? `#/${place}` : ''}`;
  const tap = async (pin: string) => {
    for (const d of pin) await page.getByRole('button', { name: d, exact: true }).click();
    await page.getByTestId('pin-ok').click();
  };

  beforeAll(async () => {
    browser = await launch();
    const context = await newTabletContext(browser);
    await handOverByDownload(context);
    page = await context.newPage();
    errors = watchErrors(page);
    await page.clock.setFixedTime(new Date('2026-06-08T09:00:00+07:00'));
    await page.goto(url());
    await setUpSchool(page);
    await page.goto(url('settings'));
    await page.getByTestId('add-user').click();
    await page.fill('#user-name', director.name);
    await page.getByLabel(/ผู้อำนวยการ/).check();
    await page.fill('#user-pin', director.pin);
    await page.fill('#user-pin2', director.pin);
    await page.getByTestId('create-user').click();
    await page.getByText(`บันทึกผู้ใช้งาน ${director.name} แล้ว`).waitFor();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('imports the DMC file with a label variant: "ค้าขาย" reads as นักธุรกิจ-ค้าขาย', async () => {
    const grid = dmc36Grid(kids);
    grid[2]![DMC36_COL.motherOccupation] = text('ค้าขาย');
    await page.goto(url('exchange'));
    await page.getByTestId('import-file').setInputFiles({
      name: '2569-1-student.xlsx',
      mimeType: XLSX_TYPE,
      buffer: Buffer.from(workbookBytes({ Sheet1: grid })),
    });
    await page.getByTestId('import-preview').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('count-new').textContent()).resolves.toBe('3');
    await page.getByTestId('import-commit').click();
    await expect(page.getByTestId('import-done').textContent({ timeout: 30_000 })).resolves.toContain('เพิ่ม 3 คน');
    expect(await page.getByTestId('import-kept').count()).toBe(0);
    await page.goto(url('students'));
    await page.getByTestId('student-search').fill(kids[0]!.firstName);
    await page.getByTestId('student-row').first().click();
    await page.getByTestId('tab-family').click();
    await expect(page.inputValue('#f-family-mother-occupation')).resolves.toBe('3');
    await page.getByTestId('student-back').click();
    await page.getByTestId('student-search').fill('');
  });

  it('types the first child in again by mistake, then merges the two records back into one', async () => {
    const k = kids[0]!;
    await page.getByTestId('add-student').click();
    await page.fill('#f-idNo', k.idNo);
    await page.selectOption('#f-prefix', { label: k.prefix });
    await page.fill('#f-firstName', k.firstName);
    await page.fill('#f-lastName', k.lastName);
    const [y, m, d] = k.birthDate!.split('-');
    await page.fill('#f-birthDate', `${d}${m}${Number(y) + 543}`);
    await page.getByTestId('tab-schooling').click();
    await page.selectOption('#f-grade', '04');
    await page.fill('#f-room', '1');
    await page.getByTestId('save-student').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="save-outcome"]')?.classList.contains('warn'),
    );
    await page.getByTestId('student-back').click();
    await expect.poll(() => page.getByTestId('student-row').count()).toBe(4);
    await page.getByTestId('open-check').click();
    await page.getByTestId('possible-duplicates').getByTestId('merge-pair').click();
    await page.getByTestId('merge-confirm').click();
    await page.getByTestId('merge-done').waitFor();
    await page.getByTestId('merge-back').click();
    await page.getByTestId('check-back').click();
    await expect.poll(() => page.getByTestId('student-row').count()).toBe(3);
  });

  it('confirms and certifies term 1, hands the file over and marks it sent: Home says "ส่งแล้ว"', async () => {
    await page.goto(url('confirm'));
    await expect.poll(() => page.inputValue('#cf-round')).toBe('2569/term1');
    await page.getByTestId('attendance-04-1').click();
    await page.getByTestId('all-present').click();
    await page.getByTestId('attendance-done').click();
    await page.getByTestId('confirm-round').click();
    await expect.poll(() => page.getByTestId('confirm-state').textContent()).toContain(officer.name);
    await page.getByTestId('open-certify').click();
    await tap(director.pin);
    await expect.poll(() => page.getByTestId('certify-state').textContent()).toContain(director.name);

    // No district key yet: the card says, before anyone signs, that the file will not be encrypted.
    await expect.poll(() => page.getByTestId('submit-no-district').textContent()).toContain('จะไม่ถูกเข้ารหัส');
    await page.getByTestId('submit-make').click();
    await tap(officer.pin);
    await expect
      .poll(() => page.getByTestId('submit-pin-for').textContent(), { timeout: 30_000 })
      .toContain(director.name);
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await tap(director.pin);
    expect((await downloading).suggestedFilename()).toBe('1050130001-2569-term1-1.tabian');
    await expect
      .poll(() => page.getByTestId('submit-handover-note').textContent())
      .toContain('1050130001-2569-term1-1.tabian');
    await page.getByTestId('submission-1-sent').click();
    await expect.poll(() => page.getByTestId('submission-1-state').textContent()).toContain('ส่งแล้ว');
    await page.goto(url('home'));
    await expect.poll(() => page.getByTestId('round-term1-journey').textContent()).toBe('ส่งแล้ว');
    await page.screenshot({ path: 'test-results/school-round-home.png', fullPage: true });
    expect(errors).toEqual([]);
  }, 120_000);
});
