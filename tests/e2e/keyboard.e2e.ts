// Keyboard only, as a district officer or a school officer on a PC works: sign in on the PIN pad (a partial
// PIN and a wrong one), the skip link, a place from the menu, a student opened, edited and saved, every dialog
// (unsaved input, the card reader, "แน่ใจไหม?") and the measurement keypad. After each step the test asserts
// where focus is: never on <body>, never behind a dialog, never under a sticky bar.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newTabletContext, watchErrors } from './browser';
import { officer, seedStores, setUpSchool } from './pages';
import { citizenId } from '../factories/students';
import { newStudent } from '../../src/domain/student/schema';

const kids = Array.from({ length: 3 }, (_, i) =>
  newStudent(`kb-${i + 1}`, {
    idType: 'I',
    idNo: citizenId(700 + i),
    studentNo: String(20001 + i),
    prefix: i % 2 ? 'เด็กหญิง' : 'เด็กชาย',
    firstName: ['กมล', 'ขวัญ', 'คณิน'][i]!,
    lastName: 'ใจดี',
    sex: i % 2 ? 'F' : 'M',
    birthDate: '2018-03-0' + (i + 1),
    grade: '04',
    room: '1',
    status: 'active',
    enteredOn: '2025-05-16',
  }),
);

interface Focus {
  tag: string;
  testid: string | null;
  id: string;
  text: string;
  inDialog: boolean;
  role: string | null;
}

