// Rows of values → an .xlsx file: every cell through safeCell, column widths from the content (Thai
// vowel and tone marks take no width of their own), sheet names as Excel allows them.
import * as XLSX from '@e965/xlsx';
import { safeCell, type CellValue } from './safe-cell';

export interface SheetSpec {
  name: string;
  rows: readonly (readonly CellValue[])[];
  /** Characters per column; measured from the content when left out. */
  widths?: readonly number[];
}

// Marks above and below a Thai consonant, which take no width of their own.
const MARKS = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/g;
const shownLength = (v: CellValue): number => (v === null || v === undefined ? 0 : String(v).replace(MARKS, '').length);

function widthsOf(rows: SheetSpec['rows']): number[] {
  const widths: number[] = [];
  for (const row of rows.slice(0, 500)) {
    row.forEach((v, c) => {
      widths[c] = Math.max(widths[c] ?? 4, Math.min(45, shownLength(v) + 2));
    });
  }
  return widths;
}

/** Excel's rules: at most 31 characters, none of : \ / ? * [ ], and unique in the book. */
export function sheetName(name: string, taken: ReadonlySet<string>): string {
  const base = name.replace(/[:\\/?*[\]]/g, '-').slice(0, 31) || 'Sheet';
  let out = base;
  for (let n = 2; taken.has(out); n++) out = `${base.slice(0, 28)} (${n})`;
  return out;
}

export function sheetOf(spec: SheetSpec): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let width = 1;
  spec.rows.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = safeCell(v);
      if (cell.t !== 'z') ws[XLSX.utils.encode_cell({ r, c })] = cell;
      width = Math.max(width, c + 1);
    }),
  );
  ws['!ref'] = XLSX.utils.encode_range({
    s: { r: 0, c: 0 },
    e: { r: Math.max(0, spec.rows.length - 1), c: width - 1 },
  });
  ws['!cols'] = (spec.widths ?? widthsOf(spec.rows)).map((wch) => ({ wch }));
  return ws;
}

export function xlsxBytes(sheets: readonly SheetSpec[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  const taken = new Set<string>();
  for (const spec of sheets) {
    const name = sheetName(spec.name, taken);
    taken.add(name);
    XLSX.utils.book_append_sheet(wb, sheetOf(spec), name);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
}
