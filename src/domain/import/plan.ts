// Rows from a file compared with the register before anything is written: which are new, which update a
// record with the same ID number, which change nothing, which may be a student already registered under
// another ID, and which have errors. The user then chooses per group (choose.ts).
import type { FieldChange } from '../access/audit';
import { findDuplicates } from '../duplicates/find';
import { normaliseIdInput } from '../ids';
import type { Student } from '../student/schema';
import type { Finding } from '../validation/catalogue';
import { changesOf, mergeImported, wouldChange } from './merge';

export const IMPORT_GROUPS = ['new', 'update', 'unchanged', 'duplicate', 'errors'] as const;
export type ImportGroup = (typeof IMPORT_GROUPS)[number];

export interface ImportRow {
  /** Where the row came from (the spreadsheet row number), for messages. */
  sheetRow: number;
  /** null when the row could not be read as a record. */
  student: Student | null;
  findings: Finding[];
  /** Record paths the row has a value for: only these may change an existing record. */
  filled: readonly string[];
}

export interface PlannedRow {
  sheetRow: number;
  group: ImportGroup;
  student: Student | null;
  findings: Finding[];
  /** The register's record with the same ID number, when there is one. */
  existing: Student | null;
  /** What would be written: the merged record for a match, the row itself otherwise. */
  result: Student | null;
  changes: FieldChange[];
  /** The registered student this row may duplicate (different ID, same person by name and birth date). */
  similar: Student | null;
  /** False where importing could only do harm: unreadable rows, an ID twice in the file. */
  importable: boolean;
}

export interface ImportPlan {
  rows: PlannedRow[];
  counts: Record<ImportGroup, number>;
}

const key = (s: Student): string => normaliseIdInput(s.idNo);
const hasError = (f: readonly Finding[]): boolean => f.some((x) => x.severity === 'error');

function registerById(register: readonly Student[]): Map<string, Student> {
  const byId = new Map<string, Student>();
  for (const s of register) {
    const k = key(s);
    // Two registered records with one ID: the active one is the one a file means.
    if (k && (!byId.has(k) || (s.status === 'active' && byId.get(k)!.status !== 'active'))) byId.set(k, s);
  }
  return byId;
}

// Possible duplicates between a file row and a registered student, by the register's own rules. Only rows
// without a match by ID can be one, so a re-imported file costs nothing here.
function similarInRegister(
  rows: readonly ImportRow[],
  register: readonly Student[],
  byId: ReadonlyMap<string, Student>,
  dismissed?: ReadonlySet<string>,
): Map<number, Student> {
  const found = new Map<number, Student>();
  const positions = rows.flatMap((r, i) => (r.student && !byId.has(key(r.student)) ? [i] : []));
  if (positions.length === 0 || register.length === 0) return found;
  const all = [...positions.map((i) => rows[i]!.student!), ...register];
  for (const pair of findDuplicates(all, dismissed)) {
    if (pair.rule !== 'person.possible_duplicate') continue;
    const [a, b] = pair.indexes;
    if (a < positions.length && b >= positions.length) found.set(positions[a]!, register[b - positions.length]!);
  }
  return found;
}

export function planImport(
  rows: readonly ImportRow[],
  register: readonly Student[],
  dismissed?: ReadonlySet<string>,
): ImportPlan {
  const byId = registerById(register);
  const similar = similarInRegister(rows, register, byId, dismissed);
  const counts = Object.fromEntries(IMPORT_GROUPS.map((g) => [g, 0])) as Record<ImportGroup, number>;
  const planned = rows.map((row, i): PlannedRow => {
    const base = {
      sheetRow: row.sheetRow,
      student: row.student,
      findings: row.findings,
      changes: [] as FieldChange[],
      similar: null,
    };
    const s = row.student;
    if (!s) return { ...base, group: 'errors', existing: null, result: null, importable: false };
    const twice = row.findings.some((f) => f.rule === 'id.duplicate');
    const existing = (key(s) && byId.get(key(s))) || null;
    if (existing && !wouldChange(existing, s, row.filled)) {
      return { ...base, group: 'unchanged', existing, result: existing, importable: false };
    }
    if (existing) {
      const result = mergeImported(existing, s, row.filled);
      const changes = changesOf(existing, result);
      if (changes.length === 0) return { ...base, group: 'unchanged', existing, result, importable: false };
      return {
        ...base,
        group: hasError(row.findings) ? 'errors' : 'update',
        existing,
        result,
        changes,
        importable: !twice,
      };
    }
    const like = similar.get(i) ?? null;
    const group: ImportGroup = hasError(row.findings) ? 'errors' : like ? 'duplicate' : 'new';
    return { ...base, group, existing: null, result: s, similar: like, importable: !twice };
  });
  for (const r of planned) counts[r.group]++;
  return { rows: planned, counts };
}
