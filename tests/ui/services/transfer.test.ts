// School A transfers a child out and makes the transfer bundle; school B verifies it and records the
// transfer-in with the record filled in (decision 24).
import { beforeEach, describe, expect, it } from 'vitest';
import { appDb } from '../../../src/db/database';
import { listBundles } from '../../../src/db/bundle-repo';
import { saveProfile } from '../../../src/db/profile-repo';
import { listMovements } from '../../../src/db/movement-repo';
import { listStudents } from '../../../src/db/student-repo';
import { enrolKeys } from '../../../src/db/trust-repo';
import { asBytes, type Bytes } from '../../../src/domain/bundle/bytes';
import { verifyBundle } from '../../../src/domain/bundle/verify';
import { importTransfer, makeTransfer, readTransferFile } from '../../../src/ui/services/transfer.service';
import { loadMovementData, recordMovement } from '../../../src/ui/services/movements.service';
import { exportSync } from '../../../src/ui/services/sync.service';
import { session } from '../../../src/ui/state/session.svelte';
import { certifiedSchool, schoolProfile } from './certified-school';
import { aUser, freshDb } from '../screens/confirm/school';
import { openTestDataKey } from '../../fixtures/data-key';

const schoolB = {
  ...schoolProfile,
  moeCode: '1050130002',
  smisCode: '50130002',
  nameTh: 'โรงเรียนบ้านปลายทาง',
  nameEn: 'Ban Plaithang School',
};
const fileOf = (bytes: Bytes, name = 'a.tabian') => new File([bytes], name);

async function transferredOut(to = 'โรงเรียนบ้านปลายทาง'): Promise<Bytes> {
  const { officer } = await certifiedSchool();
  session.signIn(officer);
  const data = await loadMovementData();
  const s2 = data.students.find((s) => s.id === 's2')!;
  const out = await recordMovement(
    {
      kind: 'transfer-out',
      effectiveOn: '2026-07-01',
      cause: null,
      reason: 'ย้ายตามผู้ปกครอง',
      school: to,
      districtConsultedOn: null,
    },
    s2,
    s2,
    data,
  );
  expect(out.ok).toBe(true);
  const made = await makeTransfer('s2', new Date('2026-07-01T03:00:00.000Z'));
  if (!made.ok) throw new Error(made.problem);
  expect(made.fileName).toBe('1050130001-transfer-1.tabian');
  expect(await listBundles(appDb(), { kind: 'transfer' })).toHaveLength(1);
  return made.bytes;
}

async function atSchoolB(): Promise<void> {
  await freshDb();
  await saveProfile(appDb(), schoolB);
  session.signIn(await aUser('u9', 'officer'));
  await openTestDataKey();
}

beforeEach(() => session.lock());

describe('transfer bundle', () => {
  it('is signed by the device, unencrypted, and carries the one student with their history', async () => {
    const bytes = await transferredOut();
    const r = await verifyBundle(bytes);
    expect(r).toMatchObject({
      valid: true,
      statement: { kind: 'transfer', round: null, encryption: null, counts: { students: 1, movements: 1 } },
    });
    expect(r.statement!.attestations).toEqual([expect.objectContaining({ role: 'device', act: 'export' })]);
  }, 30_000);

  it('refuses a student who has not left by transfer', async () => {
    const { officer } = await certifiedSchool();
    session.signIn(officer);
    expect(await makeTransfer('s1')).toEqual({ ok: false, problem: 'transfer.not_out' });
  });

  it('is read at the receiving school as unverified until the fingerprint is compared, and imported as a transfer-in', async () => {
    const bytes = await transferredOut();
    await atSchoolB();
    const read = await readTransferFile(fileOf(bytes));
    if (!read.ok) throw new Error(read.problem);
    expect(read).toMatchObject({
      trusted: false,
      forThisSchool: true,
      transfer: { leftOn: '2026-07-01', from: { code: '1050130001' }, student: { firstName: 'มานะ' } },
    });
    expect(read.fingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
    const done = await importTransfer(
      read.transfer,
      { effectiveOn: '2026-07-02', grade: '01', room: '2', reason: '' },
      'b1',
    );
    expect(done.ok).toBe(true);
    const [student] = await listStudents(appDb());
    expect(student).toMatchObject({
      id: 'b1',
      firstName: 'มานะ',
      lastName: 'ขยัน',
      birthDate: '2019-01-09',
      status: 'active',
      grade: '01',
      room: '2',
      enteredOn: '2026-07-02',
      studentNo: '',
    });
    const [movement] = await listMovements(appDb());
    expect(movement).toMatchObject({
      kind: 'transfer-in',
      studentId: 'b1',
      school: 'โรงเรียนบ้านทดสอบ',
      effectiveOn: '2026-07-02',
    });
    expect(movement!.reason).toContain('1050130001');
    expect(await appDb().audit.count()).toBeGreaterThan(0);
  }, 30_000);

  it('is trusted once the sending device key is enrolled, and says when the destination names another school', async () => {
    const bytes = await transferredOut('โรงเรียนอื่น');
    const signer = (await verifyBundle(bytes)).statement!.keys[0]!;
    await atSchoolB();
    await enrolKeys(
      appDb(),
      [
        {
          keyid: signer.keyid,
          alg: 'ES256',
          spki: signer.spki,
          role: 'device',
          name: signer.name,
          school: '1050130001',
        },
      ],
      { source: 'file', now: new Date(), by: 'u9' },
    );
    expect(await readTransferFile(fileOf(bytes))).toMatchObject({ ok: true, trusted: true, forThisSchool: false });
  }, 30_000);

  it('refuses a damaged file, another kind and a file the school made itself', async () => {
    const bytes = await transferredOut();
    const broken = bytes.slice(0, bytes.length - 40);
    expect(await readTransferFile(fileOf(broken))).toMatchObject({ ok: false, problem: 'transfer.damaged' });
    expect(await readTransferFile(fileOf(bytes))).toEqual({ ok: false, problem: 'transfer.own_school', detail: null });
    const sync = await exportSync(new Date(), { save: false });
    if (!sync.ok) throw new Error(sync.problem);
    expect(await readTransferFile(fileOf(asBytes(sync.bytes)))).toEqual({
      ok: false,
      problem: 'transfer.wrong_kind',
      detail: 'sync',
    });
  }, 30_000);
});
