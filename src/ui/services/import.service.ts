// The import's reads and its one write: the register and saved layouts for the preview, then every
// chosen student with its audit entry in one transaction (saveStudents), all of it or nothing.
import { blobBytes } from '../../db/blob-bytes';
import { appDb } from '../../db/database';
import { dismissedPairKeys } from '../../db/dismissed-repo';
import { listImportPresets, saveImportPreset } from '../../db/import-preset-repo';
import { loadProfile } from '../../db/profile-repo';
import { countStudents, listStudents, saveStudents } from '../../db/student-repo';
import { studentsToWrite, type Choices, type LeftOut } from '../../domain/import/choose';
import type { ImportPlan } from '../../domain/import/plan';
import type { Student } from '../../domain/student/schema';
import type { ColumnMapping } from '../../io/spreadsheet/layout';
import { newPreset, presetFromRow, type ImportPreset } from '../../io/spreadsheet/presets';
import { Importer } from '../../io/worker/client';
import { t } from '../i18n/i18n.svelte';
import { session } from '../state/session.svelte';

export interface Register {
  students: Student[];
  dismissed: string[];
}

export async function loadPresets(): Promise<ImportPreset[]> {
  return (await listImportPresets(appDb())).filter((p) => p.target !== 'staff').map(presetFromRow);
}

/** What the file is compared with; read while the worker parses the file. */
export async function loadRegister(): Promise<Register> {
  const db = appDb();
  const [students, dismissed] = await Promise.all([listStudents(db), dismissedPairKeys(db)]);
  return { students, dismissed: [...dismissed] };
}

export async function rememberPreset(
  name: string,
  headers: readonly string[],
  mapping: ColumnMapping,
): Promise<ImportPreset> {
  const preset = newPreset(crypto.randomUUID(), name, headers, mapping, new Date());
  await saveImportPreset(appDb(), preset);
  return preset;
}

export const newImporter = (): Importer => new Importer();

export interface ImportOutcome {
  added: number;
  updated: number;
  total: number;
  /** Rows no choice could import (an ID twice in the file, an unreadable row). */
  leftOut: LeftOut[];
  /** Texts written records keep because they fit no field value (student.unmatched), by record path. */
  kept: { field: string; value: string; count: number }[];
}

// The kept texts of the written records, each field and text once with how many records keep it.
function keptTexts(students: readonly Student[]): ImportOutcome['kept'] {
  const counts = new Map<string, { field: string; value: string; count: number }>();
  for (const s of students) {
    for (const [field, value] of Object.entries(s.unmatched ?? {})) {
      const k = `${field}\u0000${value}`;
      const had = counts.get(k);
      if (had) had.count++;
      else counts.set(k, { field, value, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count);
}

export async function commitImport(plan: ImportPlan, choices: Choices, fileName: string): Promise<ImportOutcome> {
  const { added, updated, leftOut } = studentsToWrite(plan, choices, () => crypto.randomUUID());
  const db = appDb();
  if (added.length + updated.length > 0) {
    await saveStudents(db, [...added, ...updated], session.actor(), t('import.note', { name: fileName }));
  }
  return {
    added: added.length,
    updated: updated.length,
    total: await countStudents(db),
    leftOut,
    kept: keptTexts([...added, ...updated]),
  };
}

/** The codes DMC may write in a file of this school (10-digit MOE code, 8-digit SMIS code). */
export async function deviceSchoolCodes(): Promise<string[]> {
  const profile = await loadProfile(appDb());
  return profile?.kind === 'school' ? [profile.moeCode, profile.smisCode].filter((c) => c !== '') : [];
}

/** A file's bytes (FileReader where Blob.arrayBuffer is missing). */
export const fileBytes = (file: Blob): Promise<ArrayBuffer> => blobBytes(file);
