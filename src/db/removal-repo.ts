// Merging two records of one child and removing a record entered by mistake, each in one transaction with
// its audit entries; both keep every row they change as it was, so an undo restores the register exactly.
// The record that leaves gets a tombstone in its operation log (its audit entries), which sync carries.
import { diffRecords, type AuditEntry, type FieldChange } from '../domain/access/audit';
import { fieldDifferences, mergedStudent, type Side } from '../domain/student/merge';
import { relinkRows, RELATED_STORES, type RelatedRows } from '../domain/student/relink';
import {
  mergeBlocker,
  removalBlocker,
  TOMBSTONE_FIELD,
  type RemovalBlocker,
  type Tombstone,
} from '../domain/student/removal';
import { studentSchema } from '../domain/student/schema';
import { roundRecordSchema, type RoundRecord } from '../domain/year/round';
import type { StudentRow, TabianDb } from './database';
import { guarded, StorageError } from './errors';
import { tickClocks } from './op-log';
import type { Actor } from './student-repo';

export type RemovalProblem =
  RemovalBlocker | { kind: 'missing' } | { kind: 'changed-since' } | { kind: 'already-undone' };

export class RemovalRefused extends Error {
  constructor(readonly problem: RemovalProblem) {
    super(`refused: ${problem.kind}`);
    this.name = 'RemovalRefused';
  }
}

/** One transaction on removalTables; a refusal inside it reaches the caller as itself, not as a storage failure. */
async function inTransaction<T>(db: TabianDb, work: () => Promise<T>): Promise<T> {
  try {
    return await guarded(() => db.transaction('rw', removalTables(db), work));
  } catch (error) {
    if (error instanceof StorageError && error.cause instanceof RemovalRefused) throw error.cause;
    throw error;
  }
}

/** The stores a merge, removal or undo writes (and a synced tombstone, which re-points rows too). */
export const removalTables = (db: TabianDb) => [
  db.students,
  db.audit,
  db.settings,
  db.rounds,
  db.movements,
  db.measurements,
  db.corrections,
  db.findings,
  db.results,
  db.attendance,
  db.measureSessions,
];

const keyOf = (store: string, row: object): string =>
  String((row as Record<string, unknown>)[store === 'results' || store === 'attendance' ? 'key' : 'id']);
const table = (db: TabianDb, store: string) => db.table(store);

async function certifiedRounds(db: TabianDb): Promise<RoundRecord[]> {
  return (await db.rounds.toArray()).flatMap((r) => {
    const parsed = roundRecordSchema.safeParse(r);
    return parsed.success && parsed.data.certification ? [parsed.data] : [];
  });
}

async function relatedRows(db: TabianDb, ids: string[]): Promise<RelatedRows> {
  const by = (store: 'movements' | 'measurements' | 'corrections' | 'findings' | 'results') =>
    table(db, store).where('studentId').anyOf(ids).toArray();
  const [movements, measurements, corrections, findings, results, attendance, measureSessions] = await Promise.all([
    by('movements'),
    by('measurements'),
    by('corrections'),
    by('findings'),
    by('results'),
    db.attendance.toArray(),
    db.measureSessions.toArray(),
  ]);
  return { movements, measurements, corrections, findings, results, attendance, measureSessions } as RelatedRows;
}

/** Re-points `from`'s rows at `to`; returns each changed store's rows as they were and the keys written. */
export async function relinkStudent(
  db: TabianDb,
  from: string,
  to: string,
): Promise<{ before: Record<string, unknown[]>; written: Record<string, string[]> }> {
  const related = await relatedRows(db, [from, to]);
  const plan = relinkRows(related, from, to);
  const before: Record<string, unknown[]> = {};
  const written: Record<string, string[]> = {};
  for (const store of RELATED_STORES) {
    const touched = new Set([...plan.remove[store], ...plan.put[store].map((r) => keyOf(store, r))]);
    if (!touched.size) continue;
    before[store] = (related[store] as object[]).filter((r) => touched.has(keyOf(store, r)));
    written[store] = [...touched];
    await table(db, store).bulkDelete(plan.remove[store]);
    await table(db, store).bulkPut(plan.put[store]);
  }
  return { before, written };
}

const entry = (
  actor: Actor,
  recordId: string,
  action: AuditEntry['action'],
  changes: FieldChange[],
  note: string | null,
  extra: Partial<AuditEntry> = {},
): AuditEntry => ({
  id: actor.newId(),
  at: actor.now.toISOString(),
  userId: actor.userId,
  userName: actor.userName,
  recordType: 'student',
  recordId,
  action,
  changes,
  note,
  ...extra,
});
const tombstoneChange = (from: Tombstone | null, to: Tombstone | null): FieldChange => ({
  field: TOMBSTONE_FIELD,
  from,
  to,
});
const plain = ({ updatedAt: _u, revision: _r, ...s }: StudentRow) => studentSchema.parse(s);

/** Stamps fresh clocks on the entries (the audit log is the sync log) and stores them. */
async function addEntries(db: TabianDb, entries: AuditEntry[], now: Date): Promise<void> {
  const clocks = await tickClocks(db, entries.length, now);
  entries.forEach((e, i) => (e.hlc = clocks[i]));
  await db.audit.bulkAdd(entries);
}

