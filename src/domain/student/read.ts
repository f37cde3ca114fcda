// The one gate for student records from outside (JSON lines, spreadsheet rows, older bundles): returns
// the best record that can be made of the input and what had to be left out, never throws on bad data.
// Values are repaired where the intent is clear (DMC labels, Buddhist Era dates, numbers typed as text);
// anything else falls back to the field's blank value, reported as a finding.
import type { z } from 'zod';
import { codeFromText, gradeFromLabel, prefixByLabel, sexFromText, type CodeListName } from '../codes';
import { idTypeSchema, normaliseIdInput, type IdType } from '../ids';
import { parseThaiDate } from '../thai-date';
import { finding, type Finding, type RuleCode } from '../validation/catalogue';
import { newStudent, studentSchema, type Student } from './schema';

export interface ReadResult {
  /** null when the input is not a record at all (record.unreadable). */
  student: Student | null;
  problems: Finding[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

const BLANK = newStudent('blank', { idType: 'O' });

const CODE_LISTS: Readonly<Record<string, CodeListName>> = {
  bloodGroup: 'bloodGroup',
  nationality: 'nationality',
  ethnicity: 'nationality',
  religion: 'religion',
  occupation: 'occupation',
  relation: 'guardianRelation',
  parentsMaritalStatus: 'parentsMaritalStatus',
  disadvantage: 'disadvantage',
  disability: 'disability',
  travelMode: 'travelMode',
};
const DATE_FIELDS: ReadonlySet<string> = new Set(['birthDate', 'enteredOn', 'measuredOn']);
// A blank in these fields is already reported by a validation rule (name.missing, grade.unknown…).
const REPORTED_BY_RULES: ReadonlySet<string> = new Set([
  'idNo',
  'prefix',
  'firstName',
  'lastName',
  'sex',
  'grade',
  'room',
]);
const BOOLEAN_WORDS: ReadonlyMap<string, boolean> = new Map([
  ...['1', 'true', 'yes', 'y', 'ใช่', 'มี', 'ขาดแคลน'].map((w): [string, boolean] => [w, true]),
  ...['0', 'false', 'no', 'n', 'ไม่ใช่', 'ไม่มี', 'ไม่ขาดแคลน'].map((w): [string, boolean] => [w, false]),
]);

// DMC exports write "-" in empty cells; spaces at either end never mean anything.
function clean(v: unknown): unknown {
  if (typeof v === 'string') {
    const t = v.trim();
    return t === '-' ? '' : t;
  }
  if (Array.isArray(v)) return v.map(clean);
  if (!isObject(v)) return v;
  const copy: Json = {};
  // A "__proto__" key would set the copy's prototype rather than a field; no field has that name.
  for (const k of Object.keys(v)) if (k !== '__proto__') copy[k] = clean(v[k]);
  return copy;
}

function getAt(obj: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((o, k) => (isObject(o) ? o[k] : undefined), obj);
}

function setAt(obj: Json, path: readonly string[], value: unknown): void {
  const parent = getAt(obj, path.slice(0, -1));
  if (isObject(parent)) parent[path.at(-1)!] = value === undefined ? undefined : structuredClone(value);
}

function coerce(key: string, value: unknown, expected: string | undefined, blank: unknown): unknown {
  if (typeof value === 'number' && expected === 'boolean') return value === 1 ? true : value === 0 ? false : undefined;
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string' || text === '') return undefined;
  if (key === 'sex') return sexFromText(text);
  if (key === 'grade') return gradeFromLabel(text)?.code;
  if (DATE_FIELDS.has(key)) return parseThaiDate(text) ?? undefined;
  const list = CODE_LISTS[key];
  if (list) return codeFromText(list, text);
  if (expected === 'string') return text;
  if (expected === 'number' || typeof blank === 'number') {
    const n = Number(text.replace(/,/g, ''));
    return Number.isFinite(n) ? n : undefined;
  }
  return expected === 'boolean' ? BOOLEAN_WORDS.get(text.toLowerCase()) : undefined;
}

function inferIdType(idNo: string): IdType {
  const no = normaliseIdInput(idNo);
  if (no === '') return 'O';
  return /^G/i.test(no) ? 'G' : /^\d+$/.test(no) ? 'I' : 'O';
}

// DMC exports carry no ID type: the citizen-ID column holds 13-digit numbers and G-codes alike.
function prepareIdentity(input: Json, fallbackId: string, report: Report): void {
  if (typeof input.id === 'number') input.id = String(input.id);
  if (typeof input.id !== 'string' || input.id === '') input.id = fallbackId;
  const idNo = typeof input.idNo === 'string' || typeof input.idNo === 'number' ? String(input.idNo) : '';
  const given = typeof input.idType === 'string' ? input.idType.toUpperCase() : input.idType;
  if (idTypeSchema.safeParse(given).success) input.idType = given;
  else {
    if (given !== undefined && given !== null && given !== '') report('record.invalid_value', 'idType');
    input.idType = inferIdType(idNo);
  }
  if (input.idType === 'I' || input.idType === 'G') input.idNo = normaliseIdInput(idNo);
  if (typeof input.prefix === 'string') input.prefix = prefixByLabel(input.prefix)?.label ?? input.prefix;
}

type Report = (rule: RuleCode, field: string, value?: string) => void;

// The text as the file had it, kept in the record (student.unmatched) while its field stays blank.
function keep(input: Json, path: string, value: unknown): string {
  const text =
    typeof value === 'string'
      ? value
      : typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : JSON.stringify(value);
  const kept = isObject(input.unmatched) ? input.unmatched : (input.unmatched = {});
  kept[path] = text;
  return text;
}

function repair(input: Json, issue: z.core.$ZodIssue, tryCoerce: boolean, report: Report): void {
  const path = issue.path.map(String);
  const key = path.at(-1) ?? '';
  const value = getAt(input, path);
  const blank = getAt(BLANK, path);
  const expected = issue.code === 'invalid_type' ? issue.expected : undefined;
  const coerced = tryCoerce ? coerce(key, value, expected, blank) : undefined;
  if (coerced !== undefined) return setAt(input, path, coerced);
  setAt(input, path, blank);
  if (value === undefined || value === null || value === '') return;
  const topLevel = path.length === 1;
  // The record's own bookkeeping is dropped when damaged, not kept as a text of itself.
  if (topLevel && (key === 'unmatched' || key === 'idOverride' || key === 'schemaVersion'))
    return report('record.invalid_value', key);
  const text = typeof value === 'object' ? undefined : keep(input, path.join('.'), value);
  if (topLevel && key === 'birthDate') report('birthdate.invalid', key, text);
  else if (!(topLevel && REPORTED_BY_RULES.has(key))) report('record.invalid_value', path.join('.'), text);
}

/** `fallbackId` names a record that brings no id of its own (an importer passes a new UUID). */
export function readStudentRecord(raw: unknown, fallbackId: string): ReadResult {
  if (!isObject(raw)) return { student: null, problems: [finding('record.unreadable', fallbackId)] };
  const input = clean(raw) as Json;
  const problems: Finding[] = [];
  const report: Report = (rule, field, value) => {
    const f = finding(rule, String(input.id ?? fallbackId), field);
    problems.push(value === undefined ? f : { ...f, value });
  };
  prepareIdentity(input, fallbackId, report);
  // First pass repairs what it can read; the second blanks what still fails; blanks always parse.
  for (const tryCoerce of [true, false, false]) {
    const parsed = studentSchema.safeParse(input);
    if (parsed.success) return { student: parsed.data, problems };
    for (const issue of parsed.error.issues) repair(input, issue, tryCoerce, report);
  }
  throw new Error('readStudentRecord: a blank record failed its own schema');
}
