// The cross-school duplicate list as an .xlsx file.
import { roundLabel } from '../../domain/calendar';
import { formatThaiDate } from '../../domain/thai-date';
import type { RoundCheck } from './district.service';
import { download } from './export.service';
import { districtSheetWords } from './district-sheet-words';

export async function exportDuplicates(check: RoundCheck): Promise<string> {
  const [{ xlsxBytes }, { duplicatesSheet }] = await Promise.all([import('../../io/export/book'), import('../../io/district/duplicates')]);
  const { academicYear, round } = check.ref;
  const title = `นักเรียนซ้ำซ้อนข้ามโรงเรียน ${roundLabel(round)} ปีการศึกษา ${academicYear} ข้อมูล ณ ${formatThaiDate(check.asOf, 'th', 'long')}`;
  const name = `นักเรียนซ้ำซ้อน-${academicYear}-${round}.xlsx`;
  download(xlsxBytes([duplicatesSheet(check.pairs, title, districtSheetWords())]), name);
  return name;
}
