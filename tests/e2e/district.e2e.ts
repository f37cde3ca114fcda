// A district of generated schools: the schools' submissions (made with the same createBundle, as `tabian bundle
// create` does) are imported into the district app all at once; it finds every planted cross-school duplicate and
// no twins, rejects a tampered bundle and holds an unknown key's for the right reasons, acknowledges, and a school
// device reads its findings.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { fromBase64 } from '../../src/domain/bundle/bytes';
import { fingerprintOf } from '../../src/domain/bundle/keys';
import { publicKeyFileSchema } from '../../src/domain/bundle/trust';
import { xlsxBytes } from '../../src/io/export/book';
import { makeSchools, plantCases, submissionOf, trustOf, type TestSchool } from '../factories/district';
import { editEntries } from '../domain/bundle/tamper-kit';
import { launch, newTabletContext, watchErrors } from './browser';
import {
  chooseSchool,
  createDistrictKey,
  createFirstUser,
  fillSchoolProfile,
  saveProfile,
  setUpDistrict,
  signWithPin,
} from './pages';

const BUNDLE_TYPE = 'application/octet-stream';
const base = () => inject('baseURL');
const file = (name: string, buffer: Uint8Array) => ({ name, mimeType: BUNDLE_TYPE, buffer: Buffer.from(buffer) });
const read = async (d: Download) => readFileSync((await d.path())!);

