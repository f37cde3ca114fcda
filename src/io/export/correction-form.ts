// แบบแจ้งแก้ไขเลขประจำตัวประชาชน: one request as a sheet the district can read and file.
import { formatCitizenId } from '../../domain/ids';
import type { CorrectionRequest } from '../../domain/corrections/request';
import type { SheetSpec } from './book';
import { beDateTime } from './labels';

const STATUS: Record<CorrectionRequest['status'], string> = { drafted: 'ร่าง', sent: 'ส่งแล้ว', corrected: 'แก้ไขแล้ว' };

export function correctionSheet(r: CorrectionRequest, schoolName: string, now: Date): SheetSpec {
  return {
    name: 'แบบแจ้งแก้ไข',
    rows: [
      ['แบบแจ้งแก้ไขเลขประจำตัวประชาชนของนักเรียนในระบบ DMC'],
      [],
      ['โรงเรียน', schoolName],
      ['รหัสโรงเรียน', r.schoolCode],
      ['ชื่อ - นามสกุลนักเรียน', r.studentName],
      ['เลขประจำตัวที่ผิด (ใน DMC)', formatCitizenId(r.wrongId)],
      ['เลขประจำตัวที่ถูกต้อง', formatCitizenId(r.correctId)],
      ['หมายเหตุ', r.note],
      ['หลักฐานที่แนบ', r.evidence.map((e, i) => `${i + 1}. ${evidenceFileName(i, e.name)}`).join('\n')],
      ['สถานะ', STATUS[r.status]],
      ['วันที่จัดทำ', beDateTime(now)],
    ],
    widths: [28, 60],
  };
}

/** The evidence's name inside the zip: numbered, so two "image.jpg" from a camera never collide. */
export function evidenceFileName(index: number, name: string): string {
  const clean = name.replace(/[\\/:*?"<>|]/g, '-').trim() || 'file';
  return `หลักฐาน-${index + 1}-${clean}`;
}
