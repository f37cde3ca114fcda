// Spreadsheet rows through the register's own gate and rules: validateRecords (readStudentRecord, then
// every validation rule and duplicates within the file), plus what the cells alone could tell.
import type { DuplicatePair } from '../../domain/duplicates/find';
import type { Student } from '../../domain/student/schema';
import { finding, type Finding } from '../../domain/validation/catalogue';
import { validateRecords } from '../../domain/validation/records';
import type { SchoolContext } from '../../domain/validation/school';
import type { SheetRow } from './rows';

export interface CheckedRow {
  sheetRow: number;
  student: Student | null;
  findings: Finding[];
}
export interface CheckedRows {
  rows: CheckedRow[];
  duplicates: DuplicatePair[];
}

export function checkRows(sheetRows: readonly SheetRow[], ctx: SchoolContext): CheckedRows {
  const result = validateRecords(
    sheetRows.map((r) => r.raw),
    ctx,
  );
  const rows = sheetRows.map((row, i): CheckedRow => {
    const student = result.students[i] ?? null;
    const found = result.findings[i] ?? [];
    if (row.notes.length === 0) return { sheetRow: row.sheetRow, student, findings: found };
    const id = student?.id ?? `row-${i + 1}`;
    // A cell's own note (how an ID was damaged) explains its field better than the rule that followed.
    const noted = new Set(row.notes.map((n) => n.field));
    const notes = row.notes.map((n) => ({
      ...finding(n.rule, id, n.field),
      ...(n.message ? { message: n.message } : {}),
    }));
    return { sheetRow: row.sheetRow, student, findings: [...notes, ...found.filter((f) => !noted.has(f.field))] };
  });
  return { rows, duplicates: result.duplicates };
}
