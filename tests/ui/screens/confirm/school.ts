// A small school in the app's own database, for the school-year screens' tests.
import { fireEvent, screen } from '@testing-library/svelte';
import { appDb, resetAppDb } from '../../../../src/db/database';
import { saveStudents } from '../../../../src/db/student-repo';
import { saveUser } from '../../../../src/db/user-repo';
import { testPinHash } from '../../../fixtures/pins';
import type { Role, User } from '../../../../src/domain/access/users';
import type { Student } from '../../../../src/domain/student/schema';
import { session } from '../../../../src/ui/state/session.svelte';
import { i18n } from '../../../../src/ui/i18n/i18n.svelte';
import { aStudent, citizenId } from '../../../factories/students';

export async function freshDb(): Promise<void> {
  i18n.set('th');
  session.lock();
  resetAppDb();
  await appDb().delete();
  resetAppDb();
}

export async function aUser(id: string, role: Role, pin = '2569'): Promise<User> {
  const user: User = {
    id,
    name: { teacher: 'ครูสมใจ', officer: 'นายสมปอง', director: 'นางสมศรี' }[role],
    role,
    rooms: role === 'teacher' ? [{ grade: '04', room: '1' }] : [],
    pin: await testPinHash(pin),
    failedAttempts: 0,
    lockedUntil: null,
    active: true,
    createdAt: '2026-05-01T03:00:00.000Z',
  };
  await saveUser(appDb(), user);
  return user;
}

/** ป.1/1: มาลี (F), มานะ (M); ป.6/1: ชูใจ (F); all entered 16 May 2569. */
export const pupils = (): Student[] => [
  aStudent('s1', { idNo: citizenId(501), firstName: 'มาลี', enteredOn: '2026-05-16' }),
  aStudent('s2', {
    idNo: citizenId(502),
    prefix: 'เด็กชาย',
    sex: 'M',
    firstName: 'มานะ',
    lastName: 'ขยัน',
    birthDate: '2019-01-09',
    enteredOn: '2026-05-16',
  }),
  aStudent('s3', {
    idNo: citizenId(503),
    firstName: 'ชูใจ',
    lastName: 'สดใส',
    grade: '09',
    birthDate: '2014-02-03',
    enteredOn: '2026-05-16',
  }),
];

export async function seed(students: Student[] = pupils()): Promise<void> {
  await saveStudents(appDb(), students, {
    userId: 'u0',
    userName: 'seed',
    now: new Date('2026-05-16T03:00:00.000Z'),
    newId: () => crypto.randomUUID(),
  });
}

export async function type(el: HTMLElement, value: string): Promise<void> {
  await fireEvent.input(el, { target: { value } });
}

export async function tapPin(pin: string): Promise<void> {
  await screen.findByTestId('pin-ok');
  for (const d of pin) await fireEvent.click(screen.getByRole('button', { name: d }));
  await fireEvent.click(screen.getByTestId('pin-ok'));
}
