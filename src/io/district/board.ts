// The round's status board as a sheet: one school a row, with its findings series (decision 18).
import type { BoardRow } from '../../domain/district/board';
import type { SheetSpec } from '../export/book';
import { beDate } from '../export/labels';

const STATUS = {
  'not-submitted': 'ยังไม่ส่ง', submitted: 'ส่งแล้ว รอตรวจ', confirmed: 'ยืนยันแล้ว', certified: 'รับรองแล้ว', acknowledged: 'เขตรับทราบแล้ว',
} as const;

/** `notCounted`: the caller's heading and, by school code, why the round's reports do not count that school. */
export interface NotCountedColumn { head: string; why: ReadonlyMap<string, string> }

export function boardSheet(rows: readonly BoardRow[], title: string, localDate: (iso: string) => string, notCounted: NotCountedColumn): SheetSpec {
  return {
    name: 'สถานะการส่งข้อมูล',
    rows: [[title], [
      'รหัสโรงเรียน', 'โรงเรียน', 'สถานะ', 'ลำดับที่ส่ง', 'นักเรียน (คน)', 'ส่งช้า', 'ไฟล์พักไว้', 'ไฟล์ถูกปฏิเสธ', 'ยังไม่ได้รับลำดับที่',
      'รับทราบเมื่อ', 'ข้อสังเกต (รายการ)', 'ส่งผลการตรวจแล้ว (ไฟล์)', 'ข้อสังเกตใหม่หลังรับทราบ', 'โรงเรียนตอบแล้ว (รายการ)', notCounted.head,
    ], ...rows.map((r) => [
      r.school.code, r.school.name, STATUS[r.status], r.latest?.sequence ?? '', r.latest?.summary.students ?? '', r.late ? 'ส่งช้า' : '',
      r.held, r.rejected, r.missing.join(', '), r.acknowledgedAt ? beDate(localDate(r.acknowledgedAt)) : '',
      r.series?.open ?? '', r.series?.sent.length ?? '', r.series?.acknowledged ? r.series.fresh.length : '', r.replies.length,
      notCounted.why.get(r.school.code) ?? '',
    ])],
  };
}
