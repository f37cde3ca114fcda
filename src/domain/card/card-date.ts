// Dates on the Thai ID card: 8 ASCII digits YYYYMMDD in the Buddhist Era. People whose birth day or month is
// not registered carry 00 there, and life-long cards hold a non-date as the expiry.
import { daysInMonth, isIsoDate, toGregorianYear } from '../thai-date';

export interface CardDateParts {
  year: number;
  month: number | null;
  day: number | null;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "25550320" → "2012-03-20"; "25550000" → "2012-00-00" (month and day unknown); anything else → null. */
export function parseCardDate(text: string): string | null {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [be, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // Outside these years the digits are a placeholder (life-long cards write 99999999), not a date.
  if (be < 2400 || be > 2700 || month > 12 || (month === 0 && day !== 0)) return null;
  const year = toGregorianYear(be);
  if (day > (month === 0 ? 0 : daysInMonth(year, month))) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

/** The parts of a card date, with null for an unknown month or day. */
export function cardDateParts(date: string): CardDateParts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const zeroIsNull = (s: string): number | null => (Number(s) === 0 ? null : Number(s));
  return { year: Number(m[1]), month: zeroIsNull(m[2]!), day: zeroIsNull(m[3]!) };
}

/** The date as a real ISO date, or null when its month or day is unknown. */
export function completeCardDate(date: string | null): string | null {
  return date !== null && isIsoDate(date) ? date : null;
}