/**
 * Merges `dropId` into `keepId`: the survivor takes each differing field from the side picked (defaults:
 * fieldDifferences), every row naming `dropId` moves to it, and `dropId` leaves with a tombstone.
 * Returns the id of the dropped record's merge entry (what undo takes).
 */
export async function mergeStudents(
  db: TabianDb,
  keepId: string,
  dropId: string,
  picks: Readonly<Record<string, Side>>,
  reason: string,
  actor: Actor,
): Promise<string> {
  return inTransaction(db, async () => {
    const [keepRow, dropRow] = await db.students.bulkGet([keepId, dropId]);
    if (!keepRow || !dropRow) throw new RemovalRefused({ kind: 'missing' });
    const blocker = mergeBlocker(keepId, dropId, await certifiedRounds(db), reason);
    if (blocker) throw new RemovalRefused(blocker);
    const keep = plain(keepRow);
    const merged = mergedStudent(
      keep,
      fieldDifferences(
        { student: keep, updatedAt: keepRow.updatedAt },
        { student: plain(dropRow), updatedAt: dropRow.updatedAt },
      ),
      picks,
    );
    const { before, written } = await relinkStudent(db, dropId, keepId);
    await db.students.put({ ...merged, updatedAt: actor.now.toISOString(), revision: keepRow.revision + 1 });
    await db.students.delete(dropId);
    const tomb: Tombstone = { kind: 'merged', into: keepId, reason: reason.trim() };
    const note = reason.trim() || null;
    const dropEntry = entry(actor, dropId, 'merge', [tombstoneChange(null, tomb)], note, {
      undo: {
        before: { ...before, students: [keepRow, dropRow] },
        written: { ...written, students: [keepId, dropId] },
      },
    });
    await addEntries(
      db,
      [dropEntry, entry(actor, keepId, 'merge', diffRecords(keep, merged), note, { mergedFrom: dropId })],
      actor.now,
    );
    return dropEntry.id;
  });
}

/** Removes a record entered by mistake (its other rows stay, for an undo); returns the removal entry's id. */
export async function removeStudent(db: TabianDb, id: string, reason: string, actor: Actor): Promise<string> {
  return inTransaction(db, async () => {
    const row = await db.students.get(id);
    if (!row) throw new RemovalRefused({ kind: 'missing' });
    const blocker = removalBlocker(id, await certifiedRounds(db), reason);
    if (blocker) throw new RemovalRefused(blocker);
    await db.students.delete(id);
    const e = entry(
      actor,
      id,
      'remove',
      [tombstoneChange(null, { kind: 'removed', reason: reason.trim() })],
      reason.trim(),
      {
        undo: { before: { students: [row] }, written: { students: [id] } },
      },
    );
    await addEntries(db, [e], actor.now);
    return e.id;
  });
}

/**
 * Undoes a merge or removal: every row it wrote goes back exactly as it was, and the record that left
 * comes back with its tombstone cleared. Refused once the survivor was edited since (that edit would be lost).
 */
export async function undoRemoval(db: TabianDb, entryId: string, actor: Actor): Promise<void> {
  return inTransaction(db, async () => {
    const done = await db.audit.get(entryId);
    if (!done?.undo || (done.action !== 'merge' && done.action !== 'remove'))
      throw new RemovalRefused({ kind: 'missing' });
    const again = await db.audit
      .where('recordId')
      .equals(done.recordId)
      .filter((e) => e.undoes === entryId)
      .count();
    if (again || (await db.students.get(done.recordId))) throw new RemovalRefused({ kind: 'already-undone' });
    const students = done.undo.before.students as StudentRow[];
    const keepBefore = students.find((s) => s.id !== done.recordId);
    const keepNow = keepBefore ? await db.students.get(keepBefore.id) : undefined;
    if (keepBefore && keepNow?.revision !== keepBefore.revision + 1)
      throw new RemovalRefused({ kind: 'changed-since' });
    for (const [store, keys] of Object.entries(done.undo.written)) {
      await table(db, store).bulkDelete(keys);
      await table(db, store).bulkPut(done.undo.before[store] ?? []);
    }
    const tomb = done.changes.find((c) => c.field === TOMBSTONE_FIELD)?.to as Tombstone;
    const entries = [entry(actor, done.recordId, 'restore', [tombstoneChange(tomb, null)], null, { undoes: entryId })];
    if (keepBefore && keepNow)
      entries.push(
        entry(actor, keepBefore.id, 'restore', diffRecords(plain(keepNow), plain(keepBefore)), null, {
          undoes: entryId,
        }),
      );
    await addEntries(db, entries, actor.now);
  });
}

/** The latest merge or removal of this record that can still be undone (its record is gone), or null. */
export async function lastRemoval(db: TabianDb, studentId: string): Promise<AuditEntry | null> {
  const entries = await guarded(() => db.audit.where('recordId').equals(studentId).toArray());
  const undone = new Set(entries.map((e) => e.undoes).filter(Boolean));
  const open = entries.filter((e) => e.undo && !undone.has(e.id)).sort((a, b) => (a.at < b.at ? 1 : -1));
  return open[0] ?? null;
}
