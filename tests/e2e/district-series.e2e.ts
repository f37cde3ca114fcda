// Findings as a running series (decision 18): the district acknowledges school C; a late school E then counts a
// child of C; C gets findings file no. 2, sees the finding on the child's record, in its checklist and on Home
// with the same state and words, answers it; the answer travels in C's next submission and shows on the board.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { fingerprintOf } from '../../src/domain/bundle/keys';
import { verifyBundle } from '../../src/domain/bundle/verify';
import { makeSchool, generatedStudent, submissionOf, trustOf } from '../factories/district';
import { citizenId } from '../factories/students';
import { launch, handOverByDownload, newTabletContext, watchErrors } from './browser';
import { createDistrictKey, enrolThroughForm, officer, setUpDistrict, setUpSchool, signIn, signWithPin } from './pages';

const base = () => inject('baseURL');
const read = async (d: Download) => readFileSync((await d.path())!);
const file = (name: string, buffer: Buffer | Uint8Array) => ({
  name,
  mimeType: 'application/octet-stream',
  buffer: Buffer.from(buffer),
});
const director = { name: 'นางสมศรี ใจดี', pin: '753102' };
const kids = [
  { prefix: 'เด็กชาย', first: 'ก้องภพ', last: 'ใจดี', birth: '14/02/2562', grade: '04' },
  { prefix: 'เด็กหญิง', first: 'บุษบา', last: 'ใจดี', birth: '03/09/2562', grade: '04' },
];
const SHOTS = '/tmp/shots-h17a';

async function tap(p: Page, pin: string) {
  for (const d of pin) await p.getByRole('button', { name: d, exact: true }).click();
  await p.getByTestId('pin-ok').click();
}

/** Moves a page's clock (days later) and opens the app again, signed in. */
async function later(p: Page, at: string) {
  await p.clock.setFixedTime(new Date(at));
  await p.goto(base());
  await signIn(p, officer.name, officer.pin);
  await p.getByTestId('device-title').waitFor();
}

/** Screenshots of one screen in Thai and English at each size. */
async function shots(
  p: Page,
  route: string,
  name: string,
  sizes: [number, number][],
  ready: string,
  prepare?: () => Promise<void>,
) {
  const before = p.viewportSize();
  for (const locale of ['th', 'en'] as const) {
    await p.goto(`${base()}#/settings`);
    await p.getByTestId(`locale-${locale}`).click();
    await expect.poll(() => p.evaluate(() => document.documentElement.lang)).toBe(locale);
    for (const [width, height] of sizes) {
      await p.setViewportSize({ width, height });
      await p.goto(`${base()}#/${route}`);
      await prepare?.();
      await p.getByTestId(ready).first().waitFor();
      await p.screenshot({ path: `${SHOTS}/${name}-${locale}-${width}x${height}.png`, fullPage: true });
    }
  }
  await p.goto(`${base()}#/settings`);
  await p.getByTestId('locale-th').click();
  if (before) await p.setViewportSize(before);
}

