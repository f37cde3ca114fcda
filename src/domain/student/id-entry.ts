// What a save does with the ID a user typed: the type follows the number (13 digits → citizen ID,
// G + 12 digits → G-code) whatever the record said before, and a 13-digit number that fails its check
// is stored only with an explicit override that names this number and gives a reason.
import { checkId, idTypeOfNumber, normaliseIdInput } from '../ids';
import type { Student } from './schema';

/** Whether `s` holds a 13-digit number that fails the citizen-ID check. */
export function failsCitizenCheck(idNo: string): boolean {
  const no = normaliseIdInput(idNo);
  return /^\d{13}$/.test(no) && !checkId(no).valid;
}

/** The record as it should be stored: ID tidied, type following the number, a stale override dropped. */
export function settleIdentity(s: Student): Student {
  const idNo = normaliseIdInput(s.idNo);
  const idType = idTypeOfNumber(idNo, s.idType);
  const { idOverride, ...rest } = s;
  const keep =
    idOverride &&
    failsCitizenCheck(idNo) &&
    normaliseIdInput(idOverride.idNo) === idNo &&
    idOverride.reason.trim() !== '';
  return keep
    ? { ...rest, idNo, idType, idOverride: { idNo, reason: idOverride.reason.trim() } }
    : { ...rest, idNo, idType };
}

/** True when saving would store a failing citizen ID without a reasoned override of that very number. */
export function needsIdOverride(s: Student): boolean {
  const settled = settleIdentity(s);
  return failsCitizenCheck(settled.idNo) && !settled.idOverride;
}
