// School A transfers a child out and hands the transfer file over; school B (another device) imports it
// in transfer-in, compares the fingerprint, and gets the record without retyping (issue 16, decision 24).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, newTabletContext, watchErrors } from './browser';
import { chooseSchool, createFirstUser, enrolThroughForm, fillSchoolProfile, saveProfile, setUpSchool } from './pages';
import { citizenId } from '../factories/students';

const kid = { prefix: 'เด็กชาย', first: 'ก้องภพ', last: 'ใจดี', grade: '04', birth: '14/02/2562' };
const shots = process.env.SHOTS_DIR;

describe('a transfer file from one school to another', () => {
  let browser: Browser;
  let a: Page;
  let b: Page;
  let errors: string[];
  const file = join(mkdtempSync(join(tmpdir(), 'transfer-')), 'transfer.tabian');
  const url = (place: string) => `${inject('baseURL')}#/${place}`;
  const shot = async (p: Page, name: string) => {
    if (shots) await p.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
  };

  beforeAll(async () => {
    browser = await launch();
    a = await (await newTabletContext(browser)).newPage();
    b = await (await newTabletContext(browser)).newPage();
    errors = [...watchErrors(a), ...watchErrors(b)];
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('school A records the transfer-out and makes the file', async () => {
    await a.goto(inject('baseURL'));
    await setUpSchool(a);
    await enrolThroughForm(a, inject('baseURL'), kid, citizenId(911), true);
    await a.goto(url('movements'));
    await a.getByTestId('kind-transfer-out').click();
    await a.fill('#mv-student', kid.first);
    await a.getByRole('button', { name: new RegExp(kid.first) }).click();
    await a.fill('#mv-date', '01/07/2569');
    await a.fill('#mv-school', 'โรงเรียนบ้านปลายทาง');
    await a.fill('#mv-reason', 'ย้ายตามผู้ปกครอง');
    await a.getByTestId('save-movement').click();
    await a.getByTestId('movement-notice').waitFor();
    await a.getByTestId(/^transfer-send-/).click();
    await a.getByTestId('transfer-make').click();
    await a.getByTestId('transfer-download').waitFor();
    await shot(a, 'transfer-out');
    const [download] = await Promise.all([a.waitForEvent('download'), a.getByTestId('transfer-download').click()]);
    expect(download.suggestedFilename()).toBe('1050130001-transfer-1.tabian');
    await download.saveAs(file);
    await expect.poll(() => a.getByTestId('transfer-message').textContent()).toContain('1050130001-transfer-1.tabian');
    await a.emulateMedia({ media: 'print' });
    await a.evaluate(() => document.body.classList.add('printing-letter'));
    await expect.poll(() => a.getByTestId('transfer-letter').isVisible()).toBe(true);
    await expect(a.getByTestId('transfer-letter').textContent()).resolves.toContain('ก้องภพ');
    await shot(a, 'transfer-letter');
    await a.evaluate(() => document.body.classList.remove('printing-letter'));
    await a.emulateMedia({ media: 'screen' });
  });

  it('school B imports it in transfer-in and gets the record', async () => {
    await b.goto(inject('baseURL'));
    await chooseSchool(b);
    await fillSchoolProfile(b);
    await b.fill('#moe', '1050130002');
    await b.fill('#smis', '50130002');
    await b.fill('#name-th', 'โรงเรียนบ้านปลายทาง');
    await b.fill('#name-en', 'Ban Plaithang School');
    await saveProfile(b);
    await createFirstUser(b);
    await b.goto(url('movements'));
    await b.getByTestId('kind-transfer-in').click();
    await b.getByTestId('transfer-in-file').setInputFiles(file);
    await b.getByTestId('transfer-in-preview').waitFor();
    await expect(b.getByTestId('transfer-in-fill').isDisabled()).resolves.toBe(true);
    await b.getByTestId('transfer-in-compared').check();
    await shot(b, 'transfer-in');
    await b.getByTestId('transfer-in-fill').click();
    await b.getByTestId('transfer-in-filled').waitFor();
    await expect.poll(() => b.inputValue('#nc-first')).toBe(kid.first);
    expect(await b.inputValue('#nc-id')).toBe(citizenId(911));
    expect(await b.inputValue('#mv-school')).toBe('โรงเรียนบ้านทดสอบ');
    await b.fill('#nc-room', '2');
    await b.fill('#mv-date', '02/07/2569');
    await b.getByTestId('save-movement').click();
    await b.getByTestId('movement-notice').waitFor();
    await expect.poll(() => b.getByTestId('movement-list').textContent()).toContain(kid.first);
    expect(errors).toEqual([]);
  });

  it('refuses the file when it is opened at the school that made it', async () => {
    await a.goto(url('movements'));
    await a.getByTestId('kind-transfer-in').click();
    await a.getByTestId('transfer-in-file').setInputFiles(file);
    await expect.poll(() => a.getByTestId('transfer-in-error').textContent()).toContain('สร้างจากโรงเรียนของเราเอง');
  });
});
