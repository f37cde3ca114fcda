// A certified round leaves the school as a signed, encrypted submission that the command line verifies;
// the whole database goes into a passphrase backup that restores on another device, and a damaged file
// or a wrong passphrase is refused in Thai with nothing changed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, handOverByDownload, newTabletContext, watchErrors } from './browser';
import {
  chooseSchool,
  createFirstUser,
  enrolThroughForm,
  fillSchoolProfile,
  officer,
  saveProfile,
  signIn,
} from './pages';
import { citizenId } from '../factories/students';
import { toBase64 } from '../../src/domain/bundle/bytes';
import { exportPrivateJwk, fingerprintOf, generateSigningKey } from '../../src/domain/bundle/keys';
import { publicKeyFile } from '../../src/domain/bundle/trust';
import { qrMatrix, qrPayload } from '../../src/ui/components/qr';

const director = { name: 'นางสมศรี ใจดี', pin: '753102' };
const kids = [
  { prefix: 'เด็กชาย', first: 'ก้องภพ', last: 'ใจดี', birth: '14/02/2562' },
  { prefix: 'เด็กหญิง', first: 'บุษบา', last: 'ใจดี', birth: '03/09/2562' },
];
const PASS = 'ต้นมะม่วงหน้าโรงเรียน';
const dir = mkdtempSync(join(tmpdir(), 'tabian-e2e-submission-'));

