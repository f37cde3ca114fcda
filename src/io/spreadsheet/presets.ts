// A column mapping the user saved for a file layout we do not know, keyed by that file's headers: the
// next file with the same headers is offered the same mapping.
import { FIELDS, isFieldKey, type ColumnFields, type FieldKey } from './fields';
import { normaliseHeader } from './headers';
import type { ColumnMapping } from './layout';

export interface ImportPreset {
  id: string;
  name: string;
  /** The header texts, normalised as headers are matched (no spaces). */
  headers: string[];
  /** The header row as a spreadsheet program numbers it (1-based; 0 = the file has none). */
  headerRow: number;
  /** Column letter → field. */
  columns: Record<string, FieldKey>;
  savedAt: string;
}

/** "A", "B", … "Z", "AA": column letters as spreadsheet programs show them. */
export function columnLetter(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnIndex(letter: string): number {
  return [...letter.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
}

const headerKey = (headers: readonly string[]): string => {
  const keys = headers.map(normaliseHeader);
  while (keys.length && keys.at(-1) === '') keys.pop();
  return keys.join('|');
};

/** The saved preset whose headers are the file's headers, if any. */
export function presetFor<P extends { headers: readonly string[] }>(
  headers: readonly string[],
  presets: readonly P[],
): P | null {
  const key = headerKey(headers);
  return key === '' ? null : (presets.find((p) => headerKey(p.headers) === key) ?? null);
}

export function presetMapping(preset: ImportPreset, sheet: number, width: number): ColumnMapping {
  const columns: ColumnFields = Array.from({ length: width }, (_, i) => {
    const field = preset.columns[columnLetter(i)];
    return isFieldKey(field) ? field : null;
  });
  return { sheet, headerRow: preset.headerRow - 1, columns };
}

export function newPreset(
  id: string,
  name: string,
  headers: readonly string[],
  mapping: ColumnMapping,
  now: Date,
): ImportPreset {
  const columns: Record<string, FieldKey> = {};
  mapping.columns.forEach((f, i) => {
    if (f && f in FIELDS) columns[columnLetter(i)] = f;
  });
  return {
    id,
    name: name.trim(),
    headers: headers.map(normaliseHeader),
    headerRow: mapping.headerRow + 1,
    columns,
    savedAt: now.toISOString(),
  };
}

/** A stored preset as the reader wants it: columns naming no known field are dropped. */
export function presetFromRow(row: {
  id: string;
  name: string;
  headers: string[];
  headerRow: number;
  columns: Record<string, string>;
  savedAt: string;
}): ImportPreset {
  const columns: Record<string, FieldKey> = {};
  for (const [letter, field] of Object.entries(row.columns)) if (isFieldKey(field)) columns[letter] = field;
  return { ...row, columns };
}
