// How typed text is tidied before a student record is stored, and when an edit is a change of name.
import { normaliseIdInput } from '../ids';
import { fullName } from './names';
import type { Student } from './schema';

/** The text fields a person types whose stray spaces never mean anything. */
export const TIDIED_FIELDS = ['firstName', 'lastName', 'firstNameEn', 'lastNameEn', 'room', 'studentNo'] as const;

/** One space between words, none around them: "  มาลี   ใจดี " → "มาลี ใจดี". */
export const tidyText = (text: string): string => text.trim().replace(/\s+/g, ' ');

/** The record with its ID as digits only and its names, room and number free of stray spaces. */
export function tidyStudent(s: Student): Student {
  const out: Student = { ...s, idNo: normaliseIdInput(s.idNo) };
  for (const k of TIDIED_FIELDS) out[k] = tidyText(s[k]);
  return out;
}

/**
 * The stored name when the draft changes the prefix, first or last name (a change the audit asks a reason
 * for, e.g. a marriage or a court order), else null.
 */
export function renamedFrom(
  stored: Student | null,
  draft: Pick<Student, 'prefix' | 'firstName' | 'lastName'>,
): string | null {
  if (!stored) return null;
  const same =
    stored.prefix === draft.prefix && stored.firstName === draft.firstName && stored.lastName === draft.lastName;
  return same ? null : fullName(stored);
}
