// The district's panel of the schools' building surveys: from the summary stored with each school's latest
// accepted submission of the round, beside the district's list of schools (so those not sent show).
import { appDb } from '../../db/database';
import { listBundles } from '../../db/bundle-repo';
import { listSchools } from '../../db/district-school-repo';
import { summarySchema } from '../../domain/district/summary';
import type { AssetsLine } from '../../io/district/assets';
import { latestAccepted, type RoundRef } from './district.service';
import { t } from '../i18n/i18n.svelte';
import { download } from './export.service';
import { districtSheetWords } from './district-sheet-words';

export async function loadDistrictAssets(ref: RoundRef): Promise<AssetsLine[]> {
  const db = appDb();
  const [rows, schools] = await Promise.all([listBundles(db, { direction: 'in' }), listSchools(db)]);
  const lines = new Map<string, AssetsLine>(schools.map((s) => [s.code, { code: s.code, name: s.name, assets: null }]));
  for (const row of latestAccepted(rows, ref).values()) {
    const summary = summarySchema.safeParse(row.summary);
    lines.set(row.school, {
      code: row.school,
      name: row.schoolName,
      assets: summary.success ? (summary.data.assets ?? null) : null,
    });
  }
  return [...lines.values()].sort((a, b) => a.code.localeCompare(b.code));
}

export async function exportDistrictAssets(
  ref: RoundRef,
  lines: readonly AssetsLine[],
  title: string,
): Promise<string> {
  const [{ xlsxBytes }, { assetsSheets }] = await Promise.all([
    import('../../io/export/book'),
    import('../../io/district/assets'),
  ]);
  const name = `${t('dsheet.assets.file')}-${ref.academicYear}-${ref.round}.xlsx`;
  download(xlsxBytes(assetsSheets(lines, title, districtSheetWords())), name);
  return name;
}
