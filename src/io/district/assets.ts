// The district's survey of land and buildings as a workbook: one row per school, rows only (book.ts writes them).
import type { AssetsSummary } from '../../domain/assets/district';
import { localIsoDate } from '../../domain/thai-date';
import type { SheetSpec } from '../export/book';
import type { CellValue } from '../export/safe-cell';

export interface AssetsLine { code: string; name: string; assets: AssetsSummary | null }

const HEAD = ['รหัสโรงเรียน', 'โรงเรียน', 'ข้อมูล ณ วันที่', 'รับรองเมื่อ', 'อาคาร', 'ดี', 'พอใช้', 'ทรุดโทรม', 'ไม่ระบุสภาพ', 'ไม่มีรูปใน 1 ปี', 'ห้องที่ต้องการ', 'ห้องที่มี', 'ขาด', 'นับครุภัณฑ์ล่าสุด'];

export function assetsSheets(lines: readonly AssetsLine[], title: string): SheetSpec[] {
  const rows: CellValue[][] = lines.map(({ code, name, assets: a }) => (a
    ? [code, name, a.asOf, localIsoDate(a.certifiedAt), a.buildings, a.byCondition.good, a.byCondition.fair, a.byCondition.poor, a.byCondition.unknown,
      a.withoutRecentPhotos, a.classrooms.needed, a.classrooms.available, a.classrooms.shortage, a.equipmentCountedOn ?? '']
    : [code, name, 'ยังไม่ส่ง']));
  return [{ name: 'อาคารและห้องเรียน', rows: [[title], HEAD, ...rows] }];
}
