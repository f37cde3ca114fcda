// Bytes → sheets of cells. Every way a file can be wrong ends here as a SpreadsheetProblem, before any
// row is looked at. Cells are read raw (value and type), never as formatted text: leading zeros, long
// IDs and date serials are interpreted later, column by column, by cells.ts.
import * as XLSX from '@e965/xlsx';
import { asBytes, utf8 } from '../../domain/bundle/bytes';
import { openZip, ZipRefusal, type ZipFailure } from '../../domain/bundle/zip-read';
import { entryHead, zipEntries, type ZipEntry } from '../zip/directory';
import { checkBounds, countOds, countText, countXls, countXlsxSheet, SHEET_ROWS, type Counted } from './bounds';
import { MAX_DATA_ROWS, MAX_FILE_BYTES, SpreadsheetProblem } from './problems';
import { sniff } from './sniff';
import { decodeText, type TextEncoding } from './text';

/** A SheetJS cell as we use it: type, raw value, number format. */
export interface Cell {
  t: string;
  v?: unknown;
  z?: string | number;
}
export type Row = (Cell | undefined)[];
export interface SheetGrid {
  name: string;
  rows: Row[];
}
export interface Workbook {
  format: 'xlsx' | 'xls' | 'csv';
  encoding: TextEncoding | null;
  date1904: boolean;
  sheets: SheetGrid[];
}

// An uncompressed sheet this large cannot be one school's list, and would exhaust a tablet's memory.
const MAX_SHEET_XML = 150 * 1024 * 1024;
// SheetJS allocates and inflates what each entry declares: bound the sum, or a 200 KB file unpacks to gigabytes.
const MAX_UNZIPPED = 256 * 1024 * 1024;
const MAX_ENTRIES = 10_000;
// Deflate cannot exceed ~1,032:1, so only the total and each entry's declared size bound the inflating.
const STRICT = { maxEntries: MAX_ENTRIES, maxTotalBytes: MAX_UNZIPPED, maxRatio: 1100 };

const OPTIONS: XLSX.ParsingOptions = {
  dense: true,
  cellNF: true,
  cellText: false,
  cellHTML: false,
  cellStyles: false,
  sheetRows: SHEET_ROWS,
};

export function readWorkbook(bytes: Uint8Array): Workbook {
  if (bytes.length === 0) throw new SpreadsheetProblem('file.empty');
  if (bytes.length > MAX_FILE_BYTES)
    throw new SpreadsheetProblem('file.too_large', { size: mb(bytes.length), max: mb(MAX_FILE_BYTES) });
  const what = sniff(bytes);
  if (what.kind === 'picture') throw new SpreadsheetProblem('file.picture', { kind: what.picture ?? '' });
  if (what.kind === 'binary' || what.kind === 'empty') throw new SpreadsheetProblem('file.not_spreadsheet');
  if (what.kind === 'text') {
    const { text, encoding } = decodeText(bytes);
    if (text.trim() === '') throw new SpreadsheetProblem('file.no_data');
    checkBounds(countText(text));
    // raw: every cell stays text, so "0123" and "=1+2" arrive as written, never as numbers or formulas.
    return {
      format: 'csv',
      encoding,
      date1904: false,
      sheets: sheetsOf(parse(() => XLSX.read(text, { ...OPTIONS, type: 'string', raw: true }))),
    };
  }
  if (what.kind === 'cfb') checkBounds(countXls(bytes));
  const wb = what.kind === 'zip' ? unpack(bytes) : parse(() => XLSX.read(bytes, { ...OPTIONS, type: 'array' }));
  return {
    format: what.kind === 'zip' ? 'xlsx' : 'xls',
    encoding: null,
    date1904: !!wb.Workbook?.WBProps?.date1904,
    sheets: sheetsOf(wb),
  };
}

const mb = (n: number): string => (n / 1024 / 1024).toFixed(1);

function parse(read: () => XLSX.WorkBook): XLSX.WorkBook {
  try {
    return read();
  } catch (e) {
    if (/password/i.test((e as Error).message)) throw new SpreadsheetProblem('file.password');
    throw new SpreadsheetProblem('file.damaged');
  }
}

