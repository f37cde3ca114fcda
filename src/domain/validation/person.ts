import { prefixByLabel, type Prefix } from '../codes';
import type { Student } from '../student/schema';
import { finding, type Finding } from './catalogue';
import { ageFitsGrade, yearsOn } from './norms';

// Thai letters, vowels and marks (no Thai digits or symbols), words separated by single spaces.
const THAI_NAME = /^[\u0E01-\u0E3A\u0E40-\u0E4E]+( [\u0E01-\u0E3A\u0E40-\u0E4E]+)*$/;

// Prefix codes of dmc-codes.json: children below 15 are เด็กชาย/เด็กหญิง by law, from 15 นาย/นางสาว (or นาง).
const CHILD_PREFIXES: ReadonlySet<string> = new Set(['001', '002']);
const ADULT_PREFIXES: ReadonlySet<string> = new Set(['003', '004', '005']);
const ADULT_AGE = 15;

// Completed years on the as-of date, or null when the birth date is missing or after it.
function ageAsOf(s: Student, asOf: string): number | null {
  return s.birthDate !== null && s.birthDate <= asOf ? yearsOn(s.birthDate, asOf) : null;
}

// A school has a handful of distinct prefixes; looking each up once keeps a district's check fast.
const prefixCache = new Map<string, Prefix | undefined>();
function prefixOf(label: string): Prefix | undefined {
  if (!prefixCache.has(label)) {
    if (prefixCache.size > 1000) prefixCache.clear();
    prefixCache.set(label, prefixByLabel(label));
  }
  return prefixCache.get(label);
}

function nameFindings(s: Student, out: Finding[]): void {
  for (const field of NAME_FIELDS) {
    if (s[field].trim() === '') out.push(finding('name.missing', s.id, field));
    else if (!THAI_NAME.test(s[field])) out.push(finding('name.invalid_chars', s.id, field));
  }
}
const NAME_FIELDS = ['firstName', 'lastName'] as const;

function prefixFindings(s: Student, age: number | null): Finding[] {
  if (s.prefix.trim() === '') return [finding('prefix.missing', s.id)];
  const prefix = prefixOf(s.prefix);
  if (!prefix) return [finding('prefix.unknown', s.id)];
  const found: Finding[] = [];
  if (s.sex !== null && prefix.sex !== s.sex) found.push(finding('prefix.sex_mismatch', s.id));
  if (age !== null && (age >= ADULT_AGE ? CHILD_PREFIXES : ADULT_PREFIXES).has(prefix.code)) {
    found.push(finding('prefix.age_mismatch', s.id));
  }
  return found;
}

function birthFindings(s: Student, age: number | null, asOf: string): Finding[] {
  if (s.birthDate === null) return [finding('birthdate.missing', s.id)];
  if (s.birthDate > asOf) return [finding('birthdate.future', s.id)];
  return s.grade !== null && age !== null && !ageFitsGrade(age, s.grade) ? [finding('age.grade_mismatch', s.id)] : [];
}

/** Names, prefix, sex, birth date and the age rules, ages taken on `asOf`. */
export function personFindings(s: Student, asOf: string): Finding[] {
  const age = ageAsOf(s, asOf);
  const out: Finding[] = [];
  nameFindings(s, out);
  for (const f of prefixFindings(s, age)) out.push(f);
  if (s.sex === null) out.push(finding('sex.missing', s.id));
  for (const f of birthFindings(s, age, asOf)) out.push(f);
  return out;
}
