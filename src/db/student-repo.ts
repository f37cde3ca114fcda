import Dexie from 'dexie';
import { studentHistory, studentSchema, type Student } from '../domain/student/schema';
import { parseUpgraded } from '../domain/record-history';
import { diffRecords, type AuditAction, type AuditEntry } from '../domain/access/audit';
import type { Hlc } from '../domain/bundle/hlc';
import type { GradeCode } from '../domain/codes';
import type { StudentRow, TabianDb } from './database';
import { guarded } from './errors';
import { claimClocks, peekClocks, tickClocks } from './op-log';
import { presealRows, vaultStatus } from './vault';

/** Who is acting, when, and where new ids come from: passed in so tests are exact. */
export interface Actor {
  userId: string;
  userName: string;
  now: Date;
  newId: () => string;
}

// A row an earlier app stored is brought up to the current version first (record-history.ts).
const toStudent = (row: StudentRow): Student => parseUpgraded(studentHistory, studentSchema, row);

export async function getStudent(db: TabianDb, id: string): Promise<Student | null> {
  const row = await guarded(() => db.students.get(id));
  return row ? toStudent(row) : null;
}

export async function listStudents(db: TabianDb): Promise<Student[]> {
  return (await guarded(() => db.students.toArray())).map(toStudent);
}

/** How many records the register holds; counts the key index, so nothing is read or opened. */
export const countStudents = (db: TabianDb): Promise<number> => guarded(() => db.students.count());

export async function listClass(db: TabianDb, grade: GradeCode, room: string): Promise<Student[]> {
  return (await guarded(() => db.students.where('[grade+room]').equals([grade, room]).toArray())).map(toStudent);
}

function auditEntry(
  actor: Actor,
  before: Student | null,
  after: Student,
  action: AuditAction,
  note: string | null,
): AuditEntry | null {
  const changes = diffRecords(before, after);
  if (changes.length === 0) return null;
  return {
    id: actor.newId(),
    at: actor.now.toISOString(),
    userId: actor.userId,
    userName: actor.userName,
    recordType: 'student',
    recordId: after.id,
    action,
    changes,
    note,
  };
}

function actionFor(before: Student | null, after: Student): AuditAction {
  if (!before) return 'create';
  if (before.firstName !== after.firstName || before.lastName !== after.lastName || before.prefix !== after.prefix)
    return 'rename';
  if (before.grade !== after.grade || before.room !== after.room) return 'move-room';
  if (before.status !== after.status) return 'status';
  return 'update';
}

/** The stores saveStudents writes: a caller's own transaction must include them. */
export const studentTables = (db: TabianDb) => [db.students, db.audit, db.settings];

/** Synced edits being applied: record id → field → the clock the edit was made with. */
export type SyncedClocks = ReadonlyMap<string, ReadonlyMap<string, Hlc>>;

// The rows and audit entries that saving `parsed` over `olds` writes (unchanged records write nothing).
function changesOf(
  parsed: readonly Student[],
  olds: readonly (StudentRow | undefined)[],
  actor: Actor,
  note: string | null,
) {
  const rows: StudentRow[] = [];
  const entries: AuditEntry[] = [];
  parsed.forEach((next, i) => {
    const oldRow = olds[i];
    const before = oldRow ? toStudent(oldRow) : null;
    const entry = auditEntry(actor, before, next, actionFor(before, next), note);
    if (!entry) return;
    entries.push(entry);
    rows.push({ ...next, updatedAt: actor.now.toISOString(), revision: (oldRow?.revision ?? 0) + 1 });
  });
  return { rows, entries };
}

function stampClocks(entries: AuditEntry[], synced: SyncedClocks | undefined, clocks: readonly Hlc[]): void {
  if (synced) {
    for (const e of entries) e.changes = e.changes.map((c) => ({ ...c, hlc: synced.get(e.recordId)?.get(c.field) }));
  } else entries.forEach((e, i) => (e.hlc = clocks[i]));
}

/**
 * Saves students and their audit entries in one transaction: either all of it lands or none.
 * Each entry carries a fresh clock of this device (the audit log is its sync operation log); with
 * `synced`, the changes keep the clocks they were made with elsewhere instead.
 * Returns how many records actually changed. With encryption at rest on and no caller's transaction
 * around, the rows are sealed first and the transaction only checks and puts (saveSealedAhead).
 */
export async function saveStudents(
  db: TabianDb,
  students: Student[],
  actor: Actor,
  note: string | null = null,
  synced?: SyncedClocks,
): Promise<number> {
  const parsed = students.map((s) => studentSchema.parse(s));
  if (!Dexie.currentTransaction && vaultStatus().open) {
    const written = await saveSealedAhead(db, parsed, actor, note, synced);
    if (written !== null) return written;
  }
  return guarded(() =>
    db.transaction('rw', studentTables(db), async () => {
      const olds = await db.students.bulkGet(parsed.map((s) => s.id));
      const { rows, entries } = changesOf(parsed, olds, actor, note);
      stampClocks(entries, synced, synced ? [] : await tickClocks(db, entries.length, actor.now));
      await Promise.all([db.students.bulkPut(rows), db.audit.bulkAdd(entries)]);
      return rows.length;
    }),
  );
}

/**
 * Inside a caller's transaction over studentTables: saves students the caller has just read there
 * (`olds`, one per student), with clocks it has taken there, one per changed record at most.
 */
