// A spreadsheet of the district's schools → rows of text → readSchoolRows. File problems (empty, not a
// spreadsheet, password) come from the spreadsheet reader as SpreadsheetProblem.
import { readSchoolRows, type SchoolListRead } from '../../domain/district/school-list';
import { cellText } from '../spreadsheet/cells';
import { readWorkbook } from '../spreadsheet/workbook';

/** Reads the first sheet that holds a school list. */
export function readSchoolList(bytes: Uint8Array): SchoolListRead {
  const wb = readWorkbook(bytes);
  let last: SchoolListRead = { schools: [], problems: [], found: false };
  for (const sheet of wb.sheets) {
    last = readSchoolRows(sheet.rows.map((row) => Array.from(row, (cell) => cellText(cell))));
    if (last.schools.length > 0) return last;
  }
  return last;
}
