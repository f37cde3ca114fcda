// Children without a citizen ID: the list for the ministry's G-code system, and saving an issued G-code.
import { appDb } from '../../db/database';
import { listStudents, saveStudent } from '../../db/student-repo';
import { loadAreaIndex } from '../../domain/areas/load';
import { needsGCode, withGCode } from '../../domain/corrections/gcode';
import type { Student } from '../../domain/student/schema';
import { t } from '../i18n/i18n.svelte';
import { session } from '../state/session.svelte';
import { download, schoolInfo } from './export.service';

export async function studentsNeedingGCode(): Promise<Student[]> {
  return (await listStudents(appDb())).filter(needsGCode);
}

/** Stores the G-code with an audit entry; false when it is not G + 12 digits. */
export async function saveGCode(student: Student, input: string): Promise<boolean> {
  const result = withGCode(student, input);
  if (!result.ok) return false;
  await saveStudent(appDb(), result.student, session.actor(), t('gcode.note'));
  return true;
}

export async function exportGCodeList(students: readonly Student[]): Promise<string> {
  const [{ xlsxBytes }, { gcodeSheet }] = await Promise.all([
    import('../../io/export/book'),
    import('../../io/export/reports'),
  ]);
  const name = `${t('gcode.file')}.xlsx`;
  download(xlsxBytes([gcodeSheet(students, await schoolInfo(), await loadAreaIndex())]), name);
  return name;
}