describe("a district office imports its schools' bundles, cross-checks them and answers", () => {
  let browser: Browser;
  let district: BrowserContext;
  let page: Page;
  let errors: string[];
  let schools: TestSchool[];
  let stranger: TestSchool;
  let planted: ReturnType<typeof plantCases>;
  let publicKeyFile: Buffer;
  let findingsFile: Buffer;

  beforeAll(async () => {
    schools = await makeSchools(8, 40);
    planted = plantCases(schools[0]!, schools[1]!, schools[2]!);
    const [fresh] = await makeSchools(1, 20, 10_000);
    stranger = { ...fresh!, code: '1050139999', smis: '50139999', name: 'โรงเรียนใหม่ไม่เคยส่ง' };
    browser = await launch();
    // District officers work on office PCs: a desktop window.
    district = await browser.newContext({
      viewport: { width: 1366, height: 900 },
      locale: 'th-TH',
      timezoneId: 'Asia/Bangkok',
    });
    page = await district.newPage();
    errors = watchErrors(page);
    page.on('dialog', (d) => void d.accept());
    await page.clock.setFixedTime(new Date('2026-06-20T10:00:00+07:00'));
    await page.goto(base());
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('sets up the district office, its officer and its key, and hands the public key out as a file', async () => {
    await setUpDistrict(page);
    const backup = await createDistrictKey(page, base());
    expect(JSON.parse((await read(backup)).toString('utf8'))).toMatchObject({
      format: 'tabian-wrapped-key/1',
      iterations: 600_000,
    });
    const [pub] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-public-key').click()]);
    publicKeyFile = await read(pub);
    const key = publicKeyFileSchema.parse(JSON.parse(publicKeyFile.toString('utf8')));
    await expect(page.getByTestId('district-fingerprint').textContent()).resolves.toBe(fingerprintOf(key.keyid));
    await page.screenshot({ path: 'test-results/district-key.png', fullPage: true });
  }, 60_000);

  it("imports the list of schools from Excel and the schools' keys from a trust list", async () => {
    await page.getByTestId('tab-schools').click();
    const list = xlsxBytes([
      {
        name: 'โรงเรียน',
        rows: [
          ['รายชื่อโรงเรียนในสังกัด'],
          ['รหัสโรงเรียน', 'รหัส SMIS', 'ชื่อโรงเรียน'],
          ...[...schools, stranger].map((s) => [s.code, s.smis, s.name]),
        ],
      },
    ]);
    await page.getByTestId('school-list-file').setInputFiles({
      name: 'โรงเรียน.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: Buffer.from(list),
    });
    await expect(page.getByTestId('school-list-result').textContent()).resolves.toContain('เพิ่ม 9');
    await page.getByTestId('import-trust').setInputFiles({
      name: 'keys.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(trustOf(schools))),
    });
    await expect.poll(() => page.getByText('ลงทะเบียนกุญแจใหม่ 16 ดอก').count()).toBe(1);
    await page.screenshot({ path: 'test-results/district-schools.png', fullPage: true });
  });

  it('imports every bundle at once: accepted, a tampered one rejected, an unknown key held; again changes nothing', async () => {
    const key = publicKeyFileSchema.parse(JSON.parse(publicKeyFile.toString('utf8')));
    const to = { keyid: key.keyid, spki: fromBase64(key.spki)! };
    const files = [];
    for (const [i, s] of schools.entries())
      files.push(file(`${s.code}.tabian`, (await submissionOf(s, { encryptTo: i % 3 === 2 ? null : to })).bytes));
    const tampered = editEntries((await submissionOf(schools[6]!, { encryptTo: to })).bytes, (e) => {
      const data = new Uint8Array(e.get('payload.enc')!);
      data[10]! ^= 1;
      e.set('payload.enc', data);
    });
    files.push(
      file('แก้ไข.tabian', tampered),
      file('ใหม่.tabian', (await submissionOf(stranger, { encryptTo: to })).bytes),
    );
    await page.goto(`${base()}#/import`);
    await page.getByTestId('bundle-files').setInputFiles(files);
    await expect(page.getByTestId('import-summary').textContent({ timeout: 60_000 })).resolves.toBe(
      'รับเข้า 8 · นำเข้าแล้วก่อนหน้านี้ 0 · พักไว้ 1 · ปฏิเสธ 1',
    );
    await expect(page.getByTestId('result-แก้ไข.tabian').getByTestId('reason').textContent()).resolves.toMatch(
      /^ข้อมูลในไฟล์ถูกแก้ไขหลังลงนามหรือเสียหาย/,
    );
    await expect(page.getByTestId('result-แก้ไข.tabian').getByTestId('reason-code').textContent()).resolves.toMatch(
      /: file\.hash/,
    );
    await expect(page.getByTestId('result-ใหม่.tabian').getByTestId('reason-code').textContent()).resolves.toMatch(
      /: key\.untrusted/,
    );
    await page.screenshot({ path: 'test-results/district-import.png', fullPage: true });

    await page.getByTestId('bundle-files').setInputFiles(files.slice(0, 8));
    await expect(page.getByTestId('import-summary').textContent({ timeout: 60_000 })).resolves.toBe(
      'รับเข้า 0 · นำเข้าแล้วก่อนหน้านี้ 8 · พักไว้ 0 · ปฏิเสธ 0',
    );
  }, 90_000);

  it("enrols the unknown school's keys after comparing fingerprints by phone, and accepts its held bundle", async () => {
    await page.getByTestId('enrol-ใหม่.tabian').click();
    await page.getByTestId('heard-staff').fill(fingerprintOf(stranger.staff.keyid).toUpperCase());
    await expect(page.getByTestId('enrol-submit').isDisabled()).resolves.toBe(true);
    await page.getByTestId('heard-director').fill(fingerprintOf(stranger.director.keyid).replaceAll(' ', '-'));
    await page.screenshot({ path: 'test-results/district-enrol.png', fullPage: true });
    await page.getByTestId('enrol-submit').click();
    await expect(page.getByTestId('enrol-message').textContent()).resolves.toBe('ลงทะเบียนกุญแจแล้ว รับเข้า 1 ไฟล์');
    await expect.poll(() => page.getByTestId('quarantine').locator('li').count()).toBe(1);
  });

  it('finds every planted cross-school duplicate, and neither the twin nor the consistent transfer', async () => {
    await page.goto(`${base()}#/duplicates`);
    await expect(page.getByTestId('dup-summary').textContent({ timeout: 30_000 })).resolves.toMatch(
      /จาก 9 โรงเรียน .*: พบ 4 คู่$/,
    );
    const text = await page.getByTestId('dup-list').textContent();
    for (const p of planted.pairs) expect(text).toContain(`${p.schools[0]})`);
    expect(text).not.toContain('แฝดน้อง');
    await page.screenshot({ path: 'test-results/district-duplicates.png', fullPage: true });
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dup-export').click()]);
    expect(xlsx.suggestedFilename()).toBe('นักเรียนซ้ำซ้อน-2569-term1.xlsx');
  }, 60_000);

  it('follows the round on the status board and acknowledges a school, which downloads its findings', async () => {
    await page.goto(`${base()}#/schools`);
    const a = schools[0]!;
    await expect.poll(() => page.getByTestId(`status-${a.code}`).textContent()).toBe('รับรองแล้ว');
    await expect.poll(() => page.getByTestId('board-summary').textContent()).toContain('ส่งแล้ว 9 จาก 9 โรงเรียน');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByTestId(`ack-${a.code}`)
        .click()
        .then(() => signWithPin(page, undefined, 'test-results/district-sign-dialog.png')),
    ]);
    expect(download.suggestedFilename()).toBe(`ผลการตรวจจากเขต-${a.code}-2569-term1-1.tabian`);
    findingsFile = await read(download);
    // The board reloads after the findings file is made: under load that takes longer than a poll's default.
    await expect
      .poll(() => page.getByTestId('board-message').textContent(), { timeout: 30_000 })
      .toContain('นักเรียนที่โรงเรียนต้องตรวจสอบ 4 รายการ');
    await expect
      .poll(() => page.getByTestId(`status-${a.code}`).textContent(), { timeout: 30_000 })
      .toBe('เขตรับทราบแล้ว');
    await page.getByTestId(`details-${a.code}`).click();
    await page.screenshot({ path: 'test-results/district-board.png', fullPage: true });
  }, 60_000);

  it("reports the district's totals by school, grade and sex", async () => {
    await page.goto(`${base()}#/reports`);
    const total = [...schools, stranger].reduce((n, s) => n + s.students.length, 0) - 1;
    await expect(page.getByTestId('count-total').textContent()).resolves.toBe(String(total));
    await page.screenshot({ path: 'test-results/district-reports.png', fullPage: true });
    expect(errors).toEqual([]);
  });

  it('lets the school import its findings: the flagged students and the acknowledgement of its round', async () => {
    const context = await newTabletContext(browser);
    const school = await context.newPage();
    const schoolErrors = watchErrors(school);
    await school.clock.setFixedTime(new Date('2026-06-21T09:00:00+07:00'));
    await school.goto(base());
    await chooseSchool(school);
    await fillSchoolProfile(school);
    await saveProfile(school);
    await createFirstUser(school);
    // The district's key has one place on a school's device (Settings → signing keys); findings come in on the exchange place.
    await school.goto(`${base()}#/settings`);
    await school
      .getByTestId('keys-district-file')
      .setInputFiles({ name: 'เขต.json', mimeType: 'application/json', buffer: publicKeyFile });
    await school.getByTestId('keys-district').filter({ hasText: 'สพป.ทดสอบ เขต 1' }).waitFor();
    await school.goto(`${base()}#/exchange`);
    await school.getByTestId('tab-findings').click();
    await school.getByTestId('findings-file').setInputFiles(file('ผลการตรวจ.tabian', findingsFile));
    await expect(school.getByTestId('findings-result').textContent()).resolves.toBe(
      'นำเข้าแล้ว: ภาคเรียนที่ 1 ปีการศึกษา 2569 มีนักเรียนที่ต้องตรวจสอบ 4 รายการ',
    );
    await expect(school.getByTestId('findings-ack').textContent()).resolves.toContain(
      'โดย นายสมปอง ข้อมูลดี (นักเรียน 39 คน)',
    );
    await expect.poll(() => school.getByTestId('district-finding').count()).toBe(4);
    const list = await school.getByTestId('findings-list').textContent();
    for (const p of planted.pairs)
      expect(list).toContain(schools[0]!.students.find((s) => s.idNo === p.idNo)!.firstName);
    // Nobody chose to name the other schools (decision 18): "another school in this district".
    expect(list).toContain('โรงเรียนอื่นในเขตพื้นที่นี้');
    expect(list).not.toContain(schools[1]!.name);
    expect(list).not.toContain('แฝดน้อง');
    await school.screenshot({ path: 'test-results/district-school-findings.png', fullPage: true });
    await school.getByTestId('findings-file').setInputFiles(file('ผลการตรวจ.tabian', findingsFile));
    await expect(school.getByTestId('findings-problem').textContent()).resolves.toBe(
      'นำเข้าไฟล์นี้แล้วก่อนหน้านี้ ไม่มีอะไรเปลี่ยน',
    );
    expect(schoolErrors).toEqual([]);
    await context.close();
  }, 60_000);
});
