// The round report as an .xlsx workbook. Every text cell is written as text, and one that a spreadsheet
// could read as a formula (= + - @ tab CR first) gets an apostrophe in front: the file may hold names
// typed by anyone, and a district officer opens it in Excel.
import * as XLSX from '@e965/xlsx';

export type Cell = string | number | null;
export interface Sheet { name: string; rows: Cell[][]; widths?: number[] }

const RISKY_START = /^[=+\-@\t\r]/;

export function safeCell(value: Cell): XLSX.CellObject {
  if (value === null) return { t: 'z' };
  if (typeof value === 'number') return { t: 'n', v: value };
  return { t: 's', v: RISKY_START.test(value) ? `'${value}` : value };
}

function sheetOf(sheet: Sheet): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let width = 0;
  sheet.rows.forEach((row, r) => {
    width = Math.max(width, row.length);
    row.forEach((value, c) => {
      if (value !== null) ws[XLSX.utils.encode_cell({ r, c })] = safeCell(value);
    });
  });
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(sheet.rows.length - 1, 0), c: Math.max(width - 1, 0) } });
  if (sheet.widths) ws['!cols'] = sheet.widths.map((wch) => ({ wch }));
  return ws;
}

/** The workbook's bytes. */
export function roundReportXlsx(sheets: readonly Sheet[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  // Sheet names: at most 31 characters, none of : \ / ? * [ ]
  for (const s of sheets) XLSX.utils.book_append_sheet(wb, sheetOf(s), s.name.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31));
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