export async function saveReadStudents(
  db: TabianDb,
  students: Student[],
  olds: readonly (StudentRow | undefined)[],
  clocks: readonly Hlc[],
  actor: Actor,
  note: string | null,
): Promise<number> {
  const { rows, entries } = changesOf(
    students.map((s) => studentSchema.parse(s)),
    olds,
    actor,
    note,
  );
  stampClocks(entries, undefined, clocks);
  await Promise.all([db.students.bulkPut(rows), db.audit.bulkAdd(entries)]);
  return rows.length;
}

/** A save read, diffed and sealed before its transaction (decision 33), for applyPrepared inside it. */
interface PreparedSave {
  count: number;
  rows: StudentRow[];
  entries: AuditEntry[];
  revisionOf: ReadonlyMap<string, number>;
  /** The clocks the entries carry, claimed inside the transaction; none for synced edits. */
  peeked: { clocks: Hlc[]; seen: Hlc | null } | null;
}

/**
 * Decision 33: read, diff and seal (WebCrypto) before the transaction; applyPrepared then checks inside it
 * that no record changed since it was read (its revision, or its absence) and that no clock was given out
 * since (the entries' clocks are sealed inside them), and puts the sealed rows with the new clock: records,
 * entries and clock commit together or not at all, as in one transaction. Null when nothing would change.
 */
async function prepareStudentSave(
  db: TabianDb,
  parsed: readonly Student[],
  actor: Actor,
  note: string | null,
  synced?: SyncedClocks,
): Promise<PreparedSave | null> {
  const olds = await guarded(() => db.students.bulkGet(parsed.map((s) => s.id)));
  const { rows, entries } = changesOf(parsed, olds, actor, note);
  if (rows.length === 0) return null;
  const peeked = synced ? null : await guarded(() => peekClocks(db, entries.length, actor.now));
  if (!synced && !peeked) return null;
  stampClocks(entries, synced, peeked?.clocks ?? []);
  const [sealedRows, sealedEntries] = await Promise.all([
    presealRows(db, 'students', rows),
    presealRows(db, 'audit', entries),
  ]);
  return {
    count: rows.length,
    rows: sealedRows,
    entries: sealedEntries,
    revisionOf: new Map(olds.flatMap((o) => (o ? [[o.id, o.revision]] : []))),
    peeked,
  };
}

/** Inside a transaction over studentTables: false, writing nothing, when a record or the clock changed since. */
async function applyPrepared(db: TabianDb, p: PreparedSave): Promise<boolean> {
  const fresh = p.rows.filter((r) => !p.revisionOf.has(r.id)).map((r) => r.id);
  const known = p.rows.filter((r) => p.revisionOf.has(r.id)).map((r) => r.id);
  if (fresh.length && (await db.students.where('id').anyOf(fresh).primaryKeys()).length > 0) return false;
  if ((await db.students.bulkGet(known)).some((now, i) => now?.revision !== p.revisionOf.get(known[i]!))) return false;
  if (p.peeked && !(await claimClocks(db, p.peeked))) return false;
  await Promise.all([db.students.bulkPut(p.rows), db.audit.bulkAdd(p.entries)]);
  return true;
}

// Null when something changed since it was read: the caller then saves the ordinary way.
async function saveSealedAhead(
  db: TabianDb,
  parsed: readonly Student[],
  actor: Actor,
  note: string | null,
  synced?: SyncedClocks,
): Promise<number | null> {
  const prepared = await prepareStudentSave(db, parsed, actor, note, synced);
  if (!prepared) return null;
  return guarded(() =>
    db.transaction('rw', studentTables(db), async () => ((await applyPrepared(db, prepared)) ? prepared.count : null)),
  );
}

export const saveStudent = (
  db: TabianDb,
  student: Student,
  actor: Actor,
  note: string | null = null,
): Promise<number> => saveStudents(db, [student], actor, note);

/** Moves many students to one room at once; each move is audited. */
export async function moveStudents(
  db: TabianDb,
  ids: string[],
  grade: GradeCode,
  room: string,
  actor: Actor,
): Promise<number> {
  const current = (await guarded(() => db.students.bulkGet(ids))).filter((r): r is StudentRow => !!r).map(toStudent);
  return saveStudents(
    db,
    current.map((s) => ({ ...s, grade, room })),
    actor,
  );
}

/**
 * A student's history, newest first: its own entries and those of every record merged into it (a merge
 * keeps the dropped record's entries under its own id, since they are its sync log; decision 16).
 */
export async function historyOf(db: TabianDb, studentId: string): Promise<AuditEntry[]> {
  const entries = await guarded(async () => {
    const out: AuditEntry[] = [];
    const seen = new Set<string>();
    for (let ids = [studentId]; ids.length;) {
      ids.forEach((id) => seen.add(id));
      const found = await db.audit.where('recordId').anyOf(ids).toArray();
      out.push(...found);
      // A merge that was undone left its record back in the register: its history is its own again.
      const from = [...new Set(found.flatMap((e) => (e.mergedFrom && !seen.has(e.mergedFrom) ? [e.mergedFrom] : [])))];
      const back = new Set((await db.students.bulkGet(from)).flatMap((r) => (r ? [r.id] : [])));
      ids = from.filter((id) => !back.has(id));
    }
    return out;
  });
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
