// @vitest-environment node
// A backup made on one device restores on another: two separate databases, the same pipeline as
// Settings → สำรองข้อมูล (dump, passphrase-encrypted signed bundle, open and verify, restore in one
// transaction). A damaged file (a flipped byte anywhere, a truncated file), a wrong passphrase and a backup
// from a newer app are refused, and the receiving device's own data stays exactly as it was.
import { describe, expect, it } from 'vitest';
import { TabianDb } from '../../src/db/database';
import { BackupVersionError, dumpDatabase, restoreDatabase } from '../../src/db/backup-repo';
import { saveProfile } from '../../src/db/profile-repo';
import { saveStudents, type Actor } from '../../src/db/student-repo';
import { makeBackup, openBackup, type DatabaseDump } from '../../src/domain/backup/backup-bundle';
import { asBytes, type Bytes } from '../../src/domain/bundle/bytes';
import { generateSigningKey } from '../../src/domain/bundle/keys';
import type { SchoolProfile } from '../../src/domain/school';
import { generatedStudent, random } from '../factories/district';

const PASS = 'ต้นมะม่วง หน้าโรงเรียน';
const profile = (moeCode: string, nameTh: string): SchoolProfile => ({
  kind: 'school',
  version: 1,
  moeCode,
  smisCode: moeCode.slice(2),
  nameTh,
  nameEn: 'School',
  districtOffice: { code: '5001', name: 'สพป.เชียงใหม่ เขต 1' },
  directorName: 'นางสมศรี ใจดี',
  levels: ['primary'],
  address: {
    houseNo: '99',
    moo: '3',
    road: '',
    provinceCode: 50,
    districtCode: 5001,
    subdistrictCode: 500101,
    postcode: '50200',
  },
  gps: null,
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
});
let ids = 0;
const actor = (): Actor => ({
  userId: 'u1',
  userName: 'นายสมปอง ข้อมูลดี',
  now: new Date('2026-06-08T02:00:00.000Z'),
  newId: () => `a-${ids++}`,
});

/** A device: its own database, a school profile and `n` students saved with their audit entries. */
async function device(label: string, moeCode: string, first: number, n: number): Promise<TabianDb> {
  const db = new TabianDb(`restore-${label}-${Math.random()}`);
  await saveProfile(db, profile(moeCode, `โรงเรียน${label}`));
  await saveStudents(
    db,
    Array.from({ length: n }, (_, i) => generatedStudent(first + i)),
    actor(),
  );
  return db;
}

/** What a person would call "the data": every store that a backup carries. */
async function data(db: TabianDb): Promise<Record<string, unknown[]>> {
  const { stores } = await dumpDatabase(db);
  return Object.fromEntries(
    ['profile', 'students', 'audit', 'users', 'rounds', 'movements'].map((n) => [n, stores[n] ?? []]),
  );
}

async function backupOf(db: TabianDb): Promise<Bytes> {
  const made = await makeBackup({
    dump: await dumpDatabase(db),
    academicYear: 2569,
    asOf: '2026-06-08',
    sequence: 1,
    previous: null,
    school: {
      code: '1050130001',
      smis: '50130001',
      name: 'โรงเรียนเอ',
      nameEn: 'School A',
      district: { code: '5001', name: 'สพป.เชียงใหม่ เขต 1' },
      directorName: 'นางสมศรี ใจดี',
    },
    device: { key: await generateSigningKey(false), name: 'device' },
    passphrase: PASS,
    now: new Date('2026-06-08T03:00:00.000Z'),
    bundleId: crypto.randomUUID(),
    app: { name: 'tabian', version: '0.1.0' },
    random,
  });
  return made.bytes;
}

/** The whole receiving step, as restoreBackup does it: open and verify, then replace. */
async function restoreOn(db: TabianDb, bytes: Bytes, passphrase = PASS) {
  const opened = await openBackup(asBytes(bytes), passphrase);
  if (opened.ok) await restoreDatabase(db, opened.dump);
  return opened;
}

describe('a backup moved to another device', () => {
  it('restores on a second device exactly: profile, students and their history', async () => {
    const a = await device('เอ', '1050130001', 0, 40);
    const b = await device('บี', '1050130009', 1000, 3);
    const bytes = await backupOf(a);
    expect(await restoreOn(b, bytes)).toMatchObject({ ok: true });
    expect(await data(b)).toEqual(await data(a));
    expect(await b.students.count()).toBe(40);
  }, 60_000);

  it('refuses a flipped byte anywhere, a truncated file and a wrong passphrase, leaving the device as it was', async () => {
    const a = await device('เอ', '1050130001', 0, 40);
    const b = await device('บี', '1050130009', 1000, 3);
    const bytes = await backupOf(a);
    const before = await data(b);
    const refusals: string[] = [];
    for (const at of [0.02, 0.3, 0.6, 0.9, 0.999]) {
      const damaged = bytes.slice();
      damaged[Math.floor(damaged.length * at)]! ^= 0x01;
      const r = await restoreOn(b, damaged);
      expect(r.ok, `byte at ${at} flipped`).toBe(false);
      if (!r.ok) refusals.push(r.problem);
    }
    for (const keep of [0.5, 0.99]) {
      const r = await restoreOn(b, bytes.slice(0, Math.floor(bytes.length * keep)));
      expect(r, `cut to ${keep}`).toMatchObject({ ok: false });
      if (!r.ok) refusals.push(r.problem);
    }
    expect(await restoreOn(b, bytes, 'ผิดรหัสผ่านแน่นอน')).toMatchObject({ ok: false, problem: 'backup.passphrase' });
    expect(new Set(refusals).size).toBeGreaterThan(0);
    for (const p of refusals) expect(['backup.file', 'backup.damaged']).toContain(p);
    expect(await data(b)).toEqual(before);
  }, 60_000);

  it('refuses a backup from a newer app version, or naming a store this version lacks, before touching anything', async () => {
    const a = await device('เอ', '1050130001', 0, 5);
    const b = await device('บี', '1050130009', 1000, 3);
    const before = await data(b);
    const dump: DatabaseDump = await dumpDatabase(a);
    await expect(restoreDatabase(b, { ...dump, version: b.verno + 1 })).rejects.toBeInstanceOf(BackupVersionError);
    await expect(restoreDatabase(b, { ...dump, stores: { ...dump.stores, lessonPlans: [] } })).rejects.toThrow(
      /unknown stores: lessonPlans/,
    );
    expect(await data(b)).toEqual(before);
  });
});
