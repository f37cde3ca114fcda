// The district's survey of land and buildings as a workbook: one row per school, rows only (book.ts writes them).
import type { AssetsSummary } from '../../domain/assets/district';
import { localIsoDate } from '../../domain/thai-date';
import type { SheetSpec } from '../export/book';
import type { CellValue } from '../export/safe-cell';

export interface AssetsLine { code: string; name: string; assets: AssetsSummary | null }

/** The words of the workbook, in the interface language (the caller's catalogue). */
export interface AssetsWords { sheet: string; head: readonly string[]; notSent: string }

export function assetsSheets(lines: readonly AssetsLine[], title: string, words: AssetsWords): SheetSpec[] {
  const rows: CellValue[][] = lines.map(({ code, name, assets: a }) => (a
    ? [code, name, a.asOf, localIsoDate(a.certifiedAt), a.buildings, a.byCondition.good, a.byCondition.fair, a.byCondition.poor, a.byCondition.unknown,
      a.withoutRecentPhotos, a.classrooms.needed, a.classrooms.available, a.classrooms.shortage, a.equipmentCountedOn ?? '']
    : [code, name, words.notSent]));
  return [{ name: words.sheet, rows: [[title], [...words.head], ...rows] }];
}
