import { diffRecords, type AuditEntry } from '../domain/access/audit';
import type { Student } from '../domain/student/schema';
import { movementHistory, movementSchema, type Movement } from '../domain/year/movement';
import { parseUpgraded } from '../domain/record-history';
import { reverseMovement, type Recorded } from '../domain/year/movement-draft';
import { movementNote, reversalNote } from '../domain/year/notes';
import { studentSchema } from '../domain/student/schema';
import type { TabianDb } from './database';
import { guarded } from './errors';
import { saveStudents, studentTables, type Actor } from './student-repo';

const parse = (rows: unknown[]): Movement[] => rows.map((r) => parseUpgraded(movementHistory, movementSchema, r));

export async function listMovements(db: TabianDb): Promise<Movement[]> {
  return parse(await guarded(() => db.movements.toArray()));
}

export async function movementsOf(db: TabianDb, studentId: string): Promise<Movement[]> {
  return parse(await guarded(() => db.movements.where('studentId').equals(studentId).toArray()));
}

/** Removes records with an audit entry each (every field → null); call inside a transaction on students and audit. */
export async function removeStudentsAudited(
  db: TabianDb,
  students: readonly Student[],
  actor: Actor,
  note: string,
): Promise<void> {
  const entries: AuditEntry[] = students.map((s) => ({
    id: actor.newId(),
    at: actor.now.toISOString(),
    userId: actor.userId,
    userName: actor.userName,
    recordType: 'student',
    recordId: s.id,
    action: 'status',
    changes: diffRecords(s, null),
    note,
  }));
  await db.students.bulkDelete(students.map((s) => s.id));
  await db.audit.bulkAdd(entries);
}

/** Stores a movement with the record it changes and the audit entry, in one transaction. */
export async function saveMovement(db: TabianDb, recorded: Recorded, actor: Actor): Promise<void> {
  const movement = movementSchema.parse(recorded.movement);
  await guarded(() =>
    db.transaction('rw', [...studentTables(db), db.movements], async () => {
      await saveStudents(db, [recorded.student], actor, movementNote(movement));
      await db.movements.add(movement);
    }),
  );
}

/**
 * Reverses a movement: the movement keeps who reversed it and when, the record is put back (or removed,
 * if the movement created it), and the audit log gets its own entry, all in one transaction.
 */
export async function reverseStoredMovement(
  db: TabianDb,
  movementId: string,
  reason: string,
  actor: Actor,
): Promise<Movement> {
  return guarded(() =>
    db.transaction('rw', [...studentTables(db), db.movements], async () => {
      const movement = movementSchema.parse(await db.movements.get(movementId));
      const history = parse(await db.movements.where('studentId').equals(movement.studentId).toArray());
      const row = await db.students.get(movement.studentId);
      const stored = row ? studentSchema.parse(row) : null;
      const by = { userId: actor.userId, userName: actor.userName };
      const reversal = reverseMovement(movement, stored, history, { at: actor.now.toISOString(), by, reason });
      const note = reversalNote(reversal.movement);
      if (reversal.student) await saveStudents(db, [reversal.student], actor, note);
      else if (stored) await removeStudentsAudited(db, [stored], actor, note);
      await db.movements.put(reversal.movement);
      return reversal.movement;
    }),
  );
}
