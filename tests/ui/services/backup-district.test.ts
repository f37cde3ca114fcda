// @vitest-environment node
// A district office backs up and restores like a school (decision 0025): every district store travels
// (bundles with their files, trust, the district's schools, findings series, settings), the district's own
// key stays on its device, and a new device is told to restore the key from its own key backup.
import { openTestDataKey } from '../../fixtures/data-key';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { appDb, resetAppDb } from '../../../src/db/database';
import { dumpDatabase } from '../../../src/db/backup-repo';
import { saveProfile } from '../../../src/db/profile-repo';
import { asBytes, fromBase64 } from '../../../src/domain/bundle/bytes';
import { inspectBundle } from '../../../src/domain/bundle/verify';
import type { DistrictProfile } from '../../../src/domain/school';
import { session } from '../../../src/ui/state/session.svelte';
import { makeSchools, submissionOf, trustOf } from '../../factories/district';

vi.mock('../../../src/ui/services/export.service', () => ({ download: () => undefined }));

const { createDistrictKey, districtPublicKeyFile } = await import('../../../src/ui/services/keys.service');
const { enrolKeyFile } = await import('../../../src/ui/services/trust.service');
const { importBundleFiles } = await import('../../../src/ui/services/bundles-in.service');
const { backUp, restoreBackup } = await import('../../../src/ui/services/backup.service');
const { loadSafety } = await import('../../../src/ui/services/safety.service');

const profile: DistrictProfile = {
  kind: 'district',
  version: 1,
  code: '1050',
  name: 'สพป.ทดสอบ เขต 1',
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
};
const officer = {
  id: 'u1',
  name: 'นายสมปอง ข้อมูลดี',
  role: 'officer' as const,
  rooms: [],
  pin: { alg: 'PBKDF2-SHA256' as const, iterations: 100_000, salt: 'x'.repeat(16), hash: 'x'.repeat(32) },
  failedAttempts: 0,
  lockedUntil: null,
  active: true,
  createdAt: '2026-05-01T00:00:00.000Z',
};
const PASS = 'ต้นมะม่วง หน้าเขต';
const DISTRICT_STORES = ['profile', 'users', 'bundles', 'trust', 'districtSchools', 'findings'] as const;
const nav = {
  storage: { persisted: () => Promise.resolve(true), estimate: () => Promise.resolve({ usage: 1, quota: 100 }) },
} as unknown as Navigator;

async function fresh(): Promise<void> {
  resetAppDb();
  await appDb().delete();
  resetAppDb();
}
const districtData = async (): Promise<Record<string, unknown[]>> => {
  const { stores } = await dumpDatabase(appDb());
  const settings = stores['settings']!.filter((s) => (s as { key: string }).key !== 'backup.last');
  return { ...Object.fromEntries(DISTRICT_STORES.map((n) => [n, stores[n] ?? []])), settings };
};

beforeAll(async () => {
  await fresh();
  await saveProfile(appDb(), profile);
  await appDb().users.put(officer);
  session.signIn(officer);
  await openTestDataKey();
  await createDistrictKey('สำรอง-กุญแจ-2569', new Date('2026-06-01T00:00:00Z'));
  const schools = await makeSchools(2, 6);
  await enrolKeyFile(new Blob([JSON.stringify(trustOf(schools))]));
  const key = (await districtPublicKeyFile())!;
  const to = { keyid: key.keyid, spki: fromBase64(key.spki)! };
  const files = await Promise.all(
    schools.map(async (s) => new File([(await submissionOf(s, { encryptTo: to })).bytes], `${s.code}.tabian`)),
  );
  await importBundleFiles(files, () => {});
}, 60_000);

describe("a district office's backup", () => {
  it('reminds the district to back up what it received, and the reminder ends with a backup', async () => {
    // Bundles and keys were received at the machine's time: the backup is made after them.
    const later = new Date(Date.now() + 60_000);
    const before = await loadSafety('district', later, nav);
    expect(before.changesSinceBackup).toBeGreaterThanOrEqual(4);
    expect(before.reminders.map((r) => r.kind)).toEqual(['never-backed-up']);
    const made = await backUp(PASS, later, { save: false });
    expect(made).toMatchObject({
      ok: true,
      fileName: expect.stringMatching(/^district-1050-25\d\d-backup-1\.tabian$/),
    });
    const after = await loadSafety('district', new Date(later.getTime() + 60_000), nav);
    expect(after).toMatchObject({ changesSinceBackup: 0, reminders: [] });
  }, 60_000);

  it('is a signed backup bundle naming the district office and no school', async () => {
    const made = await backUp(PASS, new Date(Date.now() + 120_000), { save: false });
    if (!made.ok) throw new Error(made.problem);
    const looked = await inspectBundle(asBytes(made.bytes));
    expect(looked.statement).toMatchObject({
      kind: 'backup',
      sequence: 2,
      school: { code: '0000000000', smis: '00000000', name: profile.name },
      district: { code: '1050', name: profile.name },
    });
  }, 60_000);

  it('restores every district store on a new device, which is told to bring back the district key', async () => {
    const before = await districtData();
    expect(before['bundles']!.length).toBe(2);
    expect(before['trust']!.length).toBeGreaterThan(0);
    expect(before['districtSchools']!.length).toBe(2);
    const made = await backUp(PASS, new Date(Date.now() + 180_000), { save: false });
    if (!made.ok) throw new Error(made.problem);
    await fresh();
    const restored = await restoreBackup(new Blob([made.bytes as Uint8Array<ArrayBuffer>]), PASS);
    expect(restored).toMatchObject({ ok: true, kind: 'district', bundles: 2, districtKeyMissing: true });
    expect(await districtData()).toEqual(before);
  }, 60_000);
});
