// Test data for the students screens: users, students, and a fresh app database per test.
import { appDb, resetAppDb } from '../../../../src/db/database';
import { saveStudents, type Actor } from '../../../../src/db/student-repo';
import type { User } from '../../../../src/domain/access/users';
import { user } from '../../../factories/users';
import type { Student } from '../../../../src/domain/student/schema';
import { i18n } from '../../../../src/ui/i18n/i18n.svelte';
import { session } from '../../../../src/ui/state/session.svelte';
import { studentsPlace } from '../../../../src/ui/screens/students/place.svelte';

export { user } from '../../../factories/users';
export { student } from '../../../factories/students';

export const seedActor: Actor = {
  userId: 'seed',
  userName: 'ผู้นำเข้า',
  now: new Date('2026-06-01T03:00:00.000Z'),
  newId: () => crypto.randomUUID(),
};

export async function seed(students: Student[]): Promise<void> {
  await saveStudents(appDb(), students, seedActor);
}

/** A fresh database, Thai, signed in as the registrar, the place back at the list. */
export async function freshPlace(signedIn: User | null = user()): Promise<void> {
  i18n.set('th');
  resetAppDb();
  await appDb().delete();
  resetAppDb();
  studentsPlace.reset();
  studentsPlace.claim(signedIn?.id ?? null);
  if (signedIn) session.signIn(signedIn);
  else session.lock();
}

// Citizen IDs with valid check digits.
export const IDS = { malee: '1112034563562', somchai: '1103700012346', manee: '1234567890121' };