describe('submission and backup', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let backupPath = '';
  const url = (place = '') => `${inject('baseURL')}${place ? `#/${place}` : ''}`;
  const open = (place: string) => page.goto(url(place));
  const shot = (p: Page, name: string) => p.screenshot({ path: `test-results/${name}.png`, fullPage: true });
  const tap = async (p: Page, pin: string) => {
    for (const d of pin) await p.getByRole('button', { name: d, exact: true }).click();
    await p.getByTestId('pin-ok').click();
  };

  async function setUp(p: Page) {
    await p.clock.setFixedTime(new Date('2026-06-08T09:00:00+07:00'));
    await p.goto(url());
    await chooseSchool(p);
    await fillSchoolProfile(p);
    await saveProfile(p);
    await createFirstUser(p);
  }

  beforeAll(async () => {
    browser = await launch();
    const context = await newTabletContext(browser);
    await handOverByDownload(context);
    page = await context.newPage();
    errors = watchErrors(page);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('certifies term 1 of a small school', async () => {
    await setUp(page);
    await open('settings');
    await page.getByTestId('add-user').click();
    await page.fill('#user-name', director.name);
    await page.getByLabel(/ผู้อำนวยการ/).check();
    await page.fill('#user-pin', director.pin);
    await page.fill('#user-pin2', director.pin);
    await page.getByTestId('create-user').click();
    await page.getByText(`บันทึกผู้ใช้งาน ${director.name} แล้ว`).waitFor();
    for (const [n, k] of kids.entries())
      await enrolThroughForm(page, inject('baseURL'), { ...k, grade: '04' }, citizenId(700 + n), n === 0);
    await open('confirm');
    await expect.poll(() => page.inputValue('#cf-round')).toBe('2569/term1');
    await page.getByTestId('attendance-04-1').click();
    await page.getByTestId('all-present').click();
    await page.getByTestId('attendance-done').click();
    await page.getByTestId('confirm-round').click();
    await expect.poll(() => page.getByTestId('confirm-state').textContent()).toContain(officer.name);
    await page.getByTestId('open-certify').click();
    await tap(page, director.pin);
    await expect.poll(() => page.getByTestId('certify-state').textContent()).toContain(director.name);
  });

  it('scans the district key QR code on the submit card, then sends an encrypted submission that `tabian bundle verify` accepts', async () => {
    const district = await generateSigningKey(true);
    const keyFile = publicKeyFile({
      keyid: district.keyid,
      alg: 'ES256',
      spki: toBase64(district.spki),
      role: 'district',
      name: 'สพป.เชียงใหม่ เขต 1',
      school: null,
    });
    writeFileSync(join(dir, 'district.jwk'), JSON.stringify(await exportPrivateJwk(district.privateKey)));
    await open('confirm');
    // No key yet: the card says the file would not be encrypted, before anyone signs.
    await expect.poll(() => page.getByTestId('submit-no-district').textContent()).toContain('จะไม่ถูกเข้ารหัส');
    // The fake camera "sees" the QR code the district shows (the same modules the app draws).
    await page.evaluate(
      (modules) => {
        globalThis.__tabianFakeCamera = { modules };
      },
      qrMatrix(qrPayload(keyFile)),
    );
    await page.getByTestId('dkey-scan').click();
    await expect
      .poll(() => page.getByTestId('dkey-compare').textContent(), { timeout: 20_000 })
      .toContain(fingerprintOf(district.keyid));
    await shot(page, 'submit-key-compare');
    await page.getByTestId('dkey-trust').click();
    await open('settings');
    await expect.poll(() => page.getByTestId('keys-district').textContent()).toContain(fingerprintOf(district.keyid));

    await open('confirm');
    const card = page.getByTestId('submit-card');
    await expect.poll(() => card.textContent()).toContain('1050130001-2569-term1-1.tabian');
    expect(await page.getByTestId('submit-encrypt').isChecked()).toBe(true);
    await shot(page, 'submit-card');
    await page.getByTestId('submit-make').click();
    await expect.poll(() => page.getByTestId('submit-pin-for').textContent()).toContain(officer.name);
    await tap(page, '1111');
    await expect.poll(() => page.getByTestId('submit-message').textContent()).toContain('ไม่ถูกต้อง');
    await tap(page, officer.pin);
    await expect
      .poll(() => page.getByTestId('submit-pin-for').textContent(), { timeout: 30_000 })
      .toContain(director.name);
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await tap(page, director.pin);
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('1050130001-2569-term1-1.tabian');
    const file = join(dir, download.suggestedFilename());
    await download.saveAs(file);
    await page.getByTestId('submit-done').waitFor();
    await expect
      .poll(() => page.getByTestId('submit-handover-note').textContent())
      .toContain('1050130001-2569-term1-1.tabian อยู่ในโฟลเดอร์ดาวน์โหลด');
    await expect.poll(() => page.getByTestId('submission-1-state').textContent()).toContain('สร้างแล้ว ยังไม่ได้ส่ง');
    expect(await page.getByTestId('submission-1').textContent()).toContain('เข้ารหัสแล้ว');
    await shot(page, 'submit-done');

    const run = (...extra: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'bundle', 'verify', file, ...extra], {
        cwd: process.cwd(),
        encoding: 'utf8',
      });
    const verified = run('--key', join(dir, 'district.jwk'));
    // Valid, and exit 3: no trust list was given, so who signed it is not known to the command.
    expect(verified.status).toBe(3);
    const report = JSON.parse(verified.stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      valid: true,
      trusted: null,
      reason: null,
      statement: { kind: 'submission', round: 'term1', sequence: 1, encryption: { recipient: district.keyid } },
    });
    expect((report.signers as { role: string; signature: string }[]).map((s) => [s.role, s.signature])).toEqual([
      ['staff', 'valid'],
      ['director', 'valid'],
    ]);

    await open('settings');
    await expect.poll(() => page.getByTestId('keys-card').textContent()).toContain(director.name);
    await shot(page, 'settings-keys');
  }, 120_000);

  it('after a reload shows the file made first; marked as sent, the home round card says so', async () => {
    await page.reload();
    await signIn(page, officer.name, officer.pin);
    await page.getByTestId('device-title').waitFor();
    await open('confirm');
    await expect.poll(() => page.getByTestId('submissions').textContent()).toContain('1050130001-2569-term1-1.tabian');
    expect(await page.getByTestId('submit-make').count()).toBe(0);
    await page.getByTestId('submission-1-sent').click();
    await expect.poll(() => page.getByTestId('submission-1-state').textContent()).toContain(`ส่งแล้ว`);
    await shot(page, 'submissions-sent');
    await open('home');
    await expect.poll(() => page.getByTestId('round-term1-journey').textContent()).toBe('ส่งแล้ว');
    await expect.poll(() => page.getByTestId('round-todo').textContent()).toContain('ภาคเรียนที่ 1');
    await shot(page, 'home-sent');
  }, 60_000);

  it('backs up the whole database with a passphrase and shows when', async () => {
    await open('settings');
    await page.fill('[data-testid="backup-pass"]', PASS);
    await page.fill('[data-testid="backup-pass-again"]', PASS);
    const downloading = page.waitForEvent('download', { timeout: 60_000 });
    await page.getByTestId('backup-make').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('1050130001-2569-backup-1.tabian');
    backupPath = join(dir, download.suggestedFilename());
    await download.saveAs(backupPath);
    await expect.poll(() => page.getByTestId('backup-last').textContent()).toContain('สำรองล่าสุดเมื่อ 8 มิ.ย. 2569');
    await shot(page, 'settings-backup');
    expect(errors).toEqual([]);
  }, 120_000);

  it('restores on another device; a damaged file and a wrong passphrase are refused with nothing changed', async () => {
    const other = await (await newTabletContext(browser)).newPage();
    const otherErrors = watchErrors(other);
    await setUp(other);
    await other.goto(url('settings'));
    const damaged = readFileSync(backupPath);
    damaged[Math.floor(damaged.length * 0.6)]! ^= 0xff;
    writeFileSync(join(dir, 'damaged.tabian'), damaged);

    await other.getByTestId('restore-file').setInputFiles(join(dir, 'damaged.tabian'));
    await other.fill('[data-testid="restore-pass"]', PASS);
    await other.getByTestId('restore-run').click();
    await expect
      .poll(() => other.getByTestId('restore-note').textContent(), { timeout: 30_000 })
      .toMatch(/เสียหาย.*ข้อมูลในเครื่องไม่ได้ถูกเปลี่ยนแปลง/);
    await shot(other, 'restore-damaged');

    await other.getByTestId('restore-file').setInputFiles(backupPath);
    await other.fill('[data-testid="restore-pass"]', 'รหัสผ่านผิดแน่นอน');
    await other.getByTestId('restore-run').click();
    await expect
      .poll(() => other.getByTestId('restore-note').textContent(), { timeout: 30_000 })
      .toContain('รหัสผ่านไม่ถูกต้อง');
    await other.goto(url('students'));
    await expect.poll(() => other.locator('body').textContent()).not.toContain(kids[0]!.first);

    await other.goto(url('settings'));
    await other.getByTestId('restore-file').setInputFiles(backupPath);
    await other.fill('[data-testid="restore-pass"]', PASS);
    await other.getByTestId('restore-run').click();
    await expect
      .poll(() => other.getByTestId('restore-note').textContent(), { timeout: 30_000 })
      .toContain('กู้คืนข้อมูลแล้ว: นักเรียน 2 คน');
    await shot(other, 'restore-done');
    // The app opens again on the restored data: the director is a user here now.
    await other.getByRole('button', { name: new RegExp(director.name) }).waitFor({ timeout: 15_000 });
    await signIn(other, officer.name, officer.pin);
    await other.getByTestId('device-title').waitFor();
    await other.goto(url('students'));
    await expect.poll(() => other.locator('body').textContent()).toContain(kids[1]!.first);
    await shot(other, 'restore-students');
    expect(otherErrors).toEqual([]);
  }, 180_000);

  it('shows the round states and the files made on a phone and in English', async () => {
    for (const locale of ['th', 'en'] as const) {
      if (locale === 'en') {
        await open('settings');
        await page.getByTestId('locale-en').click();
        await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
      }
      for (const [size, viewport] of [
        ['tablet', { width: 800, height: 1280 }],
        ['phone', { width: 390, height: 844 }],
      ] as const) {
        await page.setViewportSize(viewport);
        await open('home');
        await expect
          .poll(() => page.getByTestId('round-term1-journey').textContent())
          .toBe(locale === 'th' ? 'ส่งแล้ว' : 'Sent');
        await shot(page, `journey-home-${locale}-${size}`);
        await open('confirm');
        await expect
          .poll(() => page.getByTestId('submission-1-state').textContent())
          .toContain(locale === 'th' ? 'ส่งแล้ว' : 'Sent');
        await shot(page, `journey-confirm-${locale}-${size}`);
      }
    }
    expect(errors).toEqual([]);
  }, 120_000);
});