describe('keyboard and focus', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const url = (place = '') => `${inject('baseURL')}${place ? `#/${place}` : ''}`;

  const focus = (): Promise<Focus> =>
    page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      return {
        tag: a?.tagName ?? 'NONE',
        testid: a?.getAttribute('data-testid') ?? null,
        id: a?.id ?? '',
        text: (a?.textContent ?? '').trim().slice(0, 80),
        inDialog: !!a?.closest('dialog[open]'),
        role: a?.getAttribute('role') ?? null,
      };
    });
  const press = async (key: string, times = 1) => {
    for (let i = 0; i < times; i++) await page.keyboard.press(key);
  };
  /** Tabs (or Shift+Tabs) until the focused element matches; fails after `max` steps. */
  async function tabTo(selector: string, back = false, max = 60): Promise<void> {
    for (let i = 0; i < max; i++) {
      if (await page.evaluate((s) => !!document.activeElement?.matches(s), selector)) return;
      await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    }
    throw new Error(`Tab never reached ${selector}; focus is on ${JSON.stringify(await focus())}`);
  }
  const filledDots = () => page.locator('[data-testid="pin-dots"] .filled').count();
  /** Nothing outside the open dialog takes focus, whatever the number of Tabs. */
  async function tabStaysIn(dialogTestid: string, tabs = 10): Promise<void> {
    for (let i = 0; i < tabs; i++) {
      await press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
      const f = await page.evaluate((id) => {
        const a = document.activeElement;
        return {
          inside: !!a?.closest(`[data-testid="${id}"]`),
          body: a === document.body,
          what: a?.outerHTML.slice(0, 120),
        };
      }, dialogTestid);
      // Past the last control, focus may leave the page for the browser's own UI (body), never the page behind.
      expect(f.inside || f.body, `Tab ${i + 1} landed on ${f.what}`).toBe(true);
    }
  }
  /** The focused control is fully clear of the sticky header above and the save bar below. */
  const clearOfBars = () =>
    page.evaluate(() => {
      const a = document.activeElement!.getBoundingClientRect();
      const header = document.querySelector('header.top')!.getBoundingClientRect();
      const bar = document.querySelector('[data-testid="save-student"]')?.getBoundingClientRect();
      return { top: a.top >= header.bottom - 0.5, bottom: !bar || a.bottom <= bar.top + 0.5 || a.top >= bar.bottom };
    });

  beforeAll(async () => {
    browser = await launch();
    page = await (await newTabletContext(browser)).newPage();
    errors = watchErrors(page);
    await page.goto(url());
    await setUpSchool(page);
    await seedStores(page, {
      students: kids.map((k) => ({ ...k, updatedAt: '2026-05-20T02:00:00.000Z', revision: 1 })),
    });
    await page.reload();
    await page.getByTestId('sign-in').waitFor();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in on the PIN pad: Enter on a key types it, a partial PIN spends no try, a wrong one keeps focus on the pad', async () => {
    await tabTo('.who');
    await press('Enter');
    // Choosing the user: focus goes to the PIN pad's heading.
    await expect.poll(focus).toMatchObject({ tag: 'H2', text: `ใส่รหัส PIN ของ ${officer.name}` });
    await page.keyboard.type('256');
    await press('Enter');
    await page.getByTestId('pin-short').waitFor();
    expect(await page.getByTestId('signin-message').count()).toBe(0);
    expect(await filledDots()).toBe(3);
    expect(await focus()).toMatchObject({ role: 'group' });
    await press('Backspace', 3);
    // Enter and Space on a focused key press that key; they never submit.
    await tabTo('.keys button:nth-child(2)');
    await press('Enter');
    await press('Space');
    expect(await filledDots()).toBe(2);
    expect(await page.getByTestId('signin-message').count()).toBe(0);
    await press('Backspace', 2);
    await page.keyboard.type('1111');
    await tabTo('[data-testid="pin-ok"]');
    await press('Enter');
    await expect.poll(() => page.getByTestId('signin-message').textContent()).toContain('เหลืออีก 4 ครั้ง');
    expect(await focus()).toMatchObject({ testid: 'pin-ok' });
    // The number row types even with focus on OK; Enter on OK submits.
    await page.keyboard.type(officer.pin);
    await press('Enter');
    // Signed in: focus on the home screen's heading, not <body>.
    await expect.poll(focus, { timeout: 15_000 }).toMatchObject({ tag: 'H1', text: 'โรงเรียนบ้านทดสอบ' });
  });

  it('shows the skip link when focused and goes to a place from the menu, focus on its heading', async () => {
    await tabTo('.skip-link', true);
    const box = await page.locator('.skip-link').boundingBox();
    expect(box!.width).toBeGreaterThan(40);
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await press('Enter');
    expect(await focus()).toMatchObject({ id: 'main' });
    await tabTo('[aria-controls="nav"]', true);
    await press('Enter');
    await tabTo('[data-testid="nav-students"]');
    await press('Enter');
    await expect.poll(focus).toMatchObject({ tag: 'H1', text: 'นักเรียน' });
  });

  it('opens a student and keeps every field of the family tab clear of the header and the save bar', async () => {
    await tabTo('[data-testid="student-row"]');
    await press('Enter');
    await expect.poll(focus).toMatchObject({ tag: 'H1', testid: 'student-name' });
    // The tabs are one stop; arrows move between them.
    await tabTo('[data-testid="tab-identity"]');
    await press('ArrowRight', 2);
    expect(await focus()).toMatchObject({ testid: 'tab-family' });
    // Through every field of the tab and back: none may sit under a sticky bar while it has focus.
    let fields = 0;
    for (let i = 0; i < 40; i++) {
      await press('Tab');
      const f = await focus();
      if (f.testid === 'save-student') break;
      if (f.tag === 'INPUT' || f.tag === 'SELECT') {
        fields++;
        expect(await clearOfBars(), `${f.id} under a bar`).toEqual({ top: true, bottom: true });
      }
    }
    expect(fields).toBeGreaterThan(5);
    // Backwards, as at a PC: Shift+Tab must not leave fields under the header either.
    for (let i = 0; i < fields; i++) {
      await press('Shift+Tab');
      const f = await focus();
      if (f.tag === 'INPUT' || f.tag === 'SELECT')
        expect(await clearOfBars(), `${f.id} under a bar`).toEqual({ top: true, bottom: true });
    }
  });

  it('edits and saves: focus comes back to the save button, then the unsaved-input dialog is modal', async () => {
    await tabTo('[role="tab"][aria-selected="true"]', true);
    await press('ArrowLeft', 2);
    expect(await focus()).toMatchObject({ testid: 'tab-identity' });
    // On a PC screen (1366×768), Shift+Tab up through the identity fields never leaves one under the header.
    await page.setViewportSize({ width: 1366, height: 768 });
    await tabTo('[data-testid="save-student"]');
    for (let i = 0; i < 40; i++) {
      await press('Shift+Tab');
      const f = await focus();
      if (f.testid === 'tab-identity') break;
      if (f.tag === 'INPUT' || f.tag === 'SELECT')
        expect(await clearOfBars(), `${f.id} under a bar`).toEqual({ top: true, bottom: true });
    }
    await page.setViewportSize({ width: 800, height: 1280 });
    await tabTo('#f-firstName');
    await page.keyboard.type('ดี');
    await tabTo('[data-testid="save-student"]');
    await press('Enter');
    await page.getByTestId('save-outcome').waitFor();
    await expect.poll(focus).toMatchObject({ testid: 'save-student' });

    await tabTo('#f-lastName', true);
    await page.keyboard.type('มาก');
    await tabTo('[data-testid="student-back"]', true);
    await press('Enter');
    // The prompt takes focus on its safe answer, keeps Tab inside, and Escape keeps the input.
    await expect.poll(focus).toMatchObject({ testid: 'keep-input', inDialog: true });
    await tabStaysIn('unsaved-dialog');
    await press('Escape');
    await expect.poll(() => page.getByTestId('unsaved-dialog').count()).toBe(0);
    expect(await focus()).toMatchObject({ testid: 'student-back' });
    // Leaving for real: the opener is gone with the form, focus goes to the list's heading.
    await press('Enter');
    await tabTo('[data-testid="discard"]');
    await press('Enter');
    await expect.poll(focus).toMatchObject({ tag: 'H1', text: 'นักเรียน' });
  });

  it('the card-reader dialog keeps focus inside, closes on Escape and gives focus back to "อ่านบัตร"', async () => {
    await tabTo('[data-testid="student-row"]');
    await press('Enter');
    await expect.poll(focus).toMatchObject({ testid: 'student-name' });
    await tabTo('[data-testid="read-card"]');
    await press('Enter');
    await expect.poll(focus).toMatchObject({ inDialog: true });
    await page.getByTestId('card-error').waitFor();
    await tabStaysIn('card-dialog');
    await press('Escape');
    await expect.poll(() => page.getByTestId('card-dialog').count()).toBe(0);
    expect(await focus()).toMatchObject({ testid: 'read-card' });
  });

  it('types on the measurement keypad from the keyboard, and "แน่ใจไหม?" is modal', async () => {
    await tabTo('[aria-controls="nav"]', true);
    await press('Enter');
    await tabTo('[data-testid="nav-measure"]');
    await press('Enter');
    await expect.poll(focus).toMatchObject({ tag: 'H1' });
    await tabTo('[data-testid="start-measure"]');
    await press('Enter');
    await page.getByTestId('current-name').waitFor();
    // Enter on a focused key types that key, not "next".
    await tabTo('[data-testid="key-2"]');
    await press('Enter');
    await page.keyboard.type('5.4');
    await expect.poll(() => page.getByTestId('weight-value').textContent()).toBe('25.4');
    expect(await focus()).toMatchObject({ testid: 'key-2' });
    // Metres typed for centimetres: the question takes focus on "fix", Tab stays in it, Escape fixes.
    await page.keyboard.type('1.2');
    await page.getByTestId('sure-dialog').waitFor();
    await expect.poll(focus).toMatchObject({ testid: 'sure-fix', inDialog: true });
    await page.keyboard.type('9');
    await tabStaysIn('sure-dialog', 6);
    await press('Escape');
    await expect.poll(() => page.getByTestId('sure-dialog').count()).toBe(0);
    expect(await focus()).toMatchObject({ testid: 'key-2' });
    expect(errors).toEqual([]);
  });
});
