// The cross-school duplicate list as a sheet: each pair on one row, both sides, and why.
import type { DistrictPair } from '../../domain/district/cross-check';
import { formatCitizenId } from '../../domain/ids';
import type { SheetSpec } from '../export/book';
import { beDate, gradeLabel } from '../export/labels';

const RULE = { 'id.duplicate': 'เลขประจำตัวซ้ำ', 'person.possible_duplicate': 'อาจเป็นคนเดียวกัน' } as const;

function side(p: DistrictPair['sides'][0]): string[] {
  const [, , idNo, prefix, first, last, , birth, grade] = p.row;
  return [p.school.code, p.school.name, formatCitizenId(idNo), `${prefix}${first} ${last}`.trim(), beDate(birth || null), gradeLabel(grade || null)];
}

export function duplicatesSheet(pairs: readonly DistrictPair[], title: string): SheetSpec {
  const sideHead = (n: string) => [`รหัสโรงเรียน ${n}`, `โรงเรียน ${n}`, `เลขประจำตัว ${n}`, `ชื่อ-นามสกุล ${n}`, `วันเกิด ${n}`, `ชั้น ${n}`];
  return {
    name: 'นักเรียนซ้ำซ้อนข้ามโรงเรียน',
    rows: [[title], ['ที่', 'ประเภท', ...sideHead('ก'), ...sideHead('ข'), 'เหตุผล', 'หมายเหตุการย้าย'],
      ...pairs.map((p, i) => [i + 1, RULE[p.rule], ...side(p.sides[0]), ...side(p.sides[1]), p.reason.th, p.note?.th ?? ''])],
  };
}
