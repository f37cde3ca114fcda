// The screening place's reads and writes (decision 0029): the year's screenings beside the classes the user
// may see, a record opened (or a new one prefilled from the register), saved field by field, signatures
// stored as photos, and the register proposals the officer confirms (an ordinary audited student save).
import { loadSite } from '../../db/asset-repo';
import { fullName } from '../../domain/student/names';
import { appDb } from '../../db/database';
import { loadProfile } from '../../db/profile-repo';
import { listRooms } from '../../db/room-repo';
import { getScreening, saveScreening, screeningId, screeningsOfYear } from '../../db/screening-repo';
import { getSetting, setSetting } from '../../db/settings-repo';
import { listClass, listStudents } from '../../db/student-repo';
import { canEditClass, type User } from '../../domain/access/users';
import { academicYearOf } from '../../domain/calendar';
import type { GradeCode } from '../../domain/codes';
import type { Gps } from '../../domain/school';
import { assessScreening } from '../../domain/screening/assess';
import { screeningFindings, type ScreeningFinding } from '../../domain/screening/checks';
import { SCREENING_FORM } from '../../domain/screening/options';
import { screeningState, type ScreeningState } from '../../domain/screening/progress';
import { applyProposal, proposeRegister, type RegisterProposal, type Shortage } from '../../domain/screening/register';
import { screeningSchema, type Screening } from '../../domain/screening/schema';
import { sortStudentsThai } from '../../domain/student/search';
import type { Student } from '../../domain/student/schema';
import { session } from '../state/session.svelte';
import { todayIso } from './clock';
import { preparePhoto, storePhoto } from './photos.service';
import { saveStudentRecord } from './students.service';

export const currentScreeningYear = (now: Date = new Date()): number => academicYearOf(todayIso(now));

export interface ClassRef {
  grade: GradeCode;
  room: string;
}
export interface ScreeningRow {
  student: Student;
  screening: Screening | null;
  state: ScreeningState;
}

/** The classes this user screens: a teacher their own rooms, the officer and director every room. */
export async function screeningClasses(user: User): Promise<ClassRef[]> {
  const rooms = (await listRooms(appDb())).filter((r) => r.students > 0).map(({ grade, room }) => ({ grade, room }));
  return rooms.filter((r) => canEditClass(user, r));
}

/** One class's current students with their screening of the year, in Thai name order. */
export async function classScreenings(c: ClassRef, year: number): Promise<ScreeningRow[]> {
  const db = appDb();
  const [students, screenings] = await Promise.all([listClass(db, c.grade, c.room), screeningsOfYear(db, year)]);
  const byStudent = new Map(screenings.map((s) => [s.studentId, s]));
  return sortStudentsThai(students.filter((s) => s.status === 'active')).map((student) => {
    const screening = byStudent.get(student.id) ?? null;
    return { student, screening, state: screeningState(screening) };
  });
}

/** The whole school (officer): every current student's state, the findings against the register, the proposals. */
export async function schoolScreenings(
  year: number,
): Promise<{ rows: ScreeningRow[]; findings: ScreeningFinding[]; proposals: RegisterProposal[] }> {
  const db = appDb();
  const [students, screenings, school] = await Promise.all([
    listStudents(db),
    screeningsOfYear(db, year),
    schoolPosition(year),
  ]);
  const current = students.filter((s) => s.status === 'active');
  const byStudent = new Map(screenings.map((s) => [s.studentId, s]));
  const rows = sortStudentsThai(current).map((student) => {
    const screening = byStudent.get(student.id) ?? null;
    return { student, screening, state: screeningState(screening) };
  });
  const proposals = rows
    .flatMap((r) =>
      r.state === 'done' && r.screening ? [proposeRegister(r.student, assessScreening(r.screening))] : [],
    )
    .filter((p): p is RegisterProposal => !!p);
  return { rows, findings: screeningFindings(current, screenings, school), proposals };
}

/** Where the school is: the year's site survey (assets) if it has a position, else the school's profile. */
async function schoolPosition(year: number): Promise<Gps | null> {
  const db = appDb();
  const [site, profile] = await Promise.all([loadSite(db, year), loadProfile(db)]);
  return site?.gps ?? (profile?.kind === 'school' ? profile.gps : null);
}

/** The student's screening of the year, or a new one prefilled from the register (not stored until edited). */
export async function openScreening(student: Student, year: number): Promise<Screening> {
  const id = screeningId(year, student.id);
  const stored = await getScreening(appDb(), id);
  if (stored) return stored;
  // One source of truth: what the register knows is where the form starts.
  return screeningSchema.parse({
    id,
    studentId: student.id,
    academicYear: year,
    formVersion: SCREENING_FORM.version,
    address: student.addresses.current,
    members: [{ name: fullName(student), relation: 'นักเรียน', idNo: student.idNo }],
  });
}

export function saveScreeningRecord(s: Screening): Promise<Screening> {
  const user = session.user;
  if (!user) return Promise.reject(new Error('no user is signed in'));
  return saveScreening(appDb(), s, { userName: user.name, now: new Date() });
}

/** A signature drawn on screen or a photo of the signed paper, stored as a photo of the screening. */
export async function storeSignatureImage(screening: Screening, who: string, image: Blob): Promise<string> {
  const photo = await preparePhoto({ kind: 'screening', id: screening.id }, `signature-${who}`, image);
  return (await storePhoto(photo)).id;
}

/** Writes the parts of a proposal the officer accepted into the register (audited like any student save). */
export async function acceptProposal(
  student: Student,
  p: RegisterProposal,
  accept: { disadvantage: boolean; shortages: readonly Shortage[] },
): Promise<void> {
  await saveStudentRecord({ ...student, welfare: applyProposal(student.welfare, p, accept) }, 'แบบ นร./กสศ.01');
}

export const screeningModuleOn = (): Promise<boolean> => getSetting(appDb(), 'screeningModule');
export const setScreeningModule = (on: boolean): Promise<void> => setSetting(appDb(), 'screeningModule', on);
