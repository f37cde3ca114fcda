// Exports: read the register, write the workbook (SheetJS is loaded only now, not with the app), and
// hand the file to the browser as a download.
import { appDb } from '../../db/database';
import { dismissedPairKeys } from '../../db/dismissed-repo';
import { loadProfile } from '../../db/profile-repo';
import { listStudents } from '../../db/student-repo';
import { loadAreaIndex } from '../../domain/areas/load';
import type { Student } from '../../domain/student/schema';
import { academicYearOf as academicYear } from '../../domain/calendar';
import { validateSchool } from '../../domain/validation/school';
import { areaExistsIn } from '../../domain/validation/student';
import { t } from '../i18n/i18n.svelte';
import { todayIso } from './clock';
import { schoolSheetWords } from './school-sheet-words';

export type ExportKind = 'students' | 'classes' | 'counts' | 'validation';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Saves bytes as a file through a temporary link; the browser asks where or uses Downloads. */
export function download(bytes: Uint8Array, fileName: string, type = XLSX_TYPE): void {
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export async function schoolInfo(): Promise<{ code: string; name: string }> {
  const profile = await loadProfile(appDb());
  return profile?.kind === 'school' ? { code: profile.moeCode, name: profile.nameTh } : { code: '', name: '' };
}

async function build(kind: ExportKind, students: Student[], now: Date): Promise<Uint8Array> {
  const [{ xlsxBytes }, reports, list] = await Promise.all([
    import('../../io/export/book'),
    import('../../io/export/reports'),
    import('../../io/export/student-list'),
  ]);
  const today = todayIso(now);
  const school = await schoolInfo();
  const title = t('ssheet.school_year', { school: school.name, year: academicYear(today) });
  if (kind === 'students') return list.studentListXlsx(students, school, await loadAreaIndex(), now, today);
  if (kind === 'classes')
    return xlsxBytes(reports.classListSheets(students, t('ssheet.class_list_title', { title }), schoolSheetWords()));
  if (kind === 'counts')
    return xlsxBytes([
      reports.countsSheet(students, t('ssheet.counts_title', { title, date: today }), schoolSheetWords()),
    ]);
  const areas = await loadAreaIndex();
  const active = students.filter((s) => s.status === 'active');
  const { findings } = validateSchool(active, {
    asOf: today,
    areaExists: areaExistsIn(areas),
    dismissedPairs: await dismissedPairKeys(appDb()),
  });
  return xlsxBytes(reports.validationSheets(active, findings, schoolSheetWords()));
}

/** Builds and downloads one export; returns its file name, or null when there are no students. */
export async function exportFile(kind: ExportKind, now: Date = new Date()): Promise<string | null> {
  const students = await listStudents(appDb());
  if (students.length === 0) return null;
  const bytes = await build(kind, students, now);
  const name = `${t(`export.file.${kind}`)}-${academicYear(todayIso(now))}.xlsx`;
  download(bytes, name);
  return name;
}