describe('a school acknowledged before a late school arrives still hears of the duplicate, and answers', () => {
  let browser: Browser;
  let district: Page;
  let school: Page;
  const errors: string[][] = [];
  let publicKey: Buffer;
  const findings: Buffer[] = [];
  const late = { school: null as Awaited<ReturnType<typeof makeSchool>> | null };

  beforeAll(async () => {
    browser = await launch();
    const d = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'th-TH',
      timezoneId: 'Asia/Bangkok',
    });
    district = await d.newPage();
    const s = await newTabletContext(browser);
    await handOverByDownload(s);
    school = await s.newPage();
    errors.push(watchErrors(district), watchErrors(school));
    for (const p of [district, school]) p.on('dialog', (x) => void x.accept());
    await district.clock.setFixedTime(new Date('2026-06-08T10:00:00+07:00'));
    await school.clock.setFixedTime(new Date('2026-06-08T09:00:00+07:00'));
    await district.goto(base());
    await school.goto(base());
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('the district sets up its key; school C certifies and submits on time', async () => {
    await setUpDistrict(district);
    await createDistrictKey(district, base());
    const [pub] = await Promise.all([
      district.waitForEvent('download'),
      district.getByTestId('download-public-key').click(),
    ]);
    publicKey = await read(pub);

    await setUpSchool(school);
    await school.goto(`${base()}#/settings`);
    await school.getByTestId('add-user').click();
    await school.fill('#user-name', director.name);
    await school.getByLabel(/ผู้อำนวยการ/).check();
    await school.fill('#user-pin', director.pin);
    await school.fill('#user-pin2', director.pin);
    await school.getByTestId('create-user').click();
    await school.getByText(`บันทึกผู้ใช้งาน ${director.name} แล้ว`).waitFor();
    await school.getByTestId('keys-district-file').setInputFiles(file('เขต.json', publicKey));
    await school.getByTestId('keys-district').filter({ hasText: 'สพป.ทดสอบ เขต 1' }).waitFor();
    for (const [n, k] of kids.entries()) await enrolThroughForm(school, base(), k, citizenId(800 + n), n === 0);
    await school.goto(`${base()}#/confirm`);
    await school.getByTestId('attendance-04-1').click();
    await school.getByTestId('all-present').click();
    await school.getByTestId('attendance-done').click();
    await school.getByTestId('confirm-round').click();
    await expect.poll(() => school.getByTestId('confirm-state').textContent()).toContain(officer.name);
    await school.getByTestId('open-certify').click();
    await tap(school, director.pin);
    await expect.poll(() => school.getByTestId('certify-state').textContent()).toContain(director.name);
  }, 120_000);

  async function pickTerm1(): Promise<void> {
    await school.locator('#cf-round').waitFor();
    await school.selectOption('#cf-round', '2569/term1');
  }

  async function submit(): Promise<Buffer> {
    await school.goto(`${base()}#/confirm`);
    await pickTerm1();
    // After a file was made, the list of files comes first: "make a new file" opens the card again.
    await school.getByTestId('submit-make').or(school.getByTestId('submit-again')).first().waitFor();
    if (await school.getByTestId('submit-again').count()) await school.getByTestId('submit-again').click();
    await school.getByTestId('submit-make').click();
    await tap(school, officer.pin);
    await expect
      .poll(() => school.getByTestId('submit-pin-for').textContent(), { timeout: 30_000 })
      .toContain(director.name);
    const downloading = school.waitForEvent('download', { timeout: 60_000 });
    await tap(school, director.pin);
    const bytes = await read(await downloading);
    await school.getByTestId('submit-done').waitFor();
    return bytes;
  }

  it('the district enrols C from its held file after the phone call, and acknowledges: findings file no. 1', async () => {
    const first = await submit();
    const statement = (await verifyBundle(new Uint8Array(first), { trust: { format: 'tabian-trust/1', keys: [] } }))
      .statement!;
    await district.goto(`${base()}#/import`);
    await district.getByTestId('bundle-files').setInputFiles(file('C-1.tabian', first));
    await district.getByTestId('enrol-C-1.tabian').click({ timeout: 60_000 });
    for (const k of statement.keys) await district.getByTestId(`heard-${k.role}`).fill(fingerprintOf(k.keyid));
    await district.getByTestId('enrol-submit').click();
    await expect.poll(() => district.getByTestId('enrol-message').textContent()).toContain('รับเข้า 1 ไฟล์');
    await district.goto(`${base()}#/schools`);
    const c = statement.school!.code;
    const [ack] = await Promise.all([
      district.waitForEvent('download'),
      district
        .getByTestId(`ack-${c}`)
        .click()
        .then(() => signWithPin(district)),
    ]);
    expect(ack.suggestedFilename()).toBe(`ผลการตรวจจากเขต-${c}-2569-term1-1.tabian`);
    findings.push(await read(ack));
    await expect.poll(() => district.getByTestId(`status-${c}`).textContent()).toBe('เขตรับทราบแล้ว');
    await expect
      .poll(() => district.getByTestId(`series-${c}`).textContent())
      .toContain('ข้อสังเกต 0 รายการ · ส่งผลการตรวจแล้ว 1 ไฟล์');
    expect(await district.getByTestId(`late-${c}`).count()).toBe(0);
  }, 120_000);

  it('a late school E counts a child of C: the board offers C findings file no. 2, and any file downloads again', async () => {
    late.school = await makeSchool(5, [
      generatedStudent(70_000),
      { ...generatedStudent(70_001), idNo: citizenId(800) },
    ]);
    await later(district, '2026-06-20T10:00:00+07:00');
    await district.goto(`${base()}#/schools`);
    await district.getByTestId('tab-schools').click();
    await district
      .getByTestId('import-trust')
      .setInputFiles(file('E.json', Buffer.from(JSON.stringify(trustOf([late.school])))));
    await district.getByText(/ลงทะเบียนกุญแจใหม่ 2 ดอก/).waitFor();
    await district.goto(`${base()}#/import`);
    await district.getByTestId('bundle-files').setInputFiles(file('E.tabian', (await submissionOf(late.school)).bytes));
    await expect
      .poll(() => district.getByTestId('import-summary').textContent(), { timeout: 60_000 })
      .toContain('รับเข้า 1');

    const c = '1050130001';
    await district.goto(`${base()}#/schools`);
    await expect(district.getByTestId(`fresh-${c}`).textContent()).resolves.toBe('ข้อสังเกตใหม่หลังรับทราบ 1 รายการ');
    await expect(district.getByTestId(`late-${late.school.code}`).textContent()).resolves.toBe('ส่งช้า');
    await district.getByTestId(`details-${c}`).click();
    const [again] = await Promise.all([
      district.waitForEvent('download'),
      district.getByTestId('download-findings-1').click(),
    ]);
    expect((await read(again)).equals(findings[0]!)).toBe(true);
    const [next] = await Promise.all([
      district.waitForEvent('download'),
      district
        .getByTestId(`send-findings-${c}`)
        .click()
        .then(() => signWithPin(district)),
    ]);
    expect(next.suggestedFilename()).toBe(`ผลการตรวจจากเขต-${c}-2569-term1-2.tabian`);
    findings.push(await read(next));
    await expect
      .poll(() => district.getByTestId(`series-${c}`).textContent())
      .toContain('ข้อสังเกต 1 รายการ · ส่งผลการตรวจแล้ว 2 ไฟล์');
    expect(await district.getByTestId(`fresh-${c}`).count()).toBe(0);

    await district.goto(`${base()}#/duplicates`);
    await district.getByTestId('pair-open-1').click();
    await expect(district.getByTestId('pair-details').textContent()).resolves.toContain(late.school.name);
    await shots(
      district,
      'duplicates',
      'district-pair',
      [
        [1366, 768],
        [800, 1280],
      ],
      'pair-details',
      () => district.getByTestId('pair-open-1').click(),
    );
  }, 180_000);

  it('C imports both files and sees the finding with the same words on the record, the check, the checklist and Home', async () => {
    await later(school, '2026-06-21T09:00:00+07:00');
    await school.goto(`${base()}#/exchange`);
    await school.getByTestId('tab-findings').click();
    for (const [i, f] of findings.entries()) {
      await school.getByTestId('findings-file').setInputFiles(file(`ผลการตรวจ-${i + 1}.tabian`, f));
      await expect
        .poll(() => school.getByTestId('findings-result').textContent())
        .toMatch(i === 0 ? /นำเข้าแล้ว/ : /ต้องตรวจสอบ 1 รายการ/);
    }
    await expect.poll(() => school.getByTestId('findings-list').textContent()).toContain('โรงเรียนอื่นในเขตพื้นที่นี้');
    const card = school.getByTestId('district-finding');
    const reason = await card.first().getByTestId('finding-reason').textContent();
    expect(reason).not.toContain(late.school!.name);
    expect(await card.first().textContent()).toContain('สพป.');

    // Home, the checklist, the check page and the record: the same card, the same state.
    for (const route of ['home', 'confirm', 'students']) {
      await school.goto(`${base()}#/${route}`);
      if (route === 'students') await school.getByTestId('open-check').click();
      // Term 1 was sent, so the confirm page opens on the next round: the officer picks term 1 again.
      if (route === 'confirm') await pickTerm1();
      await expect.poll(() => school.getByTestId('district-finding').first().getAttribute('data-state')).toBe('open');
      await expect(school.getByTestId('finding-reason').first().textContent()).resolves.toBe(reason);
    }
    await school.goto(`${base()}#/confirm`);
    await pickTerm1();
    await expect.poll(() => school.getByTestId('check-district').textContent()).toContain('ยังไม่ได้ตอบ 1 จาก 1 รายการ');
    await expect(school.getByTestId('acknowledge-state').textContent()).resolves.toContain('รับทราบแล้ว');
    await school.getByTestId('finding-open').first().click();
    await school.getByTestId('student-form').waitFor();
    const onRecord = school.getByTestId('district-finding');
    await onRecord.getByTestId('answer-open').click();
    await onRecord.getByTestId('answer-studies-here').check();
    await onRecord.getByTestId('answer-note').fill('นักเรียนมาเรียนทุกวันตั้งแต่ 16 พ.ค.');
    await onRecord.getByTestId('answer-save').click();
    await expect.poll(() => onRecord.getAttribute('data-state')).toBe('answered');
    await school.goto(`${base()}#/home`);
    await expect.poll(() => school.getByTestId('district-finding').first().getAttribute('data-state')).toBe('answered');
    await shots(
      school,
      'home',
      'school-home-finding',
      [
        [800, 1280],
        [390, 844],
      ],
      'district-finding',
    );
    await shots(
      school,
      'confirm',
      'school-checklist-finding',
      [
        [800, 1280],
        [390, 844],
      ],
      'check-district',
      pickTerm1,
    );
  }, 180_000);

  it("C's answer travels in its next submission, and the district board shows it", async () => {
    const second = await submit();
    await school.goto(`${base()}#/home`);
    await expect.poll(() => school.getByTestId('district-finding').first().getAttribute('data-state')).toBe('sent');
    await district.goto(`${base()}#/import`);
    await district.getByTestId('bundle-files').setInputFiles(file('C-2.tabian', second));
    await expect
      .poll(() => district.getByTestId('import-summary').textContent(), { timeout: 60_000 })
      .toContain('รับเข้า 1');
    await district.goto(`${base()}#/schools`);
    const c = '1050130001';
    await expect(district.getByTestId(`replies-${c}`).textContent()).resolves.toBe('โรงเรียนตอบแล้ว 1 รายการ');
    await district.getByTestId(`details-${c}`).click();
    await expect(district.getByTestId('replies-list').textContent()).resolves.toContain(
      'นักเรียนเรียนที่นี่จริง: “นักเรียนมาเรียนทุกวันตั้งแต่ 16 พ.ค.”',
    );
    await district.screenshot({ path: `${SHOTS}/district-board-replies-th-1366x768.png`, fullPage: true });
    const [xlsx] = await Promise.all([district.waitForEvent('download'), district.getByTestId('board-export').click()]);
    expect(xlsx.suggestedFilename()).toBe('สถานะการส่งข้อมูล-2569-term1.xlsx');
    await shots(
      district,
      'schools',
      'district-board',
      [
        [1366, 768],
        [800, 1280],
      ],
      'board-summary',
    );
    await district.goto(`${base()}#/home`);
    await expect
      .poll(() => district.getByTestId('district-round-schools').textContent())
      .toBe('ส่งแล้ว 2 จาก 2 โรงเรียน · เขตรับทราบแล้ว 0 · ส่งช้า 1');
    await expect(district.getByTestId('district-round-findings').textContent()).resolves.toContain('โรงเรียนตอบแล้ว 1');
    await shots(
      district,
      'home',
      'district-home',
      [
        [1366, 768],
        [800, 1280],
      ],
      'district-round',
    );
    expect(errors.flat()).toEqual([]);
  }, 180_000);
});
