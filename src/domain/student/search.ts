// Class-list order and as-you-type search. Thai rosters sort by given name; ICU's Thai collation puts
// leading vowels (เ แ โ ใ ไ) under their consonant, which plain code-point order does not.
import { normaliseIdInput } from '../ids';
import type { Student } from './schema';

const collator = new Intl.Collator('th', { numeric: true });

/** First name, then last name, then the school's student number, then id (so the order is total). */
export function compareStudentsThai(a: Student, b: Student): number {
  return (
    collator.compare(a.firstName, b.firstName) ||
    collator.compare(a.lastName, b.lastName) ||
    collator.compare(a.studentNo, b.studentNo) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function sortStudentsThai(students: readonly Student[]): Student[] {
  return [...students].sort(compareStudentsThai);
}

const ZERO_WIDTH = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;

// Typed Thai varies invisibly: nikhahit + sara aa looks like sara am; Thai digits stand for digits.
function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(ZERO_WIDTH, '')
    .replace(/\u0E4D\u0E32/g, '\u0E33')
    .replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50))
    .toLowerCase();
}

/** The text a query is matched against, built once per student. */
export function studentSearchKey(s: Student): string {
  const names = [s.prefix, s.firstName, s.lastName, s.firstNameEn, s.lastNameEn].join(' ');
  return normalise(`${names} ${normaliseIdInput(s.idNo)} ${s.studentNo.trim()}`);
}

/** Words of a query; an ID typed with dashes or spaces ("1-1120-34563") becomes one compact token. */
export function parseQuery(query: string): string[] {
  const text = normalise(query).trim();
  if (text === '') return [];
  const compact = normaliseIdInput(text).toLowerCase();
  if (/^g?\d+$/.test(compact)) return [compact];
  return text.split(/\s+/);
}

/** Every word of the query occurs somewhere in the key. */
export function keyMatches(key: string, tokens: readonly string[]): boolean {
  return tokens.every((t) => key.includes(t));
}

export function matchesQuery(s: Student, query: string): boolean {
  return keyMatches(studentSearchKey(s), parseQuery(query));
}

export interface SexCounts {
  male: number;
  female: number;
  unknown: number;
  total: number;
}

export function countBySex(students: readonly Pick<Student, 'sex'>[]): SexCounts {
  const counts = { male: 0, female: 0, unknown: 0, total: students.length };
  for (const s of students) {
    if (s.sex === 'M') counts.male++;
    else if (s.sex === 'F') counts.female++;
    else counts.unknown++;
  }
  return counts;
}
