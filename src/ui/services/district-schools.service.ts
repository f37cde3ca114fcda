// The district's school list: imported from a spreadsheet (MOE code, SMIS code, name).
import { appDb } from '../../db/database';
import { listSchools, saveSchools, type DistrictSchoolRow, type SchoolListSave } from '../../db/district-school-repo';
import type { SchoolListRead } from '../../domain/district/school-list';
import { SpreadsheetProblem } from '../../io/spreadsheet/problems';
// Components name these rows' types through the service, never through src/db (decision 0036).
export type { DistrictSchoolRow } from '../../db/district-school-repo';

export type SchoolListImport =
  | { ok: true; read: SchoolListRead; saved: SchoolListSave }
  | { ok: false; problem: 'list.no_columns' }
  | { ok: false; problem: 'file'; file: SpreadsheetProblem };

export async function importSchoolList(file: Blob, now: Date = new Date()): Promise<SchoolListImport> {
  const { readSchoolList } = await import('../../io/district/school-list');
  let read: SchoolListRead;
  try {
    read = readSchoolList(new Uint8Array(await file.arrayBuffer()));
  } catch (e) {
    if (e instanceof SpreadsheetProblem) return { ok: false, problem: 'file', file: e };
    throw e;
  }
  if (!read.found) return { ok: false, problem: 'list.no_columns' };
  return { ok: true, read, saved: await saveSchools(appDb(), read.schools, 'list', now) };
}

export const loadSchools = (): Promise<DistrictSchoolRow[]> => listSchools(appDb());
