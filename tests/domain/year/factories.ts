// Test data for the school year: movements with every field, built from a few that matter.
import type { Movement, MovementKind } from '../../../src/domain/year/movement';

let n = 0;

export function aMovement(
  studentId: string,
  kind: MovementKind,
  effectiveOn: string,
  fields: Partial<Movement> = {},
): Movement {
  n++;
  return {
    id: `m${n}`,
    studentId,
    kind,
    effectiveOn,
    cause: kind === 'transfer-in' ? null : kind === 'death' ? 'death' : 'transfer',
    reason: 'ทดสอบ',
    school: '',
    districtConsultedOn: null,
    student: { prefix: 'เด็กหญิง', firstName: 'มาลี', lastName: 'ใจดี', sex: 'F', grade: '04', room: '1' },
    before: { status: 'active', enteredOn: null, grade: '04', room: '1' },
    recordedAt: `2026-06-01T03:00:${String(n % 60).padStart(2, '0')}.000Z`,
    recordedBy: { userId: 'u1', userName: 'ครูสมใจ' },
    reversedAt: null,
    reversedBy: null,
    reversalReason: null,
    ...fields,
  };
}

export const reversed = (m: Movement): Movement => ({
  ...m,
  reversedAt: '2026-06-20T03:00:00.000Z',
  reversedBy: { userId: 'u1', userName: 'ครูสมใจ' },
  reversalReason: 'บันทึกผิด',
});
