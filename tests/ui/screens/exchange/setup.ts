// A fresh app database per test, Thai, signed in as the school's data officer.
import { appDb, resetAppDb } from '../../../../src/db/database';
import { saveProfile } from '../../../../src/db/profile-repo';
import { saveStudents } from '../../../../src/db/student-repo';
import type { User } from '../../../../src/domain/access/users';
import type { SchoolProfile } from '../../../../src/domain/school';
import type { Student } from '../../../../src/domain/student/schema';
import { i18n } from '../../../../src/ui/i18n/i18n.svelte';
import { session } from '../../../../src/ui/state/session.svelte';

export const officer: User = {
  id: 'u-officer',
  name: 'ครูทะเบียน ใจดี',
  role: 'officer',
  rooms: [],
  pin: {
    alg: 'PBKDF2-SHA256',
    iterations: 100_000,
    salt: 'c2FsdHNhbHRzYWx0c2FsdA==',
    hash: 'aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g=',
  },
  failedAttempts: 0,
  lockedUntil: null,
  active: true,
  createdAt: '2026-05-01T00:00:00.000Z',
};

const profile: SchoolProfile = {
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

export async function freshSchool(students: Student[] = [], user: User | null = officer): Promise<void> {
  i18n.set('th');
  resetAppDb();
  await appDb().delete();
  resetAppDb();
  await saveProfile(appDb(), profile);
  if (students.length)
    await saveStudents(appDb(), students, {
      userId: 'seed',
      userName: 'seed',
      now: new Date('2026-06-01T03:00:00Z'),
      newId: () => crypto.randomUUID(),
    });
  if (user) session.signIn(user);
  else session.lock();
}

export const fileOf = (bytes: Uint8Array, name: string): File => new File([bytes as Uint8Array<ArrayBuffer>], name);
