// Measurement sessions and measurements. Each entry is one small put: the measurement, the student's latest
// health values and the audit entry land in one transaction, so a closed tab or a flat battery loses nothing
// that was already entered and never leaves a measurement without its audit.
import Dexie from 'dexie';
import { measureSessionSchema, measurementHistory, measurementSchema, type Measurement, type MeasureSession, type MeasureSessionInput } from '../domain/measure/measurement';
import { recordOps } from '../domain/bundle/local-ops';
import { parseUpgraded } from '../domain/record-history';
import { studentSchema } from '../domain/student/schema';
import type { TabianDb } from './database';
import { guarded } from './errors';
import { appendOps, opId, tickClocks } from './op-log';
import { applyPrepared, prepareStudentSave, saveStudents, studentTables, type Actor } from './student-repo';
import { presealRows, vaultStatus } from './vault';

/** Store names in sync operations (bundle payload operation/1). */
export const MEASUREMENT_OPS = 'measurements';
export const SESSION_OPS = 'measure-sessions';

const toSession = (row: unknown): MeasureSession => measureSessionSchema.parse(row);
const toMeasurement = (row: unknown): Measurement => parseUpgraded(measurementHistory, measurementSchema, row);

/** Stores a session with its sync operations (one per field), in one transaction. */
export async function saveSession(db: TabianDb, session: MeasureSessionInput, now: Date = new Date()): Promise<MeasureSession> {
  const parsed = measureSessionSchema.parse(session);
  await guarded(() =>
    db.transaction('rw', [db.measureSessions, db.settings, db.ops], async () => {
      await db.measureSessions.put(parsed);
      const [hlc] = await tickClocks(db, 1, now);
      await appendOps(db, recordOps(SESSION_OPS, parsed.id, parsed, hlc!, parsed.userName));
    }),
  );
  return parsed;
}

export async function getSession(db: TabianDb, id: string): Promise<MeasureSession | null> {
  const row = await guarded(() => db.measureSessions.get(id));
  return row ? toSession(row) : null;
}

export async function sessionsOn(db: TabianDb, date: string): Promise<MeasureSession[]> {
  return (await guarded(() => db.measureSessions.where('date').equals(date).toArray())).map(toSession);
}

/** Marks a student absent in a session, or takes the mark off; read and written in one transaction. */
export async function setAbsent(db: TabianDb, sessionId: string, studentId: string, absent: boolean, now: Date = new Date()): Promise<MeasureSession> {
  return guarded(() =>
    db.transaction('rw', [db.measureSessions, db.settings, db.ops], async () => {
      const row = await db.measureSessions.get(sessionId);
      if (!row) throw new RangeError(`no measurement session ${sessionId}`);
      const s = toSession(row);
      const others = s.absent.filter((id) => id !== studentId);
      const next = { ...s, absent: absent ? [...others, studentId] : others };
      await db.measureSessions.put(next);
      const [hlc] = await tickClocks(db, 1, now);
      await appendOps(db, [{ store: SESSION_OPS, recordId: s.id, field: 'absent', value: next.absent, hlc: hlc!, by: s.userName }]);
      return next;
    }),
  );
}

/**
 * Stores a measurement, takes the student off the session's absent list and, unless the student's record
 * holds a later measurement, sets its latest weight and height, with the audit entry: all in one transaction.
 */
export async function recordMeasurement(db: TabianDb, measurement: Measurement, actor: Actor, note: string | null = null): Promise<void> {
  const m = toMeasurement(measurement);
  if (!Dexie.currentTransaction && vaultStatus().open && await recordAhead(db, m, actor, note)) return;
  await guarded(() =>
    db.transaction('rw', [db.measurements, db.measureSessions, db.ops, ...studentTables(db)], async () => {
      await db.measurements.put(m);
      const [hlc] = await tickClocks(db, 1, actor.now);
      await appendOps(db, recordOps(MEASUREMENT_OPS, m.id, m, hlc!, actor.userName));
      const session = await db.measureSessions.get(m.sessionId);
      if (session?.absent.includes(m.studentId)) {
        const absent = session.absent.filter((id) => id !== m.studentId);
        await db.measureSessions.put({ ...session, absent });
        await appendOps(db, [{ store: SESSION_OPS, recordId: session.id, field: 'absent', value: absent, hlc: hlc!, by: actor.userName }]);
      }
      const row = await db.students.get(m.studentId);
      if (!row) return;
      const student = studentSchema.parse(row);
      const old = student.health;
      if (old.measuredOn !== null && old.measuredOn > m.measuredOn) return;
      const health = { weightKg: m.weightKg ?? old.weightKg, heightCm: m.heightCm ?? old.heightCm, measuredOn: m.measuredOn };
      // Nested in this transaction: the student, its audit entry and the measurement commit together.
      await saveStudents(db, [{ ...student, health }], actor, note);
    }),
  );
}

