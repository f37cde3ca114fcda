// Dates are stored as ISO Gregorian 'YYYY-MM-DD'; the Buddhist Era (BE = CE + 543) is for display and parsing only.
// Month names come from fixed tables, not Intl, so Node and every browser print the same text.
import { z } from 'zod';

const BE_OFFSET = 543;
const MONTHS_TH_SHORT = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
];
const MONTHS_TH_LONG = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
];
const MONTHS_EN_LONG = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTHS_EN_SHORT = MONTHS_EN_LONG.map((m) => m.slice(0, 3));

export const toBuddhistYear = (y: number): number => y + BE_OFFSET;
export const toGregorianYear = (be: number): number => be - BE_OFFSET;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function splitIso(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) ? { y, m: mo, d } : null;
}

function ymdOrThrow(iso: string): Ymd {
  const p = splitIso(iso);
  if (!p) throw new RangeError(`not an ISO date: "${iso}"`);
  return p;
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
const toIso = ({ y, m, d }: Ymd): string => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;

export function isIsoDate(s: string): boolean {
  return splitIso(s) !== null;
}

export const isoDateSchema = z.string().refine(isIsoDate, { message: 'expected a real date as YYYY-MM-DD' });

export function formatThaiDate(iso: string, locale: 'th' | 'en' = 'th', style: 'short' | 'long' = 'short'): string {
  const { y, m, d } = ymdOrThrow(iso);
  if (locale === 'en') return `${d} ${(style === 'long' ? MONTHS_EN_LONG : MONTHS_EN_SHORT)[m - 1]} ${y}`;
  return `${d} ${(style === 'long' ? MONTHS_TH_LONG : MONTHS_TH_SHORT)[m - 1]} ${toBuddhistYear(y)}`;
}

// Year heuristic: 4 digits ≥ 2400 are BE, below are CE; 2 digits are BE 25xx (DMC writes BE).
function gregorianFrom(yearText: string): number {
  const n = Number(yearText);
  if (yearText.length === 2) return toGregorianYear(2500 + n);
  return n >= 2400 ? toGregorianYear(n) : n;
}

const looseMonth = (s: string): string => s.replace(/[\s.,/-]/g, '').toLowerCase();
const MONTH_KEYS: ReadonlyMap<string, number> = new Map(
  [MONTHS_TH_SHORT, MONTHS_TH_LONG, MONTHS_EN_SHORT, MONTHS_EN_LONG].flatMap((names) =>
    names.map((name, i): [string, number] => [looseMonth(name), i + 1]),
  ),
);

function checked(y: number, m: number, d: number): string | null {
  const iso = toIso({ y, m, d });
  return y > 0 && isIsoDate(iso) ? iso : null;
}

/** "20/03/2555", "20-3-55", "10 มิ.ย. 2569", "10 มิถุนายน พ.ศ. 2569", "2555-03-20" → ISO Gregorian, or null. */
export function parseThaiDate(s: string): string | null {
  const text = s
    .trim()
    .replace(/[๐-๙]/g, (c) => String(c.charCodeAt(0) - 0x0e50))
    .replace(/(พ|ค)\.?\s*ศ\.?/g, ' ');
  const dmy = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4}|\d{2})$/.exec(text);
  if (dmy) return checked(gregorianFrom(dmy[3]!), Number(dmy[2]), Number(dmy[1]));
  const ymd = /^(\d{4})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})$/.exec(text);
  if (ymd) return checked(gregorianFrom(ymd[1]!), Number(ymd[2]), Number(ymd[3]));
  const named = /^(\d{1,2})\s*([^\d]+?)\s*(\d{4}|\d{2})$/.exec(text);
  const month = named ? MONTH_KEYS.get(looseMonth(named[2]!)) : undefined;
  if (named && month) return checked(gregorianFrom(named[3]!), month, Number(named[1]));
  return null;
}

// Days since 1970-01-01 by integer arithmetic (Hinnant's days_from_civil): no Date, no time zone.
function dayNumber({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** b − a in whole days. */
export function daysBetween(aIso: string, bIso: string): number {
  return dayNumber(ymdOrThrow(bIso)) - dayNumber(ymdOrThrow(aIso));
}

/** The calendar date `days` after `iso` (before, when negative): date arithmetic, no time zone can shift it. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Completed years and months. A monthly anniversary that does not exist (29 Feb, 31 Apr) falls on the
 * next day, so a 29 Feb child turns a year older on 1 Mar in common years.
 */
export function ageOn(birthIso: string, onIso: string): { years: number; months: number } {
  const b = ymdOrThrow(birthIso);
  const on = ymdOrThrow(onIso);
  if (onIso < birthIso) throw new RangeError(`${onIso} is before the birth date ${birthIso}`);
  const total = (on.y - b.y) * 12 + (on.m - b.m) - (on.d < b.d ? 1 : 0);
  return { years: Math.floor(total / 12), months: total % 12 };
}

// Thailand keeps UTC+7 all year (no daylight saving), so a school's local date and time follow from the instant
// alone, whatever time zone the device, the test machine or the CLI's host is set to. Taking the first ten
// characters of a UTC timestamp instead gives yesterday before 07:00 in Bangkok.
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000;

/** The wall clock in Bangkok at an instant (a Date or an ISO timestamp with its offset). */
export function localParts(instant: Date | string): { date: string; hh: string; mm: string; ss: string } {
  const ms = (typeof instant === 'string' ? new Date(instant) : instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`not a time: ${String(instant)}`);
  const shifted = new Date(ms + BANGKOK_OFFSET_MS);
  return {
    date: toIso({ y: shifted.getUTCFullYear(), m: shifted.getUTCMonth() + 1, d: shifted.getUTCDate() }),
    hh: pad(shifted.getUTCHours(), 2),
    mm: pad(shifted.getUTCMinutes(), 2),
    ss: pad(shifted.getUTCSeconds(), 2),
  };
}

/** The school's local calendar date (YYYY-MM-DD) at an instant: the one owner of "today" and of shown dates. */
export const localIsoDate = (instant: Date | string): string => localParts(instant).date;