// A truncated download loses the ZIP directory at the end; a sheet's <dimension> says how many rows it has.
function checkZip(bytes: Uint8Array): void {
  const entries = zipEntries(bytes);
  if (!entries) throw new SpreadsheetProblem('file.damaged');
  const unzipped = entries.reduce((n, e) => n + e.size, 0);
  if (entries.length > MAX_ENTRIES || unzipped > MAX_UNZIPPED)
    throw new SpreadsheetProblem('file.too_large', { size: mb(unzipped), max: mb(MAX_UNZIPPED) });
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name));
  if (sheets.length === 0 && !entries.some((e) => e.name === 'content.xml'))
    throw new SpreadsheetProblem('file.not_spreadsheet');
  for (const entry of sheets) {
    if (entry.size > MAX_SHEET_XML)
      throw new SpreadsheetProblem('file.too_large', { size: mb(bytes.length), max: mb(MAX_FILE_BYTES) });
    const rows = dimensionRows(bytes, entry);
    if (rows !== null && rows > SHEET_ROWS)
      throw new SpreadsheetProblem('file.too_many_rows', { rows, max: MAX_DATA_ROWS });
  }
}

// SheetJS trusts the sizes in each local header and inflates without bound when they are 0 (a data
// descriptor): the strict bundle reader unpacks every entry once (sizes, CRC-32 and limits checked), the
// sheets are counted, and SheetJS parses those very bytes as its own ZIP reader would have handed them
// over (parse_zip on a container of the entries), without a second archive or a second inflating.
function unpack(bytes: Uint8Array): XLSX.WorkBook {
  checkZip(bytes);
  const opened = openZip(asBytes(bytes), STRICT);
  if (!opened.ok) refuse(opened.reason);
  const entries = new Map<string, Uint8Array>();
  try {
    for (const name of opened.zip.sizes.keys()) entries.set(name, opened.zip.read(name));
  } catch (e) {
    if (e instanceof ZipRefusal) refuse(e.reason);
    throw e;
  }
  checkBounds(countZip(entries));
  const cfb: unknown = XLSX.CFB.utils.cfb_new();
  // SheetJS names an entry by its bytes one character each (its own reader does not decode UTF-8).
  for (const [name, data] of entries)
    XLSX.CFB.utils.cfb_add(cfb, String.fromCharCode(...utf8(name)), data, { unsafe: true });
  return parse(() => (XLSX as unknown as SheetJsZip).parse_zip(cfb, { ...OPTIONS, type: 'array' }));
}

// Exported by SheetJS (xlsx.mjs) but not in its type declarations: a workbook from an unpacked container.
interface SheetJsZip {
  parse_zip(zip: unknown, options: XLSX.ParsingOptions): XLSX.WorkBook;
}

function refuse(reason: ZipFailure): never {
  if (reason === 'zip.limits')
    throw new SpreadsheetProblem('file.too_large', { size: `${mb(MAX_UNZIPPED)}+`, max: mb(MAX_UNZIPPED) });
  throw new SpreadsheetProblem('file.damaged');
}

// Every sheet SheetJS would read from this archive, counted before it reads any.
function countZip(entries: ReadonlyMap<string, Uint8Array>): Counted {
  const total: Counted = { cells: 0, rows: 0 };
  for (const [name, data] of entries) {
    const counted = /^xl\/worksheets\/[^/]+\.xml$/.test(name)
      ? countXlsxSheet(data)
      : name === 'content.xml'
        ? countOds(new TextDecoder().decode(data))
        : null;
    if (!counted) continue;
    total.cells += counted.cells;
    total.rows = Math.max(total.rows, counted.rows);
  }
  return total;
}

function dimensionRows(bytes: Uint8Array, entry: ZipEntry): number | null {
  const head = entryHead(bytes, entry);
  const ref = head && /<dimension\s+ref="(?:[A-Z]+\d+:)?[A-Z]+(\d+)"/.exec(new TextDecoder().decode(head));
  return ref ? Number(ref[1]) : null;
}

function sheetsOf(wb: XLSX.WorkBook): SheetGrid[] {
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name] as (XLSX.WorkSheet & { '!data'?: Row[]; '!fullref'?: string }) | undefined;
    // Array.from, not map: empty rows are holes in the dense array, and map would keep them as holes.
    const rows = Array.from(ws?.['!data'] ?? [], (r) => r ?? []);
    const full = ws?.['!fullref'] ? XLSX.utils.decode_range(ws['!fullref']).e.r + 1 : rows.length;
    if (full >= SHEET_ROWS) throw new SpreadsheetProblem('file.too_many_rows', { rows: full, max: MAX_DATA_ROWS });
    return { name, rows };
  });
}
