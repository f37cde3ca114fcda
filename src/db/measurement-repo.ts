// Measurement sessions and measurements. Each entry is one small put: the measurement, the student's latest
// health values and the audit entry land in one transaction, so a closed tab or a flat battery loses nothing
// that was already entered and never leaves a measurement without its audit.
import {
  measureSessionSchema,
  measurementHistory,
  measurementSchema,
  type Measurement,
  type MeasureSession,
  type MeasureSessionInput,
} from '../domain/measure/measurement';
import { recordOps } from '../domain/bundle/local-ops';
import { parseUpgraded } from '../domain/record-history';
import { studentSchema } from '../domain/student/schema';
import type { TabianDb } from './database';
import { guarded } from './errors';
import { appendOps, tickClocks } from './op-log';
import { saveReadStudents, studentTables, type Actor } from './student-repo';

/** Store names in sync operations (bundle payload operation/1). */
export const MEASUREMENT_OPS = 'measurements';
export const SESSION_OPS = 'measure-sessions';

const toSession = (row: unknown): MeasureSession => measureSessionSchema.parse(row);
const toMeasurement = (row: unknown): Measurement => parseUpgraded(measurementHistory, measurementSchema, row);

/** Stores a session with its sync operations (one per field), in one transaction. */
export async function saveSession(
  db: TabianDb,
  session: MeasureSessionInput,
  now: Date = new Date(),
): Promise<MeasureSession> {
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
export async function setAbsent(
  db: TabianDb,
  sessionId: string,
  studentId: string,
  absent: boolean,
  now: Date = new Date(),
): Promise<MeasureSession> {
  return guarded(() =>
    db.transaction('rw', [db.measureSessions, db.settings, db.ops], async () => {
      const row = await db.measureSessions.get(sessionId);
      if (!row) throw new RangeError(`no measurement session ${sessionId}`);
      const s = toSession(row);
      const others = s.absent.filter((id) => id !== studentId);
      const next = { ...s, absent: absent ? [...others, studentId] : others };
      await db.measureSessions.put(next);
      const [hlc] = await tickClocks(db, 1, now);
      await appendOps(db, [
        { store: SESSION_OPS, recordId: s.id, field: 'absent', value: next.absent, hlc: hlc!, by: s.userName },
      ]);
      return next;
    }),
  );
}

/**
 * Stores a measurement, takes the student off the session's absent list and, unless the student's record
 * holds a later measurement, sets its latest weight and height, with the audit entry: all in one transaction.
 */
export async function recordMeasurement(
  db: TabianDb,
  measurement: Measurement,
  actor: Actor,
  note: string | null = null,
): Promise<void> {
  const m = toMeasurement(measurement);
  await guarded(() =>
    db.transaction('rw', [db.measurements, db.measureSessions, db.ops, ...studentTables(db)], async () => {
      // One round of reads (the session, the student, both clocks: the measurement's, then the student's
      // entry's), then the writes; the student is read once, not again by the save (issue 24).
      const [session, row, [hlc, studentClock]] = await Promise.all([
        db.measureSessions.get(m.sessionId),
        db.students.get(m.studentId),
        tickClocks(db, 2, actor.now),
      ]);
      const writes: Promise<unknown>[] = [
        db.measurements.put(m),
        appendOps(db, recordOps(MEASUREMENT_OPS, m.id, m, hlc!, actor.userName)),
      ];
      if (session?.absent.includes(m.studentId)) {
        const absent = session.absent.filter((id) => id !== m.studentId);
        writes.push(db.measureSessions.put({ ...session, absent }));
        writes.push(
          appendOps(db, [
            { store: SESSION_OPS, recordId: session.id, field: 'absent', value: absent, hlc: hlc!, by: actor.userName },
          ]),
        );
      }
      const student = row ? studentSchema.parse(row) : null;
      const old = student?.health;
      if (student && old && !(old.measuredOn !== null && old.measuredOn > m.measuredOn)) {
        const health = {
          weightKg: m.weightKg ?? old.weightKg,
          heightCm: m.heightCm ?? old.heightCm,
          measuredOn: m.measuredOn,
        };
        // Nested in this transaction: the student, its audit entry and the measurement commit together.
        writes.push(saveReadStudents(db, [{ ...student, health }], [row], [studentClock!], actor, note));
      }
      await Promise.all(writes);
    }),
  );
}

export async function measurementsOfSession(db: TabianDb, sessionId: string): Promise<Measurement[]> {
  return (await guarded(() => db.measurements.where('sessionId').equals(sessionId).toArray())).map(toMeasurement);
}

/** Every measurement of these students, oldest first. */
export async function measurementsOfStudents(db: TabianDb, studentIds: readonly string[]): Promise<Measurement[]> {
  const rows = await guarded(() =>
    db.measurements
      .where('studentId')
      .anyOf([...studentIds])
      .toArray(),
  );
  return rows
    .map(toMeasurement)
    .sort((a, b) => (a.measuredOn < b.measuredOn ? -1 : a.measuredOn > b.measuredOn ? 1 : a.at < b.at ? -1 : 1));
}

/** Measurements taken between two dates, both included. */
export async function measurementsBetween(db: TabianDb, from: string, to: string): Promise<Measurement[]> {
  return (await guarded(() => db.measurements.where('measuredOn').between(from, to, true, true).toArray())).map(
    toMeasurement,
  );
}
