// The cross-school duplicate list as an .xlsx file.
import { roundLabel } from '../../domain/calendar';
import { formatThaiDate } from '../../domain/thai-date';
import type { RoundCheck } from './district.service';
import { i18n, t } from '../i18n/i18n.svelte';
import { download } from './export.service';
import { districtSheetWords } from './district-sheet-words';

export async function exportDuplicates(check: RoundCheck): Promise<string> {
  const [{ xlsxBytes }, { duplicatesSheet }] = await Promise.all([
    import('../../io/export/book'),
    import('../../io/district/duplicates'),
  ]);
  const { academicYear, round } = check.ref;
  const title = t('dsheet.dup.title', {
    round: roundLabel(round, i18n.locale),
    year: academicYear,
    date: formatThaiDate(check.asOf, i18n.locale, 'long'),
  });
  const name = `${t('dsheet.dup.file')}-${academicYear}-${round}.xlsx`;
  download(xlsxBytes([duplicatesSheet(check.pairs, title, districtSheetWords())]), name);
  return name;
}
