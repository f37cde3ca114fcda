// A staff roster file → text table → staff records, through the same workbook reader as the students'
// import (bounds, damage and password checks included); used by the app and by `tabian staff headcount`.
import { columnOfHeader, readRosterTable, ROSTER_COLUMNS, type RosterRead } from '../../domain/staff/roster-sheet';
import { cellText, readDate, readId, readPhone } from './cells';
import { SpreadsheetProblem } from './problems';
import { readWorkbook, type Row } from './workbook';

const kinds = new Map(ROSTER_COLUMNS.map((c) => [c.key, c.kind]));
// A title or the school's name may stand above the header: look for it in the first rows.
const HEADER_SEARCH = 10;

export function readRosterFile(bytes: Uint8Array, newId: (row: number) => string): RosterRead {
  const wb = readWorkbook(bytes);
  for (const sheet of wb.sheets) {
    const at = sheet.rows.slice(0, HEADER_SEARCH).findIndex((r) => r.filter((cell) => columnOfHeader(cellText(cell))).length >= 3);
    if (at < 0) continue;
    const header = sheet.rows[at]!.map((cell) => cellText(cell));
    const keys = header.map((h) => columnOfHeader(h));
    const text = (row: Row): string[] => header.map((_, i) => {
      const cell = row[i];
      const kind = kinds.get(keys[i] ?? '');
      return kind === 'id' ? readId(cell).text : kind === 'date' ? readDate(cell, wb.date1904) : kind === 'phone' ? readPhone(cell) : cellText(cell);
    });
    const read = readRosterTable([header, ...sheet.rows.slice(at + 1).map(text)], (row) => newId(row + at));
    return { ...read, problems: read.problems.map((p) => ({ ...p, row: p.row + at })) };
  }
  throw new SpreadsheetProblem('file.no_data');
}
