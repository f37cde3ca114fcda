// A whole school year on one tablet: enrol, move, confirm and certify each round, record results and
// start the next year. Every count is checked against the as-of rule.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newTabletContext, watchErrors } from './browser';
import { enrolThroughForm, officer, setUpSchool, signIn, type Kid } from './pages';
import { citizenId } from '../factories/students';

const director = { name: 'นางสมศรี ใจดี', pin: '753102' };
const kids: Record<'A' | 'B' | 'C' | 'D' | 'E', Kid> = {
  A: { prefix: 'เด็กชาย', first: 'ก้องภพ', last: 'ใจดี', grade: '04', birth: '14/02/2562' },
  B: { prefix: 'เด็กหญิง', first: 'บุษบา', last: 'ใจดี', grade: '04', birth: '03/09/2562' },
  C: { prefix: 'เด็กหญิง', first: 'ชนิดา', last: 'ศรีสุข', grade: '09', birth: '21/06/2557' },
  D: { prefix: 'เด็กชาย', first: 'ดนัย', last: 'มีสุข', grade: '09', birth: '11/01/2557' },
  E: { prefix: 'เด็กชาย', first: 'เอกชัย', last: 'ทองดี', grade: '04', birth: '30/12/2562' },
};

describe('a school year from enrolment to the next year', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const url = (place = '') => `${inject('baseURL')}${place ? `#/${place}` : ''}`;

  /** Moves the tablet's clock and reloads, as the next working day would; the session starts over. */
  async function dayIs(iso: string) {
    await page.clock.setFixedTime(new Date(`${iso}T09:00:00+07:00`));
    await page.goto(url());
    await page.reload();
    await signIn(page, officer.name, officer.pin);
    await page.getByTestId('device-title').waitFor();
  }
  const open = (place: string) => page.goto(url(place));
  const shot = (name: string) => page.screenshot({ path: `test-results/${name}.png`, fullPage: true });

  const enrol = (k: Kid, n: number) => enrolThroughForm(page, inject('baseURL'), k, citizenId(900 + n), n === 0);

  async function leave(kind: string, who: string, date: string, fill: (p: Page) => Promise<void>) {
    await open('movements');
    await page.getByTestId(`kind-${kind}`).click();
    await page.fill('#mv-student', who);
    await page.getByRole('button', { name: new RegExp(who) }).click();
    await page.fill('#mv-date', date);
    await fill(page);
    await page.getByTestId('save-movement').click();
    await page.getByTestId('movement-notice').waitFor();
  }

  /** Attendance in every room (all present), then the staff confirmation and the director's PIN. */
  async function confirmAndCertify(round: string) {
    await open('confirm');
    await expect.poll(() => page.inputValue('#cf-round')).toBe(round);
    for (const room of ['04-1', '09-1']) {
      await page.getByTestId(`attendance-${room}`).click();
      await page.getByTestId('all-present').click();
      if (round === '2569/term1' && room === '09-1') await shot('attendance-room');
      await page.getByTestId('attendance-done').click();
    }
    await expect(page.getByTestId('check-attendance').textContent()).resolves.toContain('ครบทั้ง 2 ห้อง');
    if (round === '2569/term1') await shot('confirm-checklist');
    await page.getByTestId('confirm-round').click();
    await expect.poll(() => page.getByTestId('confirm-state').textContent()).toContain(officer.name);
    await page.getByTestId('open-certify').click();
    for (const d of director.pin) await page.getByRole('button', { name: d, exact: true }).click();
    await page.getByTestId('pin-ok').click();
    await expect.poll(() => page.getByTestId('certify-state').textContent()).toContain(director.name);
  }

  async function reportLine(round: string, line: string): Promise<string> {
    await open('reports');
    await page.selectOption('#rp-round', round);
    await page.getByTestId('round-report').waitFor();
    await expect.poll(() => page.inputValue('#rp-round')).toBe(round);
    return (await page.getByTestId(`line-${line}`).innerText()).replace(/\s+/g, ' ');
  }

  beforeAll(async () => {
    browser = await launch();
    page = await (await newTabletContext(browser)).newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('sets up the school with an officer and a director, and enrols five students', async () => {
    await page.clock.setFixedTime(new Date('2026-05-20T09:00:00+07:00'));
    await page.goto(url());
    await setUpSchool(page);
    await open('settings');
    await page.getByTestId('add-user').click();
    await page.fill('#user-name', director.name);
    await page.getByLabel(/ผู้อำนวยการ/).check();
    await page.fill('#user-pin', director.pin);
    await page.fill('#user-pin2', director.pin);
    await page.getByTestId('create-user').click();
    await page.getByText(`บันทึกผู้ใช้งาน ${director.name} แล้ว`).waitFor();
    for (const [i, k] of Object.values(kids).entries()) await enrol(k, i);
  });

  it('records a transfer out by mistake and reverses it: the count of term 1 does not change', async () => {
    await dayIs('2026-06-08');
    // Home: term 1 in progress, two days left, and what remains before it can be certified.
    await expect.poll(() => page.getByTestId('round-todo').textContent()).toContain('เช็กชื่อ 2 ห้อง');
    await expect(page.getByTestId('next-deadline').textContent()).resolves.toContain('เหลืออีก 2 วัน');
    await shot('home-round-todo');
    await leave('transfer-out', kids.A.first, '05/06/2569', async (p) => {
      await p.fill('#mv-school', 'โรงเรียนบ้านนา');
      await p.fill('#mv-reason', 'ย้ายตามผู้ปกครอง');
    });
    await shot('movements-list');
    await page
      .getByTestId('movement-list')
      .locator('li')
      .filter({ hasText: kids.A.first })
      .getByRole('button', { name: 'ยกเลิกรายการนี้' })
      .click();
    await page.fill('input[id^="why-"]', 'บันทึกผิดคน');
    await page.getByTestId('confirm-reverse').click();
    await expect.poll(() => page.getByTestId('movement-list').textContent()).toContain('ยกเลิกแล้วโดย');
    await open('confirm');
    await expect(page.getByTestId('confirm-asof').textContent()).resolves.toContain('นับได้ 5 คน');
  });

  it('confirms and certifies term 1 with five students', async () => {
    await confirmAndCertify('2569/term1');
    await shot('confirm-term1');
    expect(await reportLine('2569/term1', 'total')).toBe('รวมทั้งโรงเรียน 3 2 5 2');
    expect(await reportLine('2569/term1', 'g04')).toBe('รวม ป.1 2 1 3 1');
    await shot('report-term1');
    await page.emulateMedia({ media: 'print' });
    await shot('report-term1-print');
    await page.emulateMedia({ media: 'screen' });
  });

  it('takes a transfer in, a transfer out and a dropout, and certifies term 2 with four', async () => {
    await dayIs('2026-11-05');
    await open('movements');
    await page.getByTestId('kind-transfer-in').click();
    await page.selectOption('#nc-prefix', { label: 'เด็กหญิง' });
    await page.fill('#nc-first', 'ฟ้าใส');
    await page.fill('#nc-last', 'ใจงาม');
    await page.fill('#nc-id', citizenId(906));
    await page.fill('#nc-birth', '05/05/2562');
    await page.selectOption('#nc-grade', { label: 'ป.1' });
    await page.fill('#nc-room', '1');
    await page.fill('#mv-date', '01/07/2569');
    await page.fill('#mv-school', 'โรงเรียนวัดดอน');
    await page.fill('#mv-reason', 'ย้ายตามผู้ปกครอง');
    await shot('movement-form');
    await page.getByTestId('save-movement').click();
    await page.getByTestId('movement-notice').waitFor();
    await leave('transfer-out', kids.B.first, '03/08/2569', async (p) => {
      await p.fill('#mv-school', 'โรงเรียนบ้านนา');
      await p.fill('#mv-reason', 'ย้ายตามผู้ปกครอง');
    });
    await leave('dropout', kids.E.first, '01/09/2569', async (p) => {
      await p.selectOption('#mv-reason', 'ฐานะยากจน');
      await p.fill('#mv-consulted', '25/08/2569');
    });
    await confirmAndCertify('2569/term2');
    expect(await reportLine('2569/term2', 'total')).toBe('รวมทั้งโรงเรียน 2 2 4 2');
    await expect(page.getByTestId('comparison-summary').textContent()).resolves.toContain(
      'รอบก่อน 5 คน · เข้ามา 1 · ออกไป 2 · หายไปโดยไม่มีการจำหน่าย 0 · รอบนี้ 4 คน',
    );
    // Term 1 stays as certified: five, although two have left since.
    expect(await reportLine('2569/term1', 'total')).toBe('รวมทั้งโรงเรียน 3 2 5 2');
  });

  it("records results, keeps next year's newcomer apart, and certifies the year end with four", async () => {
    await dayIs('2027-03-10');
    await open('movements');
    await page.getByTestId('tab-incoming').click();
    await expect(page.getByTestId('incoming-why').textContent()).resolves.toContain('ปีการศึกษา 2570');
    await page.getByTestId('add-incoming').click();
    await page.selectOption('#nc-prefix', { label: 'เด็กชาย' });
    await page.fill('#nc-first', 'กล้า');
    await page.fill('#nc-last', 'ใจดี');
    await page.selectOption('#nc-grade', { label: 'ป.1' });
    await page.fill('#nc-room', '1');
    await page.getByTestId('save-incoming').click();
    await expect.poll(() => page.getByTestId('incoming-list').textContent()).toContain('กล้า');
    await page.getByTestId('tab-year-end').click();
    await page.getByTestId('results-04-1').click();
    await page.getByTestId('save-results').click();
    await page.getByTestId('results-09-1').click();
    await page.getByTestId('results-room').locator('li').filter({ hasText: kids.D.first }).getByRole('button').click();
    await shot('results-room');
    await page.getByTestId('save-results').click();
    await expect.poll(() => page.getByTestId('results-09-1').textContent()).toContain('ซ้ำชั้น 1 คน');
    await confirmAndCertify('2569/year-end');
    expect(await reportLine('2569/year-end', 'total')).toBe('รวมทั้งโรงเรียน 2 2 4 2');
  });

  it('starts 2570 with the right promotions, undoes it, and starts it again', async () => {
    await dayIs('2027-05-03');
    await open('movements');
    await page.getByTestId('tab-year-end').click();
    const summary = page.getByTestId('new-year-summary');
    await expect.poll(() => summary.innerText()).toMatch(/เลื่อนชั้น\s*2\s*ซ้ำชั้น\s*1\s*สำเร็จการศึกษา\s*1\s*นักเรียนใหม่\s*1/);
    await shot('new-year-preview');
    for (const pass of [1, 2]) {
      await page.getByTestId('start-year').click();
      await page.getByTestId('confirm-start-year').click();
      await page.getByTestId('year-started').waitFor();
      if (pass === 1) {
        await page.getByTestId('undo-year').click();
        await page.getByTestId('confirm-undo-year').click();
        await page.getByTestId('new-year').waitFor();
      }
    }
    // Term 1 of 2570, counted from today's data: the newcomer in ป.1, two promoted to ป.2, the repeater in ป.6.
    expect(await reportLine('2570/term1', 'g04')).toBe('รวม ป.1 1 0 1 1');
    expect(await reportLine('2570/term1', 'g05')).toBe('รวม ป.2 1 1 2 1');
    expect(await reportLine('2570/term1', 'g09')).toBe('รวม ป.6 1 0 1 1');
    expect(await reportLine('2570/term1', 'total')).toBe('รวมทั้งโรงเรียน 3 1 4 3');
    await expect(page.getByTestId('comparison-summary').textContent()).resolves.toContain(
      'รอบก่อน 4 คน · เข้ามา 1 · ออกไป 1 · หายไปโดยไม่มีการจำหน่าย 0 · รอบนี้ 4 คน',
    );
    await shot('report-2570-term1');
    await page.setViewportSize({ width: 390, height: 844 });
    for (const place of ['reports', 'confirm', 'movements', 'home']) {
      await open(place);
      await page.waitForLoadState('networkidle');
      await shot(`phone-${place}`);
    }
    expect(errors).toEqual([]);
  });
});
