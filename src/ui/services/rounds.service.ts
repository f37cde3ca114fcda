// Rounds as the confirm, reports and home screens need them: the live snapshot, the checklist, and the
// writes that confirm, certify (with the director's PIN), check attendance and move a round's window.
import { appDb } from '../../db/database';
import { listStudents } from '../../db/student-repo';
import { listMovements } from '../../db/movement-repo';
import { dismissedPairKeys } from '../../db/dismissed-repo';
import { listAttendance, saveAttendance } from '../../db/attendance-repo';
import { getRound, listRoundRows, saveCertification, saveConfirmation, saveWindow } from '../../db/round-repo';
import { listResults, yearsWithResults } from '../../db/result-repo';
import { listUsers, saveUser } from '../../db/user-repo';
import { ROUNDS, roundStatus, type RoundId, type RoundRef, type RoundStatus } from '../../domain/calendar';
import { signIn, type SignInResult } from '../../domain/access/pin';
import { canCertify, type User } from '../../domain/access/users';
import type { GradeCode } from '../../domain/codes';
import type { Student } from '../../domain/student/schema';
import { validateSchool } from '../../domain/validation/school';
import type { Finding } from '../../domain/validation/catalogue';
import { attendanceKey, roomChecks, type Attendance, type Mark, type RoomCheck } from '../../domain/year/attendance';
import { roundChecklist, whatRemains, type RoundChecklist, type TodoItem } from '../../domain/year/checklist';
import { snapshotDiff, type SnapshotDiff } from '../../domain/year/compare';
import type { Movement } from '../../domain/year/movement';
import {
  certificationStale,
  certifyBlockers,
  confirmBlockers,
  overridesOf,
  registerYear,
  roundOf,
  roundKey,
  type CertifyBlocker,
  type ConfirmBlocker,
  type RoundRecord,
} from '../../domain/year/round';
import { currentWorkingRound, roundJourneys } from './submissions.service';
import { emisDigest } from '../../domain/staff/payload';
import { emisPayloads } from './staff-payloads';
import { freeze, snapshotOn, type FrozenRow } from '../../domain/year/snapshot';
import { session } from '../state/session.svelte';
import { todayIso } from './clock';

export interface SchoolYear {
  status: RoundStatus;
  records: RoundRecord[];
  register: number;
  startedYears: number[];
}

/** The calendar with this year's window overrides, and the year the register describes. */
export async function loadSchoolYear(now: Date = new Date()): Promise<SchoolYear> {
  const db = appDb();
  const today = todayIso(now);
  const [{ rounds, starts }, withResults] = await Promise.all([listRoundRows(db), yearsWithResults(db)]);
  const startedYears = starts.filter((s) => !s.undoneAt).map((s) => s.academicYear);
  const probe = roundStatus(today);
  const status = roundStatus(today, overridesOf(rounds, probe.academicYear));
  return { status, records: rounds, register: registerYear(today, startedYears, withResults), startedYears };
}

export interface RoundView {
  academicYear: number;
  round: RoundId;
  asOf: string;
  record: RoundRecord;
  /** Students who count on the as-of date, from today's data. */
  counted: Student[];
  live: FrozenRow[];
  findings: Finding[];
  rooms: RoomCheck[];
  attendance: Attendance[];
  checklist: RoundChecklist;
  confirmBlockers: ConfirmBlocker[];
  certifyBlockers: CertifyBlocker[];
  /** Once certified: what changed since. */
  sinceCertified: SnapshotDiff | null;
  movements: Movement[];
  /** The digest of the roster and technology the submission would carry today (staff/payload.ts emisDigest). */
  emis: string;
  /** Certified, but the roster or technology changed since: to be confirmed and certified again. */
  emisStale: boolean;
}

export async function loadRound(academicYear: number, round: RoundId, now: Date = new Date()): Promise<RoundView> {
  const db = appDb();
  const [students, movements, dismissed, attendance, record, year] = await Promise.all([
    listStudents(db),
    listMovements(db),
    dismissedPairKeys(db),
    listAttendance(db, academicYear, round),
    getRound(db, academicYear, round),
    loadSchoolYear(now),
  ]);
  const asOf = roundOf(academicYear, round).asOf;
  const emis = await emisDigest(await emisPayloads(asOf));
  const counted = snapshotOn(students, movements, asOf);
  const live = freeze(counted);
  const { findings, duplicates } = validateSchool(counted, { asOf, dismissedPairs: dismissed });
  const rooms = roomChecks(counted, attendance);
  const checklist = roundChecklist(findings, duplicates.length, rooms);
  return {
    academicYear,
    round,
    asOf,
    record,
    counted,
    live,
    findings,
    rooms,
    attendance,
    checklist,
    movements,
    emis,
    emisStale: certificationStale(record, emis),
    confirmBlockers: confirmBlockers(record, checklist.ready, year.register, session.user, emis),
    certifyBlockers: certifyBlockers(record, live, emis),
    sinceCertified: record.certification ? snapshotDiff(record.certification.snapshot, live) : null,
  };
}

