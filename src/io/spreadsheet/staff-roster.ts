// A staff roster file → text table → staff records, through the same workbook reader as the students'
// import (bounds, damage and password checks included); used by the app and by `tabian staff headcount`.
// Opening proposes each column's field (our headers, the EMIS preset or a saved preset of the same headers)
// for the students' column-mapping screen; reading follows the columns the user settled on.
import { IMPORT_COLUMNS, readRosterTable, type RosterRead } from '../../domain/staff/roster-sheet';
import { importColumnOf, isEmisHeader, rosterColumnsUsable, EMIS_PRESET_NAME } from '../../domain/staff/roster-emis';
import { cellText, readDate, readId, readPhone } from './cells';
import { columnLetter, presetFor } from './presets';
import { SpreadsheetProblem } from './problems';
import { readWorkbook, type Row } from './workbook';

const kinds = new Map(IMPORT_COLUMNS.map((c) => [c.key, c.kind]));
// A title or the school's name may stand above the header: look for it in the first rows.
const HEADER_SEARCH = 10;
const SAMPLE_ROWS = 5;

/** A saved mapping (the import presets' store), keyed by the file's headers. */
export interface RosterPreset {
  name: string;
  headers: string[];
  headerRow: number;
  columns: Record<string, string>;
}

/** Where a roster's columns are: the sheet, its header row (0-based) and each column's field or null. */
export interface RosterMapping {
  sheet: number;
  headerRow: number;
  columns: (string | null)[];
}

export interface RosterOpened {
  sheetNames: string[];
  mapping: RosterMapping;
  headers: string[];
  /** The first data rows as text, for the user to see what each column holds. */
  sample: string[][];
  /** The preset that named the columns: a saved one's name, "EMIS", or null (our own headers, or a guess). */
  preset: string | null;
  /** Every header named and the columns make people: the preview may come without asking. */
  recognised: boolean;
}

const named = (row: Row | undefined): number =>
  (row ?? []).filter((cell) => importColumnOf(cellText(cell)) !== undefined).length;

export function openRosterFile(bytes: Uint8Array, presets: readonly RosterPreset[] = []): RosterOpened {
  const wb = readWorkbook(bytes);
  let best = { sheet: -1, row: 0, score: 0 };
  wb.sheets.forEach((s, sheet) =>
    s.rows.slice(0, HEADER_SEARCH).forEach((r, row) => {
      if (named(r) > best.score) best = { sheet, row, score: named(r) };
    }),
  );
  if (best.sheet < 0) {
    // Nothing named: the first sheet and row with anything in it, for the user to map.
    const sheet = wb.sheets.findIndex((s) => s.rows.some((r) => r.some((c) => cellText(c) !== '')));
    if (sheet < 0) throw new SpreadsheetProblem('file.no_data');
    best = { sheet, row: wb.sheets[sheet]!.rows.findIndex((r) => r.some((c) => cellText(c) !== '')), score: 0 };
  }
  const rows = wb.sheets[best.sheet]!.rows;
  const headers = (rows[best.row] ?? []).map((c) => cellText(c));
  const sample = rows
    .slice(best.row + 1)
    .filter((r) => r.some((c) => cellText(c) !== ''))
    .slice(0, SAMPLE_ROWS)
    .map((r) => r.map((c) => cellText(c)));
  const width = Math.max(headers.length, ...sample.map((r) => r.length));
  const saved = presetFor(headers, presets);
  const taken = new Set<string>();
  const columns = Array.from({ length: width }, (_, i): string | null => {
    const key = saved ? (saved.columns[columnLetter(i)] ?? null) : (importColumnOf(headers[i] ?? '') ?? null);
    if (!key || taken.has(key) || !kinds.has(key)) return null;
    taken.add(key);
    return key;
  });
  const headerRow = saved ? Math.max(0, saved.headerRow - 1) : best.row;
  const allNamed = headers.every((h) => h.trim() === '' || importColumnOf(h) !== undefined);
  return {
    sheetNames: wb.sheets.map((s) => s.name),
    mapping: { sheet: best.sheet, headerRow, columns },
    headers,
    sample,
    preset: saved?.name ?? (headers.some(isEmisHeader) ? EMIS_PRESET_NAME : null),
    recognised: rosterColumnsUsable(columns) && (saved !== null || allNamed),
  };
}

/** Reads the people of a roster file with the columns given (rows numbered as the spreadsheet shows them). */
export function readRosterSheet(bytes: Uint8Array, mapping: RosterMapping, newId: (row: number) => string): RosterRead {
  const wb = readWorkbook(bytes);
  const rows = wb.sheets[mapping.sheet]?.rows ?? [];
  const keys = mapping.columns;
  const text = (row: Row): string[] =>
    keys.map((key, i) => {
      const cell = row[i];
      const kind = kinds.get(key ?? '');
      return kind === 'id'
        ? readId(cell).text
        : kind === 'date'
          ? readDate(cell, wb.date1904)
          : kind === 'phone'
            ? readPhone(cell)
            : cellText(cell);
    });
  const at = mapping.headerRow;
  const read = readRosterTable([keys.map((k) => k ?? ''), ...rows.slice(at + 1).map(text)], (row) => newId(row + at));
  return { ...read, problems: read.problems.map((p) => ({ ...p, row: p.row + at })) };
}

/** The file read as its headers say (the command line's way, with no one to ask). */
export function readRosterFile(bytes: Uint8Array, newId: (row: number) => string): RosterRead {
  const opened = openRosterFile(bytes);
  if (!rosterColumnsUsable(opened.mapping.columns)) throw new SpreadsheetProblem('file.no_data');
  const read = readRosterSheet(bytes, opened.mapping, newId);
  const unknownHeaders = opened.headers.filter((h) => h.trim() && importColumnOf(h) === undefined);
  return { ...read, unknownHeaders };
}
