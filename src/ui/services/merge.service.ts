// Merging two records of one child and removing a record entered by mistake (decision 16): loads what the
// merge screen compares, calls the one-transaction writes, and turns a refusal into its Thai message.
import { appDb } from '../../db/database';
import { lastRemoval, mergeStudents, RemovalRefused, removeStudent, undoRemoval } from '../../db/removal-repo';
import { listRoundRows } from '../../db/round-repo';
import type { AuditEntry } from '../../domain/access/audit';
import type { Dated, Side } from '../../domain/student/merge';
import { certifiedIds } from '../../domain/student/removal';
import { studentSchema } from '../../domain/student/schema';
import { roundLabel, type RoundId } from '../../domain/calendar';
import { i18n } from '../i18n/i18n.svelte';
import type { MessageKey } from '../i18n/th';
import { session } from '../state/session.svelte';
import { problemKey } from './errors';

export interface Pair {
  a: Dated;
  b: Dated;
  certified: Set<string>;
}

async function dated(id: string): Promise<Dated | null> {
  const row = await appDb().students.get(id);
  return row ? { student: studentSchema.parse(row), updatedAt: row.updatedAt } : null;
}

/** Both records with when each was last saved, and which ids certified rounds hold; null if one is gone. */
export async function loadPair(a: string, b: string): Promise<Pair | null> {
  const [x, y, rounds] = await Promise.all([dated(a), dated(b), listRoundRows(appDb())]);
  return x && y ? { a: x, b: y, certified: certifiedIds(rounds.rounds) } : null;
}

export const mergePair = (keepId: string, dropId: string, picks: Record<string, Side>): Promise<string> =>
  mergeStudents(appDb(), keepId, dropId, picks, '', session.actor());
export const removeRecord = (id: string, reason: string): Promise<string> =>
  removeStudent(appDb(), id, reason, session.actor());
export const undoLast = (entryId: string): Promise<void> => undoRemoval(appDb(), entryId, session.actor());
export const lastRemovalOf = (id: string): Promise<AuditEntry | null> => lastRemoval(appDb(), id);

// "2569/term1" → "ภาคเรียนที่ 1/2569".
function keyLabel(key: string): string {
  const [year, round] = key.split('/');
  return `${roundLabel(round as RoundId, i18n.locale)}/${year}`;
}

/** What the user is told when a merge, removal or undo fails. */
export function removalProblem(error: unknown): { key: MessageKey; rounds?: string } {
  if (!(error instanceof RemovalRefused)) return { key: problemKey(error) };
  const p = error.problem;
  switch (p.kind) {
    case 'certified':
      return { key: 'removal.certified', rounds: p.rounds.map(keyLabel).join(', ') };
    case 'no-reason':
      return { key: 'removal.no_reason' };
    case 'same-record':
      return { key: 'removal.same_record' };
    case 'missing':
      return { key: 'removal.missing' };
    case 'changed-since':
      return { key: 'removal.changed_since' };
    case 'already-undone':
      return { key: 'removal.already_undone' };
  }
}
