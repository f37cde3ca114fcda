// Measurement day: open or resume a class's session, save each entry the moment it is complete, absences.
import { appDb } from '../../db/database';
import {
  measurementsOfSession,
  measurementsOfStudents,
  recordMeasurement,
  saveSession,
  sessionsOn,
  setAbsent,
} from '../../db/measurement-repo';
import { listClass } from '../../db/student-repo';
import type { GradeCode } from '../../domain/codes';
import { loadGrowthReferences } from '../../domain/growth/load';
import type { GrowthReferences } from '../../domain/growth/tables';
import {
  measurementId,
  previousValues,
  type Measurement,
  type MeasureSession,
  type PreviousValues,
  type RosterOrder,
} from '../../domain/measure/measurement';
import { orderRoster } from '../../domain/measure/roster';
import type { Student } from '../../domain/student/schema';
import { t } from '../i18n/i18n.svelte';
import { session as signedIn } from '../state/session.svelte';
import { className } from './year-format';

export interface RosterEntry {
  student: Student;
  previous: PreviousValues | null;
  /** This session's values. */
  weightKg: number | null;
  heightCm: number | null;
}

export interface OpenSession {
  session: MeasureSession;
  entries: RosterEntry[];
  refs: GrowthReferences;
}
export interface SessionSummary {
  session: MeasureSession;
  total: number;
  done: number;
  absent: number;
}

export const loadRefs = (): Promise<GrowthReferences> => loadGrowthReferences();

const activeClass = async (grade: GradeCode, room: string): Promise<Student[]> =>
  (await listClass(appDb(), grade, room)).filter((s) => s.status === 'active');

async function entriesOf(s: MeasureSession): Promise<RosterEntry[]> {
  const students = orderRoster(await activeClass(s.grade, s.room), s.order);
  const [history, own] = await Promise.all([
    measurementsOfStudents(
      appDb(),
      students.map((x) => x.id),
    ),
    measurementsOfSession(appDb(), s.id),
  ]);
  const mine = new Map(own.map((m) => [m.studentId, m]));
  return students.map((student) => ({
    student,
    previous: previousValues(
      history.filter((m) => m.studentId === student.id),
      s.date,
    ),
    weightKg: mine.get(student.id)?.weightKg ?? null,
    heightCm: mine.get(student.id)?.heightCm ?? null,
  }));
}

async function open(s: MeasureSession): Promise<OpenSession> {
  const [entries, refs] = await Promise.all([entriesOf(s), loadRefs()]);
  return { session: s, entries, refs };
}

/** The signed-in user's session for this class and date, resumed if it exists, else started. */
export async function openSession(
  grade: GradeCode,
  room: string,
  date: string,
  order: RosterOrder,
): Promise<OpenSession> {
  const actor = signedIn.actor();
  const existing = (await sessionsOn(appDb(), date)).filter(
    (s) => s.grade === grade && s.room === room && s.userId === actor.userId,
  );
  const latest = existing.sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1))[0];
  if (latest) return open(latest.order === order ? latest : await saveSession(appDb(), { ...latest, order }));
  return open(
    await saveSession(appDb(), {
      id: actor.newId(),
      date,
      grade,
      room,
      userId: actor.userId,
      userName: actor.userName,
      order,
      startedAt: actor.now.toISOString(),
      absent: [],
    }),
  );
}

export async function resumeSession(s: MeasureSession): Promise<OpenSession> {
  return open(s);
}

/** The sessions of a date, with how far each has got. */
export async function sessionsOnDate(date: string): Promise<SessionSummary[]> {
  const sessions = await sessionsOn(appDb(), date);
  return Promise.all(
    sessions.map(async (session) => {
      const [students, taken] = await Promise.all([
        activeClass(session.grade, session.room),
        measurementsOfSession(appDb(), session.id),
      ]);
      const done = taken.filter((m) => m.weightKg !== null && m.heightCm !== null).length;
      return { session, total: students.length, done, absent: session.absent.length };
    }),
  );
}

/** Stores one entry at once: the measurement, the student's latest values and the audit entry. */
export async function saveEntry(
  s: MeasureSession,
  studentId: string,
  weightKg: number | null,
  heightCm: number | null,
): Promise<void> {
  const actor = signedIn.actor();
  const m: Measurement = {
    id: measurementId(s.id, studentId),
    studentId,
    measuredOn: s.date,
    weightKg,
    heightCm,
    sessionId: s.id,
    by: actor.userId,
    at: actor.now.toISOString(),
  };
  await recordMeasurement(appDb(), m, actor, t('measure.audit_note', { class: className(s.grade, s.room) }));
}

export async function markAbsent(s: MeasureSession, studentId: string, absent: boolean): Promise<MeasureSession> {
  return setAbsent(appDb(), s.id, studentId, absent);
}

export const studentMeasurements = (studentId: string): Promise<Measurement[]> =>
  measurementsOfStudents(appDb(), [studentId]);
