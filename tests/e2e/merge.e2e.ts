import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newTabletContext, watchErrors } from './browser';
import { enrolThroughForm, setUpSchool, type Kid } from './pages';

// The officer types the same child twice through the form; the check shows the pair, the two records are
// merged into one with both histories, the merge is undone (both come back), and merged again.
const SHOTS = process.env.SHOTS_DIR ?? 'test-results';
const malee: Kid = { prefix: 'เด็กหญิง', first: 'มาลี', last: 'ใจดี', grade: '04', birth: '20032562' };
const ID = '1112034563562';

describe('a record entered twice is merged', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const base = () => inject('baseURL');
  const rows = () => page.getByTestId('student-row').count();

  beforeAll(async () => {
    browser = await launch();
    page = await (await newTabletContext(browser)).newPage();
    errors = watchErrors(page);
    await page.clock.setFixedTime(new Date('2026-11-23T10:00:00+07:00'));
    await page.goto(base());
    await setUpSchool(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('saves the same child twice through the form, the second time with a warning and her student number', async () => {
    await enrolThroughForm(page, base(), malee, ID, true);
    await page.getByTestId('add-next').click();
    await page.fill('#f-idNo', ID);
    await page.selectOption('#f-prefix', { label: malee.prefix });
    await page.fill('#f-firstName', malee.first);
    await page.fill('#f-lastName', malee.last);
    await page.fill('#f-birthDate', malee.birth);
    await page.getByTestId('tab-schooling').click();
    await page.fill('#f-studentNo', '2401');
    await page.selectOption('#f-grade', malee.grade);
    await page.fill('#f-room', '1');
    await page.getByTestId('save-student').click();
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="save-outcome"]')?.classList.contains('warn'),
    );
    // The form itself offers the merge with the record it duplicates.
    await expect(page.getByTestId('merge-with').textContent()).resolves.toContain('มาลี ใจดี');
    await page.getByTestId('student-back').click();
    await expect.poll(rows).toBe(2);
  });

  it('shows the pair in the check and merges it, the student number picked from the second record', async () => {
    await page.getByTestId('open-check').click();
    const pairs = page.getByTestId('possible-duplicates');
    await expect(pairs.textContent()).resolves.toContain('อาจเป็นนักเรียนคนเดียวกัน 1 คู่');
    await expect(pairs.getByTestId('not-same-person').count()).resolves.toBe(0);
    await pairs.getByTestId('merge-pair').click();
    await page.getByTestId('merge-confirm').waitFor();
    const field = page.locator('[data-testid="merge-field"][data-field="studentNo"]');
    await expect(field.locator('.opt.on').textContent()).resolves.toContain('2401');
    await page.screenshot({ path: `${SHOTS}/merge-th-tablet.png`, fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${SHOTS}/merge-th-phone.png`, fullPage: true });
    await page.goto(`${base()}#/settings`);
    await page.getByTestId('locale-en').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.goto(`${base()}#/students`);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent())
      .toBe('Merge two records of one student');
    await page.screenshot({ path: `${SHOTS}/merge-en-phone.png`, fullPage: true });
    await page.setViewportSize({ width: 800, height: 1280 });
    await page.screenshot({ path: `${SHOTS}/merge-en-tablet.png`, fullPage: true });
    await page.goto(`${base()}#/settings`);
    await page.getByTestId('locale-th').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('th');
    await page.goto(`${base()}#/students`);
    await page.getByTestId('merge-confirm').click();
    await page.getByTestId('merge-done').waitFor();
  });

  it('undoes the merge: both records are back; then merges again, one record with both histories', async () => {
    await page.getByTestId('merge-undo').click();
    await page.getByTestId('merge-undone').waitFor();
    await page.getByTestId('merge-back').click();
    await page.getByTestId('check-back').click();
    await expect.poll(rows).toBe(2);
    await page.getByTestId('open-check').click();
    await page.getByTestId('merge-pair').click();
    await page.getByTestId('merge-confirm').click();
    await page.getByTestId('merge-open').click();
    await expect(page.inputValue('#f-studentNo')).resolves.toBe('2401');
    await page.getByTestId('tab-history').click();
    const history = page.getByTestId('history');
    await expect.poll(() => history.locator('> li').count()).toBeGreaterThanOrEqual(5);
    const text = (await history.textContent())!;
    expect(text.match(/เพิ่มนักเรียน/g)).toHaveLength(2);
    expect(text).toContain('รวมระเบียนที่บันทึกซ้ำ');
    expect(text).toContain('ยกเลิกการรวม/ลบ');
    await page.getByTestId('student-back').click();
    await expect.poll(rows).toBe(1);
    expect(errors).toEqual([]);
  });
});
