// axe-core (WCAG 2.1 A and AA rules) on the main screens, in Thai and English, on a tablet and a phone: any
// violation fails, with the rule and the elements it names. axe's source is put into the page as a script.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newTabletContext, watchErrors, type Viewport } from './browser';
import { chooseSchool, officer, seedStores, setUpSchool, signIn } from './pages';
import { citizenId } from '../factories/students';
import { newStudent } from '../../src/domain/student/schema';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const kids = Array.from({ length: 4 }, (_, i) =>
  newStudent(`ax-${i + 1}`, {
    idType: 'I',
    idNo: citizenId(800 + i),
    studentNo: String(30001 + i),
    prefix: i % 2 ? 'เด็กหญิง' : 'เด็กชาย',
    firstName: ['กมล', 'ขวัญ', 'คณิน', 'จิรา'][i]!,
    lastName: 'ใจดี',
    sex: i % 2 ? 'F' : 'M',
    birthDate: `2018-04-0${i + 1}`,
    grade: '04',
    room: '1',
    status: 'active',
  }),
);

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

async function audit(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource); // evaluated through DevTools, which the app's CSP (no inline scripts) rightly does not allow a <script> to do
  return page.evaluate(async (tags) => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: Document,
          o: object,
        ) => Promise<{
          violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
        }>;
      };
    };
    const result = await w.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  }, TAGS);
}

describe.each<Viewport>(['tablet', 'phone'])('axe-core, WCAG 2.1 A/AA, on a %s', (viewport) => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const found: Record<string, Violation[]> = {};
  const url = (place = '') => `${inject('baseURL')}${place ? `#/${place}` : ''}`;
  /** Waits for the screen to settle (no loading placeholder), then audits it under `name`. */
  async function check(name: string): Promise<void> {
    await page.waitForFunction(
      () => !document.querySelector('[aria-busy="true"]') && !!document.querySelector('h1, h2'),
    );
    found[name] = await audit(page);
  }
  async function place(name: string, testid?: string): Promise<void> {
    await page.goto(url(name));
    if (testid) await page.getByTestId(testid).first().waitFor();
  }
  async function mainScreens(lang: string): Promise<void> {
    await place('home', 'device-title');
    await check(`${lang} home`);
    await place('students', 'student-row');
    await check(`${lang} students`);
    await page.getByTestId('student-row').first().click();
    await page.getByTestId('student-form').waitFor();
    await check(`${lang} student form`);
    await page.getByTestId('tab-family').click();
    await check(`${lang} student form, family`);
    await page.getByTestId('student-back').click();
    await page.getByTestId('student-row').first().waitFor();
    // The measure place keeps a class in progress: the second pass finds it there.
    await place('measure');
    await page.locator('[data-testid="start-measure"], [data-testid="current-name"]').first().waitFor();
    if (await page.getByTestId('start-measure').count()) {
      await check(`${lang} measure`);
      await page.getByTestId('start-measure').click();
      await page.getByTestId('current-name').waitFor();
    }
    await check(`${lang} measuring`);
    await place('confirm');
    await check(`${lang} confirm`);
    await place('exchange');
    await check(`${lang} exchange`);
    await place('settings', 'locale-en');
    await check(`${lang} settings`);
  }

  beforeAll(async () => {
    browser = await launch();
    page = await (await newTabletContext(browser, viewport)).newPage();
    errors = watchErrors(page);
    await page.goto(url());
    await page.getByTestId('kind-school').waitFor();
    await check('th set-up');
    await chooseSchool(page);
    await page.getByTestId('save-profile').click();
    await check('th set-up, errors shown');
    await page.reload();
    await setUpSchool(page);
    await seedStores(page, {
      students: kids.map((k) => ({ ...k, updatedAt: '2026-05-20T02:00:00.000Z', revision: 1 })),
    });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('finds nothing on the Thai screens', async () => {
    await page.reload();
    await page.getByTestId('sign-in').waitFor();
    await check('th sign-in');
    await page.getByRole('button', { name: new RegExp(officer.name) }).click();
    await page.getByTestId('pin-ok').waitFor();
    await check('th PIN pad');
    for (const digit of officer.pin) await page.getByRole('button', { name: digit, exact: true }).click();
    await page.getByTestId('pin-ok').click();
    await page.getByTestId('device-title').waitFor();
    await mainScreens('th');
    expect(found).not.toEqual({});
    expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0))).toEqual({});
  }, 120_000);

  it('finds nothing on the English screens', async () => {
    for (const k of Object.keys(found)) delete found[k];
    await place('settings', 'locale-en');
    await page.getByTestId('locale-en').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByTestId('lock').click();
    await page.getByTestId('sign-in').waitFor();
    await check('en sign-in');
    await signIn(page, officer.name, officer.pin);
    await page.getByTestId('device-title').waitFor();
    await mainScreens('en');
    expect(Object.keys(found).length).toBeGreaterThan(8);
    expect(Object.fromEntries(Object.entries(found).filter(([, v]) => v.length > 0))).toEqual({});
    expect(errors).toEqual([]);
  }, 120_000);
});
