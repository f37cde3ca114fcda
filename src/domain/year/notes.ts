// The notes the audit log keeps beside a change the school year made (data, so in Thai like DMC's own).
import type { Movement, MovementKind } from './movement';

const KIND_TH: Record<MovementKind, string> = {
  'transfer-in': 'รับย้ายเข้า',
  'transfer-out': 'ย้ายออก',
  withdrawal: 'จำหน่าย',
  dropout: 'ออกกลางคัน',
  death: 'ถึงแก่กรรม',
  graduation: 'สำเร็จการศึกษา',
};

export const movementNote = (m: Movement): string =>
  `${KIND_TH[m.kind]} มีผล ${m.effectiveOn}${m.school ? ` (${m.school})` : ''}: ${m.reason}`;

export const reversalNote = (m: Movement): string =>
  `ยกเลิก${KIND_TH[m.kind]} มีผล ${m.effectiveOn}${m.reversalReason ? `: ${m.reversalReason}` : ''}`;

export const newYearNote = (toYear: number): string => `เริ่มปีการศึกษา ${toYear}`;
export const newYearUndoNote = (toYear: number): string => `ยกเลิกการเริ่มปีการศึกษา ${toYear}`;
