// Test data for the measure screens: a fresh database, a signed-in teacher, a class.
import { appDb, resetAppDb } from '../../../../src/db/database';
import { recordMeasurement, saveSession } from '../../../../src/db/measurement-repo';
import { saveStudents, type Actor } from '../../../../src/db/student-repo';
import { measurementId } from '../../../../src/domain/measure/measurement';
import { newStudent, type Student, type StudentInput } from '../../../../src/domain/student/schema';
import { i18n } from '../../../../src/ui/i18n/i18n.svelte';
import { measurePlace } from '../../../../src/ui/screens/measure/measure-place.svelte';
import { session } from '../../../../src/ui/state/session.svelte';
import { user } from '../students/factory';

export const teacher = user({
  id: 'u-teacher',
  name: 'ครูสมใจ รักเรียน',
  role: 'teacher',
  rooms: [{ grade: '04', room: '1' }],
});
const seedActor: Actor = {
  userId: 'seed',
  userName: 'ผู้นำเข้า',
  now: new Date('2026-05-01T03:00:00.000Z'),
  newId: () => crypto.randomUUID(),
};

export function kid(id: string, firstName: string, fields: Partial<StudentInput> = {}): Student {
  return newStudent(id, {
    prefix: 'เด็กหญิง',
    firstName,
    lastName: 'ใจดี',
    sex: 'F',
    birthDate: '2018-03-20',
    grade: '04',
    room: '1',
    studentNo: id,
    ...fields,
  });
}

export async function freshMeasure(students: Student[]): Promise<void> {
  i18n.set('th');
  resetAppDb();
  await appDb().delete();
  resetAppDb();
  measurePlace.reset();
  measurePlace.claim(teacher.id);
  session.signIn(teacher);
  await saveStudents(appDb(), students, seedActor);
}

/** A measurement from an earlier session (last term). */
export async function earlier(
  studentId: string,
  measuredOn: string,
  weightKg: number,
  heightCm: number,
): Promise<void> {
  const id = `old-${measuredOn}`;
  await saveSession(appDb(), {
    id,
    date: measuredOn,
    grade: '04',
    room: '1',
    userId: 'seed',
    userName: 'ครูเก่า',
    startedAt: `${measuredOn}T02:00:00.000Z`,
  });
  await recordMeasurement(
    appDb(),
    {
      id: measurementId(id, studentId),
      studentId,
      measuredOn,
      weightKg,
      heightCm,
      sessionId: id,
      by: 'seed',
      at: `${measuredOn}T02:00:00.000Z`,
    },
    seedActor,
  );
}
