import { checkId, isGCode, normaliseIdInput } from '../ids';
import type { Student } from '../student/schema';
import { finding, type Finding } from './catalogue';

/**
 * id.missing, id.format, id.checksum, gcode.format, id.check_overridden. A 13-digit number is a citizen ID
 * whatever the ID type says (a record imported without an ID is type O, and the number typed later must
 * still be checked). Passport, alien-card and other numbers have no known format.
 */
export function identityFindings(s: Student): Finding[] {
  const no = normaliseIdInput(s.idNo);
  if (no === '') return [finding('id.missing', s.id)];
  if (s.idType === 'I' || /^\d{13}$/.test(no)) {
    const { valid, idType, reason } = checkId(no);
    // A good citizen ID under type G is still not a G-code: the type is wrong.
    if (valid && idType === 'I') return s.idType === 'G' ? [finding('gcode.format', s.id)] : [];
    // Only an explicit, reasoned override of this very number turns the error into a warning.
    if (idType === 'I' && s.idOverride && normaliseIdInput(s.idOverride.idNo) === no) {
      return [finding('id.check_overridden', s.id)];
    }
    return [finding(idType === 'I' && reason === 'checksum' ? 'id.checksum' : 'id.format', s.id)];
  }
  if ((s.idType === 'G' || /^G/.test(no)) && !isGCode(no)) return [finding('gcode.format', s.id)];
  return [];
}
