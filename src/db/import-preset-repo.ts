import type { ImportPresetRow, TabianDb } from './database';
import { guarded } from './errors';

/** Saved column mappings, newest first. */
export async function listImportPresets(db: TabianDb): Promise<ImportPresetRow[]> {
  const rows = await guarded(() => db.importPresets.toArray());
  return rows.sort((a, b) => (a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0));
}

export async function saveImportPreset(db: TabianDb, preset: ImportPresetRow): Promise<void> {
  await guarded(() => db.importPresets.put(preset));
}

export async function deleteImportPreset(db: TabianDb, id: string): Promise<void> {
  await guarded(() => db.importPresets.delete(id));
}
