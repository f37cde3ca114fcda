// Sync operations as the register holds them, and applying merged ones. The operation log is the audit
// log's clocked entries (student edits) plus the ops store (measurements, sessions, and everything
// imported from other devices). Applying writes only what the merge decides, each change keeping the
// clock it was made with: the result depends on the set of operations, never on their arrival order.
import { auditOps, changedWinners, withField } from '../domain/bundle/local-ops';
import { mergeOperations } from '../domain/bundle/merge';
import type { Hlc } from '../domain/bundle/hlc';
import { operationSchema, type Operation } from '../domain/bundle/operation';
import {
  measureSessionSchema,
  measurementSchema,
  type Measurement,
  type MeasureSession,
} from '../domain/measure/measurement';
import { studentSchema, type Student } from '../domain/student/schema';
import type { z } from 'zod';
import type { TabianDb } from './database';
import { MEASUREMENT_OPS, SESSION_OPS } from './measurement-repo';
import { relinkStudent, removalTables } from './removal-repo';
import { saveStudents, type Actor } from './student-repo';
import { readTombstone, TOMBSTONE_FIELD, type Tombstone } from '../domain/student/removal';
import { applyRecordOperations, recordTables, type AppliedRecords } from './sync-records';

export const STUDENT_OPS = 'students';

/** The stores applyOperations writes: the caller's transaction must include them. */
export const syncTables = (db: TabianDb) => [...removalTables(db), db.ops, ...recordTables(db)];

/** A stored operation without its row id; a row that is not a valid operation (written by hand, damaged) is left out. */
const stripId = ({ id: _id, ...row }: Operation & { id: string }): Operation[] => {
  const parsed = operationSchema.safeParse(row);
  return parsed.success ? [parsed.data] : [];
};

/** Every operation this device holds: its own and those imported. */
export async function allOperations(db: TabianDb): Promise<Operation[]> {
  const [stored, audit] = await Promise.all([db.ops.toArray(), db.audit.toArray()]);
  return [...stored.flatMap(stripId), ...audit.flatMap(auditOps)];
}

async function operationsOf(db: TabianDb, store: string, ids: string[]): Promise<Operation[]> {
  const stored = (await db.ops.where('recordId').anyOf(ids).toArray())
    .filter((op) => op.store === store)
    .flatMap(stripId);
  if (store !== STUDENT_OPS) return stored;
  return [...stored, ...(await db.audit.where('recordId').anyOf(ids).toArray()).flatMap(auditOps)];
}

interface Planned<T> {
  id: string;
  next: T;
  changes: Operation[];
}
/** A record whose winning tombstone says it is gone (merged or removed on some device). */
interface Gone {
  id: string;
  tombstone: Tombstone;
}

/**
 * For each record the incoming operations touch: the record as the merge of every known operation says it
 * is. A record missing here is created only from operations that made it (they carry its `id` field).
 */
async function plan<T extends object>(
  db: TabianDb,
  store: string,
  incoming: Operation[],
  current: (id: string) => Promise<T | null>,
  schema: z.ZodType<T>,
  skipped: string[],
  gone: Gone[] = [],
): Promise<Planned<T>[]> {
  const ids = [...new Set(incoming.filter((op) => op.store === store).map((op) => op.recordId))].sort();
  if (!ids.length) return [];
  const { winners } = mergeOperations(await operationsOf(db, store, ids), null);
  const byRecord = new Map<string, Operation[]>();
  for (const op of winners.values()) byRecord.set(op.recordId, [...(byRecord.get(op.recordId) ?? []), op]);
  const out: Planned<T>[] = [];
  for (const id of ids) {
    const now = await current(id);
    // A tombstone outranks every edit of the record, older or newer, until an undo clears it (decision 16).
    const tombstone = readTombstone(byRecord.get(id)?.find((op) => op.field === TOMBSTONE_FIELD)?.value ?? null);
    if (tombstone) {
      if (now) gone.push({ id, tombstone });
      continue;
    }
    const mine = (byRecord.get(id) ?? []).filter((op) => op.field !== TOMBSTONE_FIELD);
    if (!now && !mine.some((op) => op.field === 'id')) {
      skipped.push(`${store}/${id}`);
      continue;
    }
    const changes = changedWinners(now, mine);
    if (!changes.length) continue;
    const parsed = schema.safeParse(changes.reduce<object>((rec, op) => withField(rec, op.field, op.value), now ?? {}));
    if (parsed.success) out.push({ id, next: parsed.data, changes });
    else skipped.push(`${store}/${id}`);
  }
  return out;
}

/** For each student id whose winning tombstone says it was merged: the record it was merged into. */
async function mergedInto(db: TabianDb, studentIds: string[]): Promise<Map<string, string>> {
  const ids = [...new Set(studentIds)];
  const out = new Map<string, string>();
  if (!ids.length) return out;
  const tombstones = (await operationsOf(db, STUDENT_OPS, ids)).filter((op) => op.field === TOMBSTONE_FIELD);
  for (const op of mergeOperations(tombstones, null).winners.values()) {
    const t = readTombstone(op.value);
    if (t?.kind === 'merged') out.set(op.recordId, t.into);
  }
  return out;
}

export interface Applied extends AppliedRecords {
  students: number;
  measurements: number;
  sessions: number;
  skipped: string[];
  removed: number;
}

/** Applies what the merge decides for the records `incoming` touches; call inside a transaction on syncTables. */
export async function applyOperations(db: TabianDb, incoming: Operation[], actor: Actor): Promise<Applied> {
  const skipped: string[] = [];
  const sessions = await plan<MeasureSession>(
    db,
    SESSION_OPS,
    incoming,
    async (id) => (await db.measureSessions.get(id)) ?? null,
    measureSessionSchema,
    skipped,
  );
  const measurements = await plan<Measurement>(
    db,
    MEASUREMENT_OPS,
    incoming,
    async (id) => (await db.measurements.get(id)) ?? null,
    measurementSchema,
    skipped,
  );
  const gone: Gone[] = [];
  const students = await plan<Student>(
    db,
    STUDENT_OPS,
    incoming,
    async (id) => {
      const row = await db.students.get(id);
      return row ? studentSchema.parse(row) : null;
    },
    studentSchema,
    skipped,
    gone,
  );
  // A measurement a tablet made for a record merged elsewhere belongs to the survivor (decision 16).
  const into = await mergedInto(
    db,
    measurements.map((p) => p.next.studentId),
  );
  for (const p of measurements) p.next = { ...p.next, studentId: into.get(p.next.studentId) ?? p.next.studentId };
  await db.measureSessions.bulkPut(sessions.map((p) => p.next));
  await db.measurements.bulkPut(measurements.map((p) => p.next));
  for (const p of students) {
    const clocks = new Map<string, Hlc>(p.changes.map((op) => [op.field, op.hlc]));
    const by = [...new Set(p.changes.map((op) => op.by))].join(', ');
    await saveStudents(
      db,
      [p.next],
      { ...actor, userName: by || actor.userName },
      actor.userName,
      new Map([[p.id, clocks]]),
    );
  }
  // A record merged elsewhere hands its rows here to the survivor too, then leaves like a removed one.
  for (const g of gone) {
    if (g.tombstone.kind === 'merged') await relinkStudent(db, g.id, g.tombstone.into);
    await db.students.delete(g.id);
  }
  const records = await applyRecordOperations(db, incoming, actor, skipped, plan);
  return {
    students: students.length,
    measurements: measurements.length,
    sessions: sessions.length,
    skipped,
    removed: gone.length,
    ...records,
  };
}
