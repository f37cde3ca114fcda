// What an imported row changes in a record the register already has: only the fields the file has
// columns for, and never to blank. A file that lacks a value says nothing about it, so a weight measured
// at school survives re-importing an older DMC download.
import { diffRecords, type FieldChange } from '../access/audit';
import { studentSchema, type Student } from '../student/schema';
import { stillUnmatched } from '../student/unmatched';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

// Rows share their paths: split each once.
const SPLIT = new Map<string, string[]>();
function getAt(obj: unknown, path: string): unknown {
  let parts = SPLIT.get(path);
  if (!parts) SPLIT.set(path, (parts = path.split('.')));
  let at = obj;
  for (const k of parts) at = isObject(at) ? at[k] : undefined;
  return at;
}

// Leaves are mostly strings, numbers and null: compare those directly, anything else by its JSON.
const same = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'object' && a !== null && JSON.stringify(a) === JSON.stringify(b));

function setAt(obj: Json, path: string, value: unknown): void {
  const parts = path.split('.');
  let at: Json = obj;
  for (const p of parts.slice(0, -1)) {
    if (!isObject(at[p])) return;
    at = at[p];
  }
  at[parts.at(-1)!] = value;
}

const isBlank = (v: unknown): boolean => v === null || v === undefined || v === '';

/** Whether merging would change anything: a cheap look at the filled paths before a full merge. */
export function wouldChange(existing: Student, incoming: Student, paths: readonly string[]): boolean {
  // A text the file wrote that fits nothing is news too: it is kept beside the blank field.
  const kept = incoming.unmatched;
  if (kept && Object.entries(kept).some(([p, v]) => existing.unmatched?.[p] !== v && isBlank(getAt(existing, p))))
    return true;
  return paths.some((path) => {
    if (path === 'idType') return false;
    const value = getAt(incoming, path);
    return !isBlank(value) && !same(value, getAt(existing, path));
  });
}

/** The existing record with the file's non-blank values for `paths`; id, status and other fields kept. */
export function mergeImported(existing: Student, incoming: Student, paths: readonly string[]): Student {
  const next = structuredClone(existing) as Json;
  for (const path of paths) {
    if (path === 'idType') continue;
    const value = getAt(incoming, path);
    if (!isBlank(value)) setAt(next, path, structuredClone(value));
  }
  // The ID type follows a changed ID number, never a blank one.
  if (paths.includes('idNo') && !isBlank(incoming.idNo) && incoming.idNo !== existing.idNo)
    next.idType = incoming.idType;
  // Texts the file could not place are kept where the record has nothing better; a value settles them.
  const merged = studentSchema.parse(next);
  const kept = stillUnmatched({ ...existing.unmatched, ...incoming.unmatched }, merged);
  delete (merged as Json).unmatched;
  return kept ? { ...merged, unmatched: kept } : merged;
}

export function changesOf(before: Student, after: Student): FieldChange[] {
  return diffRecords(before, after);
}