class Changed extends Error {}

/**
 * Decision 33, for a keypad tap: the session and the student read, the rows built and sealed (WebCrypto)
 * and the two clocks taken before one transaction that checks nothing changed and puts. False, having
 * written nothing, when something did: recordMeasurement then does it all inside one transaction.
 */
async function recordAhead(db: TabianDb, m: Measurement, actor: Actor, note: string | null): Promise<boolean> {
  const [session, row] = await guarded(() => Promise.all([db.measureSessions.get(m.sessionId), db.students.get(m.studentId)]));
  const student = row ? studentSchema.parse(row) : null;
  const old = student?.health;
  const later = !old || (old.measuredOn !== null && old.measuredOn > m.measuredOn);
  const next = student && old && !later ? { ...student, health: { weightKg: m.weightKg ?? old.weightKg, heightCm: m.heightCm ?? old.heightCm, measuredOn: m.measuredOn } } : null;
  // The measurement's clock, then the student's entry's, as the transaction below would tick them.
  const [hlc, studentClock] = await guarded(() => db.transaction('rw', db.settings, () => tickClocks(db, 2, actor.now)));
  const absent = session?.absent.includes(m.studentId) ? session.absent.filter((id) => id !== m.studentId) : null;
  const ops = [
    ...recordOps(MEASUREMENT_OPS, m.id, m, hlc!, actor.userName),
    ...(absent ? [{ store: SESSION_OPS, recordId: session!.id, field: 'absent', value: absent, hlc: hlc!, by: actor.userName }] : []),
  ].map((op) => ({ ...op, id: opId(op) }));
  const [sealedM, sealedOps, prepared] = await Promise.all([
    presealRows(db, 'measurements', [m]), presealRows(db, 'ops', ops),
    next ? prepareStudentSave(db, [studentSchema.parse(next)], actor, note, [studentClock!], [row]) : null,
  ]);
  return guarded(async () => {
    try {
      await db.transaction('rw', [db.measurements, db.measureSessions, db.ops, ...studentTables(db)], async () => {
        const now = await db.measureSessions.get(m.sessionId);
        if (JSON.stringify(now?.absent) !== JSON.stringify(session?.absent)) throw new Changed();
        if (prepared) {
          if (!(await applyPrepared(db, prepared))) throw new Changed();
        } else if ((await db.students.get(m.studentId))?.revision !== row?.revision) throw new Changed();
        await db.measurements.bulkPut(sealedM);
        if (absent) await db.measureSessions.put({ ...now!, absent });
        await db.ops.bulkPut(sealedOps);
      });
      return true;
    } catch (e) {
      if (e instanceof Changed) return false;
      throw e;
    }
  });
}

export async function measurementsOfSession(db: TabianDb, sessionId: string): Promise<Measurement[]> {
  return (await guarded(() => db.measurements.where('sessionId').equals(sessionId).toArray())).map(toMeasurement);
}

/** Every measurement of these students, oldest first. */
export async function measurementsOfStudents(db: TabianDb, studentIds: readonly string[]): Promise<Measurement[]> {
  const rows = await guarded(() => db.measurements.where('studentId').anyOf([...studentIds]).toArray());
  return rows.map(toMeasurement).sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : a.measuredOn > b.measuredOn ? 1 : a.at < b.at ? -1 : 1));
}

/** Measurements taken between two dates, both included. */
export async function measurementsBetween(db: TabianDb, from: string, to: string): Promise<Measurement[]> {
  return (await guarded(() => db.measurements.where('measuredOn').between(from, to, true, true).toArray())).map(toMeasurement);
}
