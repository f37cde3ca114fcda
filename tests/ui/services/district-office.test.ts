// @vitest-environment node
// Decision 0025: a district key's file names its office (code and name); a school that enrols it stores
// the code in its profile, so its submissions carry their district's code. Older key files still read.
import { beforeEach, describe, expect, it } from 'vitest';
import { appDb, resetAppDb } from '../../../src/db/database';
import { loadProfile, saveProfile } from '../../../src/db/profile-repo';
import { toBase64 } from '../../../src/domain/bundle/bytes';
import { generateSigningKey } from '../../../src/domain/bundle/keys';
import { publicKeyFile } from '../../../src/domain/bundle/trust';
import { readKeyFile } from '../../../src/domain/district/key-file';
import { enrolKeyText } from '../../../src/ui/services/trust.service';
import { schoolProfile } from './certified-school';

const office = { code: '1050', name: 'สพป.ทดสอบ เขต 1' };
async function districtKeyFile(withOffice: boolean): Promise<string> {
  const key = await generateSigningKey(false);
  const entry = {
    keyid: key.keyid,
    alg: 'ES256' as const,
    spki: toBase64(key.spki),
    role: 'district' as const,
    name: 'เขตทดสอบ',
    school: null,
  };
  return JSON.stringify(publicKeyFile(entry, withOffice ? office : undefined));
}

beforeEach(async () => {
  resetAppDb();
  await appDb().delete();
  resetAppDb();
  await saveProfile(appDb(), { ...schoolProfile, districtOffice: { code: '', name: 'สพป.เชียงใหม่ เขต 1' } });
});

describe('the district office in the district key file', () => {
  it('is read from a new file and absent from an older one, which still reads', async () => {
    expect(await readKeyFile(await districtKeyFile(true))).toMatchObject({ ok: true, kind: 'public-key', office });
    const old = JSON.parse(await districtKeyFile(false)) as Record<string, unknown>;
    expect(old['office']).toBeUndefined();
    expect(await readKeyFile(JSON.stringify(old))).toMatchObject({ ok: true, kind: 'public-key', office: null });
  });

  it("fills the school profile's district code when the school enrols the key; the typed name stays", async () => {
    expect(await enrolKeyText(await districtKeyFile(true), null, new Date('2026-06-01T03:00:00Z'))).toMatchObject({
      ok: true,
    });
    const profile = await loadProfile(appDb());
    expect(profile?.kind === 'school' && profile.districtOffice).toEqual({ code: '1050', name: 'สพป.เชียงใหม่ เขต 1' });
  });

  it('leaves the profile as it was with an older key file', async () => {
    await enrolKeyText(await districtKeyFile(false), null);
    const profile = await loadProfile(appDb());
    expect(profile?.kind === 'school' && profile.districtOffice.code).toBe('');
  });
});
