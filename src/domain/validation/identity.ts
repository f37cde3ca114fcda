import { checkId, isGCode, normaliseIdInput } from '../ids';
import type { Student } from '../student/schema';
import { finding, type Finding } from './catalogue';

/** id.missing, id.format, id.checksum, gcode.format. Passport, alien-card and other numbers have no known format. */
export function identityFindings(s: Student): Finding[] {
  const no = normaliseIdInput(s.idNo);
  if (no === '') return [finding('id.missing', s.id)];
  if (s.idType === 'I') {
    const { valid, idType, reason } = checkId(no);
    if (valid && idType === 'I') return [];
    return [finding(idType === 'I' && reason === 'checksum' ? 'id.checksum' : 'id.format', s.id)];
  }
  if (s.idType === 'G' && !isGCode(no)) return [finding('gcode.format', s.id)];
  return [];
}
