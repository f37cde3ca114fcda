// The user's choice per group, and the records it means writing. New records get their ids here, at the
// moment of writing, so a preview can be thrown away without having used any.
import type { Student } from '../student/schema';
import type { ImportGroup, ImportPlan } from './plan';

export type GroupChoice = 'import' | 'skip';
export type Choices = Record<Exclude<ImportGroup, 'unchanged'>, GroupChoice>;

// A possible duplicate or a row with errors is only written when the user says so.
export const DEFAULT_CHOICES: Choices = { new: 'import', update: 'import', duplicate: 'skip', errors: 'skip' };

/** A row the import leaves out whatever the user chose, and why: it is reported, never dropped silently. */
export interface LeftOut {
  sheetRow: number;
  why: 'same-id' | 'unreadable';
}
export interface ToWrite {
  added: Student[];
  updated: Student[];
  leftOut: LeftOut[];
}

export function studentsToWrite(plan: ImportPlan, choices: Choices, newId: () => string): ToWrite {
  const added: Student[] = [];
  const updated: Student[] = [];
  const leftOut: LeftOut[] = [];
  for (const row of plan.rows) {
    if (row.group !== 'unchanged' && !row.importable)
      leftOut.push({ sheetRow: row.sheetRow, why: row.student ? 'same-id' : 'unreadable' });
    if (row.group === 'unchanged' || !row.importable || !row.result || choices[row.group] !== 'import') continue;
    if (row.existing) updated.push(row.result);
    else added.push({ ...row.result, id: newId(), status: 'active' });
  }
  return { added, updated, leftOut };
}
