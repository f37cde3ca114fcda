import type { DuplicatePair } from '../duplicates/find';
import { readStudentRecord } from '../student/read';
import type { Student } from '../student/schema';
import type { Finding } from './catalogue';
import { validateEach, type SchoolContext } from './school';

export interface RecordsValidation {
  /** Per input position; null where the input was not a record. */
  students: (Student | null)[];
  /** Per input position: what reading found, then what the rules found. */
  findings: Finding[][];
  /** Indexes are input positions. */
  duplicates: DuplicatePair[];
}

// A field that could not be read is reported once, as unreadable, not again as missing.
function merge(read: readonly Finding[], checked: readonly Finding[]): Finding[] {
  const fields = new Set(read.map((f) => f.field));
  return [...read, ...checked.filter((f) => !fields.has(f.field))];
}

/** Reads and validates student records from outside (a JSON-lines file, spreadsheet rows) in one go. */
export function validateRecords(raws: readonly unknown[], ctx: SchoolContext): RecordsValidation {
  const read = raws.map((raw, i) => readStudentRecord(raw, `row-${i + 1}`));
  const positions = read.flatMap((r, i) => (r.student ? [i] : []));
  const checked = validateEach(
    positions.map((i) => read[i]!.student!),
    ctx,
  );
  const findings = read.map((r) => r.problems);
  positions.forEach((i, k) => {
    findings[i] = merge(read[i]!.problems, checked.byStudent[k]!);
  });
  const duplicates = checked.duplicates.map((p): DuplicatePair => ({
    ...p,
    indexes: [positions[p.indexes[0]]!, positions[p.indexes[1]]!],
  }));
  return { students: read.map((r) => r.student), findings, duplicates };
}
