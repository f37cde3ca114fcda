// How many cells SheetJS would make of a file, counted before SheetJS reads it. Some formats say "this
// cell, repeated a million times" in a few bytes (ODS's number-rows-repeated and number-columns-repeated:
// a 1 KB file expands past any tablet's memory), so every format the reader accepts is counted here, in
// one linear pass that makes no cells, and a format this file cannot count is refused instead.
import * as XLSX from '@e965/xlsx';
import { MAX_DATA_ROWS, SpreadsheetProblem } from './problems';

// Header rows above the data (DMC has two) plus one to notice that a sheet goes on past the limit.
export const SHEET_ROWS = MAX_DATA_ROWS + 11;
/** Cells with a value, over all sheets: 20,000 students × 100 columns. */
export const MAX_CELLS = 2_000_000;

export type Counted = { cells: number; rows: number };

/** Refuses a file whose sheets would hold more than MAX_CELLS cells or SHEET_ROWS rows. */
export function checkBounds(counted: Counted): void {
  if (counted.rows > SHEET_ROWS)
    throw new SpreadsheetProblem('file.too_many_rows', { rows: counted.rows, max: MAX_DATA_ROWS });
  if (counted.cells > MAX_CELLS)
    throw new SpreadsheetProblem('file.too_many_cells', { cells: counted.cells, max: MAX_CELLS });
}

/** CSV and other text: at most one cell per separator, plus one per line. */
export function countText(text: string): Counted {
  // SheetJS reads text that starts with "<" as HTML, SpreadsheetML or flat ODS, with their own repeats.
  if (/^\uFEFF?\s*</.test(text)) throw new SpreadsheetProblem('file.not_spreadsheet');
  let cells = 1;
  let rows = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x3b || c === 0x09 || c === 0x7c) cells++;
    else if (c === 0x0a && i < text.length - 1) {
      cells++;
      rows++;
    }
  }
  return { cells, rows };
}

// Bytes of [\w.-] (a namespace prefix) and of ASCII white space.
const NAME = new Uint8Array(256);
for (const c of 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-') NAME[c.charCodeAt(0)] = 1;
const SPACE = new Uint8Array(256);
for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]) SPACE[c] = 1;

// Whether a tag named v or is starts at `at` and ends there: white space, ">" or any non-ASCII byte
// (which might be Unicode white space: counting one cell too many is safe, one too few is not).
function valueTagAt(x: Uint8Array, at: number): boolean {
  let end: number;
  if (x[at] === 0x76)
    end = at + 1; // v
  else if (x[at] === 0x69 && x[at + 1] === 0x73)
    end = at + 2; // is
  else return false;
  const next = x[end];
  return next !== undefined && (next === 0x3e || SPACE[next] === 1 || next >= 0x80);
}

/**
 * xlsx: every <v> or <is> (a cell's value) in every sheet, with or without a namespace prefix; rows capped
 * by sheetRows when SheetJS reads. Counted on the bytes, without decoding the sheet (several MB) to text.
 */
export function countXlsxSheet(xml: Uint8Array | string): Counted {
  const x = typeof xml === 'string' ? new TextEncoder().encode(xml) : xml;
  let values = 0;
  for (let i = x.indexOf(0x3c); i !== -1; i = x.indexOf(0x3c, i + 1)) {
    let j = i + 1;
    while (j < x.length && NAME[x[j]!] === 1) j++;
    if (valueTagAt(x, i + 1) || (j > i + 1 && x[j] === 0x3a && valueTagAt(x, j + 1))) values++;
  }
  return { cells: values, rows: 0 };
}

const attr = (attrs: string, name: string): number => {
  const m = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}="(\\d+)"`).exec(attrs);
  return m ? Number(m[1]) : 1;
};

/**
 * ODS content.xml as SheetJS expands it: a cell with content becomes rows-repeated × columns-repeated
 * cells; a self-closing cell is at most one, and none without a value type (LibreOffice ends a sheet with
 * such empty rows repeated a million times). The row count is that of the last row holding a cell.
 */
export function countOds(xml: string): Counted {
  let cells = 0;
  let rows = 0;
  let r = 0;
  let rowRepeat = 1;
  // How many of the row's repeats hold a cell: all of them for a cell with content, else the first at most.
  let rowSpan = 0;
  const tags = /<(\/?)(?:[\w.-]+:)?(table-row|table-cell|table|行|数据)(?=[\s/>])([^>]*)>/g;
  for (let m = tags.exec(xml); m; m = tags.exec(xml)) {
    const [, close, name, attrs] = m as unknown as [string, string, string, string];
    const selfClosing = attrs.endsWith('/');
    if (name === 'table') {
      if (!close) r = 0;
    } else if (name === 'table-row' || name === '行') {
      if (!close) {
        const numbered = attr(attrs, '行号');
        if (/行号=/.test(attrs)) r = numbered - 1;
        rowRepeat = attr(attrs, 'number-rows-repeated');
        rowSpan = 0;
      }
      if (close || selfClosing) {
        if (rowSpan > 0) rows = Math.max(rows, r + rowSpan);
        r += rowRepeat;
        rowRepeat = 1;
      }
    } else if (!close && !selfClosing) {
      cells += rowRepeat * attr(attrs, 'number-columns-repeated');
      rowSpan = rowRepeat;
    } else if (selfClosing && /value-type=/.test(attrs)) {
      cells += 1;
      rowSpan = Math.max(rowSpan, 1);
    }
    if (cells > MAX_CELLS) break;
  }
  return { cells, rows };
}

// BIFF records that make one cell (LABELSST, NUMBER, RK, LABEL, FORMULA, BOOLERR, RSTRING); MULRK makes several.
const CELL_RECORDS = new Set([0xfd, 0x203, 0x27e, 0x204, 0x06, 0x206, 0x406, 0x205, 0xd6]);
const MULRK = 0xbd;

/** xls: the BIFF cell records of the workbook stream; a container without one is not read at all. */
export function countXls(bytes: Uint8Array): Counted {
  let container: ReturnType<typeof XLSX.CFB.read>;
  try {
    container = XLSX.CFB.read(bytes, { type: 'array' });
  } catch {
    throw new SpreadsheetProblem('file.damaged');
  }
  if (XLSX.CFB.find(container, 'EncryptedPackage')) throw new SpreadsheetProblem('file.password');
  const stream = XLSX.CFB.find(container, 'Workbook') ?? XLSX.CFB.find(container, 'Book');
  if (!stream?.content) throw new SpreadsheetProblem('file.not_spreadsheet');
  const data = stream.content as Uint8Array;
  let cells = 0;
  for (let at = 0; at + 4 <= data.length;) {
    const type = data[at]! | (data[at + 1]! << 8);
    const length = data[at + 2]! | (data[at + 3]! << 8);
    if (CELL_RECORDS.has(type)) cells++;
    else if (type === MULRK && length >= 6) cells += Math.floor((length - 6) / 6);
    at += 4 + length;
  }
  return { cells, rows: 0 };
}
