// Small display helpers shared by the movements, confirm and reports screens.
import { gradeByCode, type GradeCode } from '../../domain/codes';
import { formatThaiDate } from '../../domain/thai-date';
import { i18n } from '../i18n/i18n.svelte';

/** "ป.1/2"; a record without a grade shows only its room. */
export function className(grade: GradeCode | null, room: string): string {
  const g = grade ? gradeByCode(grade)?.label ?? grade : '–';
  return room ? `${g}/${room}` : g;
}

export const gradeLabel = (grade: GradeCode | null): string => (grade ? gradeByCode(grade)?.label ?? grade : '–');

export const shortDate = (iso: string): string => formatThaiDate(iso, i18n.locale);
export const longDate = (iso: string): string => formatThaiDate(iso, i18n.locale, 'long');

/** A stored time (ISO with offset) as the device's date and time. */
export function dateTime(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${shortDate(day)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
