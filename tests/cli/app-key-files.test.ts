// @vitest-environment node
// The command line reads the key files the app itself writes: the district key's passphrase-wrapped backup
// (district merge --key, bundle verify --key), the district's public key file (bundle create --encrypt-to)
// and the exported key list (--trust). The files come from the app's own services, not from test helpers.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Io } from '../../src/cli/command';
import { bundleCommand } from '../../src/cli/commands/bundle';
import { districtCommand } from '../../src/cli/commands/district';
import { appDb, resetAppDb } from '../../src/db/database';
import { saveProfile } from '../../src/db/profile-repo';
import { fromBase64 } from '../../src/domain/bundle/bytes';
import { exportPrivateJwk, generateSigningKey } from '../../src/domain/bundle/keys';
import type { DistrictProfile } from '../../src/domain/school';
import { makeSchools, plantCases, submissionOf, trustOf } from '../factories/district';
import { openTestDataKey } from '../fixtures/data-key';
import { fakeIo } from '../factories/io';

const downloads = new Map<string, Uint8Array>();
vi.mock('../../src/ui/services/export.service', () => ({
  download: (bytes: Uint8Array, name: string) => downloads.set(name, bytes),
}));
const { createDistrictKey, downloadPublicKeyFile } = await import('../../src/ui/services/keys.service');
const { enrolKeyFile, exportTrustList } = await import('../../src/ui/services/trust.service');

const PASSPHRASE = 'สำรอง กุญแจ 2569 ';
const profile: DistrictProfile = {
  kind: 'district',
  version: 1,
  code: '1050',
  name: 'สพป.ทดสอบ เขต 1',
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
};
const dir = mkdtempSync(join(tmpdir(), 'tabian-app-keys-'));
const file = (name: string) => join(dir, name);
const saved = (prefix: string): string => {
  const [name, bytes] = [...downloads].find(([n]) => n.startsWith(prefix))!;
  writeFileSync(file(name), bytes);
  return file(name);
};

let backup: string, publicKey: string, trust: string;
beforeAll(async () => {
  resetAppDb();
  await appDb().delete();
  resetAppDb();
  await saveProfile(appDb(), profile);
  await openTestDataKey();
  await createDistrictKey(PASSPHRASE, new Date('2026-06-01T00:00:00Z'));
  await downloadPublicKeyFile();
  const schools = await makeSchools(3, 8);
  plantCases(schools[0]!, schools[1]!, schools[2]!);
  expect(await enrolKeyFile(new Blob([JSON.stringify(trustOf(schools))]))).toMatchObject({ ok: true });
  await exportTrustList();
  [backup, publicKey, trust] = [saved('กุญแจเขต-'), saved('กุญแจสาธารณะเขต-'), saved('trust-keys')];
  // The schools' submissions, encrypted to the district key the CLI is about to open.
  const written = JSON.parse(readFileSync(publicKey, 'utf8')) as { keyid: string; spki: string };
  const to = { keyid: written.keyid, spki: fromBase64(written.spki)! };
  for (const s of schools) writeFileSync(file(`${s.code}.tabian`), (await submissionOf(s, { encryptTo: to })).bytes);
  writeFileSync(file('passphrase.txt'), `${PASSPHRASE}\n`);
}, 60_000);

const merge = (io: Io, ...extra: string[]) =>
  districtCommand.run(['merge', dir, '--trust', trust, '--key', backup, ...extra], io);

describe("the command line reads the app's key files", () => {
  it("district merge opens the app's key backup with --passphrase-file, the environment or a prompt", async () => {
    const viaFile = fakeIo();
    expect(await merge(viaFile, '--passphrase-file', file('passphrase.txt'))).toBe(0);
    const report = JSON.parse(viaFile.outLines[0]!);
    expect(report.schools).toHaveLength(3);
    expect(report.rejected).toEqual([]);

    const viaEnv = fakeIo({ env: { TABIAN_PASSPHRASE: PASSPHRASE } });
    expect(await merge(viaEnv)).toBe(0);
    const asked: string[] = [];
    const viaPrompt = fakeIo({ prompt: (q) => (asked.push(q), Promise.resolve(PASSPHRASE)) });
    expect(await merge(viaPrompt)).toBe(0);
    expect(asked[0]).toMatch(/^Passphrase for the key backup/);
    expect(viaEnv.outLines).toEqual(viaFile.outLines);
  }, 60_000);

  it('says why when the passphrase is wrong or cannot be asked', async () => {
    const wrong = fakeIo({ env: { TABIAN_PASSPHRASE: 'not the passphrase' } });
    expect(await merge(wrong)).toBe(2);
    expect(wrong.errLines[0]).toMatch(/passphrase does not open this key backup/);
    const noTerminal = fakeIo();
    expect(await merge(noTerminal)).toBe(2);
    expect(noTerminal.errLines[0]).toMatch(/--passphrase-file or set TABIAN_PASSPHRASE/);
  }, 30_000);

  it("bundle create encrypts to the app's public key file, and bundle verify opens it with the backup", async () => {
    const keys: Record<string, string> = {};
    for (const role of ['staff', 'director']) {
      keys[role] = file(`${role}.jwk`);
      writeFileSync(keys[role], JSON.stringify(await exportPrivateJwk((await generateSigningKey(true)).privateKey)));
    }
    const created = fakeIo();
    const code = await bundleCommand.run(
      [
        'create',
        '--kind',
        'submission',
        '--students',
        'tests/fixtures/bundles/students.jsonl',
        '--school-code',
        '1034560001',
        '--school-smis',
        '34010001',
        '--school-name',
        'โรงเรียนบ้านตัวอย่าง',
        '--year',
        '2569',
        '--round',
        'term1',
        '--as-of',
        '2026-06-10',
        '--staff',
        keys.staff!,
        '--staff-name',
        'ครู',
        '--director',
        keys.director!,
        '--director-name',
        'ผอ.',
        '--encrypt-to',
        publicKey,
        '--out',
        file('cli-made.bin'),
      ],
      created,
    );
    expect(created.errLines).toEqual([]);
    expect(code).toBe(0);
    const verified = fakeIo({ env: { TABIAN_PASSPHRASE: PASSPHRASE } });
    // Opened and valid; without --trust, who signed is not checked, so the exit is 3, not 0 (decision 21).
    expect(await bundleCommand.run(['verify', file('cli-made.bin'), '--key', backup], verified)).toBe(3);
    expect(JSON.parse(verified.outLines[0]!)).toMatchObject({
      valid: true,
      trusted: null,
      statement: { encryption: { recipient: expect.any(String) } },
    });
  }, 60_000);
});
