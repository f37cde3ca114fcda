// Small display helpers shared by the movements, confirm and reports screens.
import { gradeByCode, type GradeCode } from '../../domain/codes';
import { formatThaiDate, localParts } from '../../domain/thai-date';
import { i18n } from '../i18n/i18n.svelte';

/** "ป.1" ("P1" in English); a missing grade is "–". */
export const gradeLabel = (grade: GradeCode | null): string =>
  grade ? i18n.codeLabel('grade', grade, gradeByCode(grade)?.label ?? grade) : '–';

/** "ป.1/2"; a record without a grade shows only its room. */
export function className(grade: GradeCode | null, room: string): string {
  const g = gradeLabel(grade);
  return room ? `${g}/${room}` : g;
}

export const shortDate = (iso: string): string => formatThaiDate(iso, i18n.locale);
export const longDate = (iso: string): string => formatThaiDate(iso, i18n.locale, 'long');

/** A stored time (ISO with offset) as the school's local date and time. */
export function dateTime(iso: string): string {
  const { date, hh, mm } = localParts(iso);
  return `${shortDate(date)} ${hh}:${mm}`;
}

export { clockTime } from './clock-time';
