// @vitest-environment node
// A district trusts a school's key file only once its fingerprint was compared by phone, or when the
// officer deliberately enrols it without checking: that choice is recorded (who, when) and shown on the board.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { appDb, resetAppDb } from '../../../src/db/database';
import { saveSchools } from '../../../src/db/district-school-repo';
import { saveProfile } from '../../../src/db/profile-repo';
import { listTrust } from '../../../src/db/trust-repo';
import type { User } from '../../../src/domain/access/users';
import type { DistrictProfile } from '../../../src/domain/school';
import { loadBoard } from '../../../src/ui/services/district-board.service';
import { enrolKeyFile, readKeyOffer } from '../../../src/ui/services/trust.service';
import { session } from '../../../src/ui/state/session.svelte';
import { schoolProfile } from './certified-school';

const keyText = (role: string) =>
  readFileSync(new URL(`../../fixtures/bundles/keys/${role}.public.json`, import.meta.url), 'utf8');
const staff = JSON.parse(keyText('staff')) as { keyid: string; fingerprint: string; school: string };
const profile: DistrictProfile = {
  kind: 'district',
  version: 1,
  code: '1034',
  name: 'สพป.ทดสอบ',
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
};
const officer = { id: 'u1', name: 'นายสมปอง ข้อมูลดี', role: 'officer' } as User;
const now = new Date('2026-06-01T03:00:00.000Z');

beforeEach(async () => {
  resetAppDb();
  await appDb().delete();
  resetAppDb();
  await saveProfile(appDb(), profile);
  session.signIn(officer);
});

describe('a school key file at the district', () => {
  it('is not trusted until its fingerprint is compared, nor when what was heard differs', async () => {
    const offer = await readKeyOffer(keyText('staff'));
    expect(offer).toMatchObject({ needsCheck: true, keys: [{ keyid: staff.keyid }] });
    expect(await enrolKeyFile(new Blob([keyText('staff')]), staff.school, now)).toEqual({
      ok: false,
      problem: 'keyfile.unchecked',
    });
    expect(
      await enrolKeyFile(new Blob([keyText('staff')]), staff.school, now, {
        heard: { [staff.keyid]: '0000 0000 0000 0000' },
      }),
    ).toEqual({ ok: false, problem: 'keyfile.heard' });
    expect(await listTrust(appDb())).toEqual([]);
    expect(
      await enrolKeyFile(new Blob([keyText('staff')]), staff.school, now, {
        heard: { [staff.keyid]: staff.fingerprint },
      }),
    ).toMatchObject({ ok: true });
    expect(await listTrust(appDb())).toMatchObject([{ keyid: staff.keyid, source: 'file', enrolledBy: officer.name }]);
  });

  it('is trusted without checking only when chosen, recorded with who and when, marked on the board until checked', async () => {
    await saveSchools(appDb(), [{ code: staff.school, smis: '34560001', name: 'โรงเรียนทดสอบ' }], 'list', now);
    expect(await enrolKeyFile(new Blob([keyText('director')]), staff.school, now, 'unchecked')).toMatchObject({
      ok: true,
    });
    expect(await listTrust(appDb())).toMatchObject([
      { role: 'director', source: 'file-unchecked', enrolledBy: officer.name, enrolledAt: now.toISOString() },
    ]);
    const board = await loadBoard({ academicYear: 2569, round: 'term1' });
    expect(board.rows.find((r) => r.school.code === staff.school)?.unchecked).toMatchObject({
      source: 'file-unchecked',
      enrolledBy: officer.name,
    });
    const director = JSON.parse(keyText('director')) as { keyid: string; fingerprint: string };
    const later = new Date('2026-06-02T03:00:00.000Z');
    expect(
      await enrolKeyFile(new Blob([keyText('director')]), staff.school, later, {
        heard: { [director.keyid]: director.fingerprint },
      }),
    ).toMatchObject({ ok: true, enrolment: { added: [{ keyid: director.keyid }] } });
    expect(await listTrust(appDb())).toMatchObject([{ source: 'file', enrolledAt: later.toISOString() }]);
    expect((await loadBoard({ academicYear: 2569, round: 'term1' })).rows[0]!.unchecked).toBeUndefined();
  });

  it("is enrolled as before on a school device (its own devices' keys)", async () => {
    await saveProfile(appDb(), { ...schoolProfile, moeCode: staff.school });
    expect(await readKeyOffer(keyText('staff'))).toMatchObject({ needsCheck: false });
    expect(await enrolKeyFile(new Blob([keyText('staff')]), staff.school, now)).toMatchObject({ ok: true });
  });
});
