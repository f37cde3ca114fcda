// A school with a certified term 1 of 2569, for the submission and backup tests.
import { appDb } from '../../../src/db/database';
import { saveProfile } from '../../../src/db/profile-repo';
import { saveCertification, saveConfirmation } from '../../../src/db/round-repo';
import { listStudents } from '../../../src/db/student-repo';
import type { User } from '../../../src/domain/access/users';
import type { SchoolProfile } from '../../../src/domain/school';
import { freeze } from '../../../src/domain/year/snapshot';
import { aUser, freshDb, seed } from '../screens/confirm/school';
import { openTestDataKey } from '../../fixtures/data-key';

export const schoolProfile: SchoolProfile = {
  kind: 'school',
  version: 1,
  moeCode: '1050130001',
  smisCode: '50130001',
  nameTh: 'โรงเรียนบ้านทดสอบ',
  nameEn: 'Ban Thotsop School',
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
};

/** Officer u1 (PIN 2569) confirmed and director d1 (PIN 7531) certified term 1 of 2569 with all three pupils. */
export async function certifiedSchool(): Promise<{ officer: User; director: User }> {
  await freshDb();
  const db = appDb();
  await saveProfile(db, schoolProfile);
  await seed();
  await openTestDataKey();
  const officer = await aUser('u1', 'officer');
  const director = await aUser('d1', 'director', '7531');
  const snapshot = freeze(await listStudents(db));
  const base = { asOf: '2026-06-10', snapshot };
  await saveConfirmation(db, 2569, 'term1', {
    userId: 'u1',
    userName: officer.name,
    role: 'officer',
    at: '2026-06-09T02:00:00.000Z',
    ...base,
  });
  await saveCertification(db, 2569, 'term1', {
    userId: 'd1',
    userName: director.name,
    role: 'director',
    at: '2026-06-09T03:00:00.000Z',
    ...base,
  });
  return { officer, director };
}
