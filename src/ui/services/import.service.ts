// The import's reads and its one write: the register and saved layouts for the preview, then every
// chosen student with its audit entry in one transaction (saveStudents), all of it or nothing.
import { appDb } from '../../db/database';
import { dismissedPairKeys } from '../../db/dismissed-repo';
import { listImportPresets, saveImportPreset } from '../../db/import-preset-repo';
import { listStudents, saveStudents } from '../../db/student-repo';
import { studentsToWrite, type Choices } from '../../domain/import/choose';
import type { ImportPlan } from '../../domain/import/plan';
import type { Student } from '../../domain/student/schema';
import type { ColumnMapping } from '../../io/spreadsheet/layout';
import { newPreset, presetFromRow, type ImportPreset } from '../../io/spreadsheet/presets';
import { Importer } from '../../io/worker/client';
import { t } from '../i18n/i18n.svelte';
import { session } from '../state/session.svelte';

export interface ImportContext { register: Student[]; dismissed: string[]; presets: ImportPreset[] }

export async function loadImportContext(): Promise<ImportContext> {
  const db = appDb();
  const [register, dismissed, presets] = await Promise.all([listStudents(db), dismissedPairKeys(db), listImportPresets(db)]);
  return { register, dismissed: [...dismissed], presets: presets.map(presetFromRow) };
}

export async function rememberPreset(name: string, headers: readonly string[], mapping: ColumnMapping): Promise<ImportPreset> {
  const preset = newPreset(crypto.randomUUID(), name, headers, mapping, new Date());
  await saveImportPreset(appDb(), preset);
  return preset;
}

export const newImporter = (): Importer => new Importer();

export interface ImportOutcome { added: number; updated: number; total: number }

export async function commitImport(plan: ImportPlan, choices: Choices, fileName: string): Promise<ImportOutcome> {
  const { added, updated } = studentsToWrite(plan, choices, () => crypto.randomUUID());
  const db = appDb();
  if (added.length + updated.length > 0) {
    await saveStudents(db, [...added, ...updated], session.actor(), t('import.note', { name: fileName }));
  }
  return { added: added.length, updated: updated.length, total: (await listStudents(db)).length };
}
