// Starting a new academic year and undoing it: every record, movement and the undo record in one transaction.
import { studentSchema } from '../domain/student/schema';
import { incomingSchema } from '../domain/year/incoming';
import { movementSchema } from '../domain/year/movement';
import { yearStartKey, yearStartSchema, type AppliedYear, type YearStart } from '../domain/year/new-year';
import { newYearNote, newYearUndoNote } from '../domain/year/notes';
import type { NewYearPlan } from '../domain/year/promotion';
import type { TabianDb } from './database';
import { guarded } from './errors';
import { removeStudentsAudited } from './movement-repo';
import { saveStudents, studentTables, type Actor } from './student-repo';

export class YearStartError extends Error {
  constructor(
    readonly problem: 'already-started' | 'not-started' | 'changed-since',
    readonly ids: string[] = [],
  ) {
    super(`new year: ${problem}`);
    this.name = 'YearStartError';
  }
}

const tables = (db: TabianDb) => [...studentTables(db), db.movements, db.rounds, db.incoming];

export async function applyNewYear(
  db: TabianDb,
  plan: NewYearPlan,
  applied: AppliedYear,
  actor: Actor,
): Promise<YearStart> {
  const key = yearStartKey(plan.toYear);
  const by = { userId: actor.userId, userName: actor.userName };
  const outcome = await guarded(() =>
    db.transaction('rw', tables(db), async (): Promise<YearStart | YearStartError> => {
      const existing = await db.rounds.get(key);
      if (existing && existing.round === 'start' && !existing.undoneAt) return new YearStartError('already-started');
      await saveStudents(db, applied.students, actor, newYearNote(plan.toYear));
      await db.movements.bulkAdd(applied.movements.map((m) => movementSchema.parse(m)));
      await db.incoming.bulkPut(applied.enrolled.map((i) => incomingSchema.parse(i)));
      const ids = applied.students.map((s) => s.id);
      const rows = await db.students.bulkGet(ids);
      const record: YearStart = yearStartSchema.parse({
        key,
        academicYear: plan.toYear,
        round: 'start',
        fromYear: plan.fromYear,
        effectiveOn: plan.effectiveOn,
        appliedAt: actor.now.toISOString(),
        appliedBy: by,
        before: applied.before,
        created: applied.created,
        movementIds: applied.movements.map((m) => m.id),
        revisions: Object.fromEntries(rows.map((r, i) => [ids[i]!, r?.revision ?? 0])),
        undoneAt: null,
        undoneBy: null,
      });
      await db.rounds.put(record);
      return record;
    }),
  );
  if (outcome instanceof YearStartError) throw outcome;
  return outcome;
}

/** Puts every record back as it was; refused when one of them was edited since (the edit would be lost). */
export async function undoNewYear(db: TabianDb, toYear: number, actor: Actor): Promise<YearStart> {
  const by = { userId: actor.userId, userName: actor.userName };
  const at = actor.now.toISOString();
  // Refusals are returned, not thrown, so that guarded() does not report them as storage failures.
  const outcome = await guarded(() =>
    db.transaction('rw', tables(db), async (): Promise<YearStart | YearStartError> => {
      const row = await db.rounds.get(yearStartKey(toYear));
      if (!row || row.round !== 'start' || row.undoneAt) return new YearStartError('not-started');
      const record = yearStartSchema.parse(row);
      const ids = Object.keys(record.revisions);
      const now = await db.students.bulkGet(ids);
      const changed = ids.filter((id, i) => now[i]?.revision !== record.revisions[id]);
      if (changed.length) return new YearStartError('changed-since', changed);
      const note = newYearUndoNote(toYear);
      await saveStudents(db, record.before, actor, note);
      const created = now.filter((r, i) => r && record.created.includes(ids[i]!)).map((r) => studentSchema.parse(r));
      await removeStudentsAudited(db, created, actor, note);
      const movements = await db.movements.bulkGet(record.movementIds);
      await db.movements.bulkPut(
        movements.flatMap((m) => (m ? [{ ...m, reversedAt: at, reversedBy: by, reversalReason: note }] : [])),
      );
      const incoming = await db.incoming.bulkGet(record.created);
      await db.incoming.bulkPut(incoming.flatMap((i) => (i ? [{ ...i, enrolledAt: null }] : [])));
      const undone = { ...record, undoneAt: at, undoneBy: by };
      await db.rounds.put(undone);
      return undone;
    }),
  );
  if (outcome instanceof YearStartError) throw outcome;
  return outcome;
}
