// Which roster field a spreadsheet header names: our own roster headers (roster-sheet.ts), else the built-in
// EMIS preset, kept as data with its source (emis-roster-headers.json). The mapping screen starts from this.
import emis from './emis-roster-headers.json';
import { columnOfHeader } from './roster-sheet';

/** Spaces, zero-width marks and a required column's asterisk say nothing about a header. */
const norm = (h: string): string => h.replace(/[\s\u200b-\u200d\ufeff*]/g, '').toLowerCase();

const EMIS = new Map(Object.entries(emis.headers as Record<string, string | null>).map(([h, key]) => [norm(h), key]));
export const EMIS_PRESET_NAME = emis.name;

/** The field a header names (undefined: not known; null: a known column the roster does not keep). */
export function importColumnOf(header: string): string | null | undefined {
  return columnOfHeader(header) ?? EMIS.get(norm(header));
}

/** Whether the header's meaning comes from the EMIS preset rather than our own roster layout. */
export const isEmisHeader = (header: string): boolean => !columnOfHeader(header) && EMIS.has(norm(header));

/** A roster file's columns make people only with a name or a citizen ID. */
export const rosterColumnsUsable = (keys: readonly (string | null)[]): boolean =>
  keys.some((k) => k === 'idNo' || k === 'firstName' || k === 'fullName');
