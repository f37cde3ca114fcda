import { correctionSchema } from '../domain/corrections/request';
import type { CorrectionRow, TabianDb } from './database';
import { guarded } from './errors';

// The request's own fields are checked like any record read back; the evidence bytes ride along.
function checked(row: CorrectionRow): CorrectionRow {
  const { evidence, ...rest } = row;
  const parsed = correctionSchema.parse({ ...rest, evidence: evidence.map(({ bytes: _bytes, ...meta }) => meta) });
  return { ...parsed, evidence };
}

/** Every request, newest first. */
export async function listCorrections(db: TabianDb): Promise<CorrectionRow[]> {
  const rows = await guarded(() => db.corrections.toArray());
  return rows.map(checked).sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export async function getCorrection(db: TabianDb, id: string): Promise<CorrectionRow | null> {
  const row = await guarded(() => db.corrections.get(id));
  return row ? checked(row) : null;
}

export async function saveCorrection(db: TabianDb, row: CorrectionRow): Promise<void> {
  const valid = checked(row);
  await guarded(() => db.corrections.put(valid));
}

export async function deleteCorrection(db: TabianDb, id: string): Promise<void> {
  await guarded(() => db.corrections.delete(id));
}