const attestation = (user: User, view: RoundView) => ({
  userId: user.id,
  userName: user.name,
  role: user.role,
  at: new Date().toISOString(),
  asOf: view.asOf,
  snapshot: view.live,
  emis: view.emis,
});

/**
 * ยืนยันข้อมูลการมีตัวตน by the signed-in staff member. Over a certification whose roster or technology
 * changed since, the new confirmation replaces it, and the director certifies again.
 */
export async function confirmRound(view: RoundView): Promise<RoundRecord> {
  if (view.confirmBlockers.length) throw new Error(`cannot confirm: ${view.confirmBlockers.join(', ')}`);
  const replacing = view.emisStale ? view.record.certification!.at : null;
  return saveConfirmation(appDb(), view.academicYear, view.round, attestation(session.user!, view), replacing);
}

export const loadDirectors = async (): Promise<User[]> =>
  (await listUsers(appDb())).filter((u) => u.active && canCertify(u));

/** รับรอง: the director's PIN is checked like a sign-in (wrong tries count towards the lock-out). */
export async function certifyRound(
  view: RoundView,
  director: User,
  pin: string,
  now: Date = new Date(),
): Promise<SignInResult> {
  if (!canCertify(director) || view.certifyBlockers.length) throw new Error('cannot certify');
  const result = await signIn(director, pin, now, crypto.getRandomValues(new Uint8Array(16)));
  // An older PIN is upgraded at a full sign-in, where its wraps are upgraded with it; not here.
  await saveUser(appDb(), result.ok && result.upgraded ? { ...result.user, pin: director.pin } : result.user);
  if (result.ok) await saveCertification(appDb(), view.academicYear, view.round, attestation(result.user, view));
  return result;
}

export async function saveRoomCheck(
  view: RoundView,
  grade: GradeCode,
  room: string,
  marks: Record<string, Mark>,
): Promise<void> {
  const user = session.user!;
  await saveAttendance(appDb(), {
    key: attendanceKey(view.academicYear, view.round, grade, room),
    academicYear: view.academicYear,
    round: view.round,
    grade,
    room,
    marks,
    checkedAt: new Date().toISOString(),
    checkedBy: { userId: user.id, userName: user.name },
  });
}

export const saveRoundWindow = (
  academicYear: number,
  round: RoundId,
  window: RoundRecord['window'],
): Promise<RoundRecord> => saveWindow(appDb(), academicYear, round, window);

export type { RoundRef };

/** The rounds worth choosing from: every round of the register's year, the calendar's and the year before. */
export function roundChoices(year: SchoolYear): RoundRef[] {
  // Between the year-end deadline and 16 May the next round is next year's term 1: offer that year too.
  const top = Math.max(year.register, year.status.academicYear, year.status.next.academicYear);
  const years = [top, top - 1];
  if (year.register < top - 1) years.push(year.register);
  return years.flatMap((academicYear) => [...ROUNDS].reverse().map((round) => ({ academicYear, round })));
}

/** The round in progress; between windows, the one that ended last. */
export function defaultRound(year: SchoolYear): RoundRef {
  const { current, rounds, academicYear } = year.status;
  if (current) return { academicYear: current.academicYear, round: current.round };
  const past = rounds.filter((r) => r.state === 'past').at(-1);
  return past ? { academicYear, round: past.round } : { academicYear: academicYear - 1, round: 'year-end' };
}

export interface RoundTodo {
  ref: RoundRef;
  items: TodoItem[];
}

/** The round the confirm page opens on and the home to-do names: open, else unsent and ended, else next. */
export async function workingRoundOf(year: SchoolYear, now: Date = new Date()): Promise<RoundRef> {
  return currentWorkingRound(year.status, now);
}

/** For the home screen: the working round (the same the confirm page opens on) and what remains to do for it. */
export async function loadRoundTodo(now: Date = new Date()): Promise<RoundTodo> {
  const year = await loadSchoolYear(now);
  const { academicYear, round } = await workingRoundOf(year, now);
  const [view, results, journeys] = await Promise.all([
    loadRound(academicYear, round, now),
    listResults(appDb(), academicYear),
    roundJourneys(year.status, now),
  ]);
  const withResult = new Set(results.map((r) => r.studentId));
  const journey = journeys.get(roundKey(academicYear, round));
  const items = whatRemains({
    yearAhead: academicYear > year.register,
    yearEnd: round === 'year-end',
    checklist: view.checklist,
    resultsMissing: view.counted.filter((s) => s.status === 'active' && !withResult.has(s.id)).length,
    confirmed: !!view.record.confirmation,
    certified: !!view.record.certification,
    sent: journey === 'sent' || journey === 'acknowledged',
  });
  return { ref: { academicYear, round }, items };
}
