// Decision 26 through the services: the district's key and a tablet's device key sign only after an
// officer's PIN opened the data key, and an earlier release's bare device key is replaced at sign-in.
import { beforeEach, describe, expect, it } from 'vitest';
import { appDb, resetAppDb } from '../../../src/db/database';
import { activeKey, isBare, listKeys, signingKeyOf } from '../../../src/db/key-repo';
import { saveProfile } from '../../../src/db/profile-repo';
import { loadVaultSetting } from '../../../src/db/vault-repo';
import { toBase64 } from '../../../src/domain/bundle/bytes';
import { fingerprintOf, generateSigningKey } from '../../../src/domain/bundle/keys';
import type { DistrictProfile } from '../../../src/domain/school';
import { createDistrictKey, districtKeyInfo } from '../../../src/ui/services/keys.service';
import { deviceInfo, exportSync } from '../../../src/ui/services/sync.service';
import { attemptSignIn, createUser } from '../../../src/ui/services/users.service';
import { session } from '../../../src/ui/state/session.svelte';
import { schoolProfile } from './certified-school';
import { seed } from '../screens/confirm/school';

const PIN = '256901';
const district: DistrictProfile = {
  kind: 'district',
  version: 1,
  code: '1050',
  name: 'สพป.ทดสอบ เขต 1',
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
};

beforeEach(async () => {
  session.lock();
  resetAppDb();
  await appDb().delete();
  resetAppDb();
});

async function firstUser(role: 'officer' | 'director') {
  const made = await createUser({ name: 'นายสมปอง', role, pin: PIN, pinAgain: PIN, roomsText: '' });
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  session.lock();
  return made.user;
}

describe('device and district keys open with a sign-in', () => {
  it('gives a district a data key for its key, which signs after the officer’s PIN and not once locked', async () => {
    await saveProfile(appDb(), district);
    const officer = await firstUser('officer');
    expect(await loadVaultSetting(appDb())).toMatchObject({
      enabled: false,
      wraps: { [officer.id]: { kdf: 'pin-key/1' } },
    });
    await expect(createDistrictKey('สำรอง-กุญแจ-2569')).rejects.toThrow(/sign in/);

    expect(await attemptSignIn(officer, PIN)).toMatchObject({ ok: true });
    const key = await createDistrictKey('สำรอง-กุญแจ-2569');
    expect(key.bare).toBe(false);
    const row = (await activeKey(appDb(), 'district'))!;
    expect(await signingKeyOf(row)).not.toBeNull();

    session.lock();
    expect(await signingKeyOf(row)).toBeNull();
    expect(await attemptSignIn(officer, PIN)).toMatchObject({ ok: true });
    expect(await signingKeyOf(row)).not.toBeNull();
    expect(await districtKeyInfo()).toMatchObject({ keyid: key.keyid, bare: false });
  }, 60_000);

  it('replaces a tablet’s bare device key at sign-in and says which key it replaced', async () => {
    await saveProfile(appDb(), schoolProfile);
    await seed();
    const officer = await firstUser('officer');
    const old = await generateSigningKey(false);
    await appDb().keys.put({
      keyid: old.keyid,
      role: 'device',
      userId: null,
      name: 'device',
      spki: toBase64(old.spki),
      createdAt: '2026-01-01T00:00:00.000Z',
      signKey: old.privateKey,
      decryptKey: null,
      wrapped: null,
      retiredAt: null,
    });

    expect(await attemptSignIn(officer, PIN)).toMatchObject({ ok: true });
    const info = await deviceInfo();
    expect(info.keyid).not.toBe(old.keyid);
    expect(info.replaced).toBe(fingerprintOf(old.keyid));
    expect((await listKeys(appDb(), { role: 'device' })).filter(isBare)).toEqual([]);
    await appDb().settings.put({ key: 'sync.exported', value: null });
    const out = await exportSync(new Date(), { save: false });
    expect(out.ok).toBe(true);

    session.lock();
    expect(await exportSync(new Date(), { save: false })).toEqual({ ok: false, problem: 'sync.locked' });
  }, 60_000);
});
