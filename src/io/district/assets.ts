// The district's survey of land and buildings as a workbook: one row per school, rows only (book.ts writes them).
import type { AssetsSummary } from '../../domain/assets/district';
import { localIsoDate } from '../../domain/thai-date';
import type { SheetSpec } from '../export/book';
import type { CellValue } from '../export/safe-cell';
import type { DistrictSheetWords } from './words';

export interface AssetsLine {
  code: string;
  name: string;
  assets: AssetsSummary | null;
}

export function assetsSheets(lines: readonly AssetsLine[], title: string, words: DistrictSheetWords): SheetSpec[] {
  const { sheet, head: h } = words.assets;
  const head = [
    words.schoolCode,
    words.school,
    h.asOf,
    h.certifiedAt,
    h.buildings,
    h.good,
    h.fair,
    h.poor,
    h.unknown,
    h.noPhotos,
    h.needed,
    h.available,
    h.shortage,
    h.equipment,
  ];
  const rows: CellValue[][] = lines.map(({ code, name, assets: a }) =>
    a
      ? [
          code,
          name,
          a.asOf,
          localIsoDate(a.certifiedAt),
          a.buildings,
          a.byCondition.good,
          a.byCondition.fair,
          a.byCondition.poor,
          a.byCondition.unknown,
          a.withoutRecentPhotos,
          a.classrooms.needed,
          a.classrooms.available,
          a.classrooms.shortage,
          a.equipmentCountedOn ?? '',
        ]
      : [code, name, words.notSent],
  );
  return [{ name: sheet, rows: [[title], head, ...rows] }];
}
