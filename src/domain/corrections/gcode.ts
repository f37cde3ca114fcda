// Children without a citizen ID: who must be registered in the ministry's G-code system, and taking the
// G-code it issues into the record.
import { isGCode, normaliseIdInput } from '../ids';
import type { Student } from '../student/schema';

/** Active students with no usable number: an empty ID, type O (none), or type G without a valid G-code. */
export function needsGCode(s: Student): boolean {
  if (s.status !== 'active') return false;
  const no = normaliseIdInput(s.idNo);
  if (s.idType === 'G') return !isGCode(no);
  return no === '' && (s.idType === 'O' || s.idType === 'I');
}

export type GCodeResult = { ok: true; student: Student } | { ok: false; rule: 'gcode.format' };

/** The student with the issued G-code ("g 6442 0000 0001" is read as G644200000001), or why not. */
export function withGCode(s: Student, input: string): GCodeResult {
  const code = normaliseIdInput(input.trim()).toUpperCase();
  return isGCode(code) ? { ok: true, student: { ...s, idType: 'G', idNo: code } } : { ok: false, rule: 'gcode.format' };
}
