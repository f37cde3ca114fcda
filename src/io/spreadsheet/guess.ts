// Guesses for columns whose header says nothing we know, from what the cells hold: checksum-valid IDs,
// dates, ช/ญ, prefixes, grades. The user sees every guess on the mapping screen before anything is read.
import { gradeFromLabel, prefixByLabel, sexFromText } from '../../domain/codes';
import { isGCode, isValidCitizenId } from '../../domain/ids';
import { parseThaiDate } from '../../domain/thai-date';
import { cellText, hasDateFormat } from './cells';
import type { ColumnFields, FieldKey } from './fields';
import type { Cell, Row } from './workbook';

const SAMPLE = 100;

function sample(rows: readonly Row[], col: number, from: number): Cell[] {
  const out: Cell[] = [];
  for (let r = Math.max(0, from); r < rows.length && out.length < SAMPLE; r++) {
    const cell = rows[r]?.[col];
    if (cell && cellText(cell) !== '') out.push(cell);
  }
  return out;
}

function share(cells: readonly Cell[], test: (cell: Cell, text: string) => boolean): number {
  if (cells.length === 0) return 0;
  return cells.filter((c) => test(c, cellText(c))).length / cells.length;
}

const ID_TEXT = /^\d{13}$|^G\d{12}$|^\d(\.\d+)?E\+\d+$/i;

/** The share of a column's filled cells (from row `from` on) that look like citizen IDs or G-codes. */
export function idLikeShare(rows: readonly Row[], col: number, from: number): number {
  return share(sample(rows, col, from), (_, t) => ID_TEXT.test(t.replace(/[\s-]/g, '')));
}

const isId = (_: Cell, t: string): boolean => {
  const s = t.replace(/[\s-]/g, '');
  return isValidCitizenId(s) || isGCode(s.toUpperCase());
};
const isDate = (c: Cell, t: string): boolean => hasDateFormat(c) || (/[/.\s-]/.test(t) && parseThaiDate(t) !== null);
const isSex = (_: Cell, t: string): boolean => sexFromText(t) !== undefined;
const isPrefix = (_: Cell, t: string): boolean => prefixByLabel(t) !== undefined;
const isClassRoom = (_: Cell, t: string): boolean =>
  /^[^\d/]+\.?\s*\d\s*\/\s*\d+$/.test(t) && gradeFromLabel(t.split('/')[0]!) !== undefined;
const isGrade = (_: Cell, t: string): boolean => /\D/.test(t) && gradeFromLabel(t) !== undefined;
const isFullName = (_: Cell, t: string): boolean =>
  /^[\u0E00-\u0E7F.\s]+$/.test(t) && /\S\s+\S/.test(t) && startsWithPrefix(t);

function startsWithPrefix(t: string): boolean {
  return ['เด็กชาย', 'เด็กหญิง', 'นาย', 'นางสาว', 'นาง', 'ด.ช.', 'ด.ญ.', 'น.ส.', 'ดช', 'ดญ'].some((p) => t.startsWith(p));
}

const RULES: readonly [FieldKey, (c: Cell, t: string) => boolean, number][] = [
  ['idNo', isId, 0.6],
  ['birthDate', isDate, 0.6],
  ['sex', isSex, 0.8],
  ['prefix', isPrefix, 0.8],
  ['classRoom', isClassRoom, 0.8],
  ['grade', isGrade, 0.8],
  ['fullName', isFullName, 0.6],
];

/** Fills the columns that headers left unknown, each field at most once. */
export function guessColumns(columns: ColumnFields, rows: readonly Row[], headerRow: number): ColumnFields {
  const out = [...columns];
  const width = Math.max(out.length, ...rows.slice(headerRow + 1, headerRow + 1 + SAMPLE).map((r) => r.length));
  const taken = new Set(out.filter((f): f is FieldKey => f !== null));
  for (let col = 0; col < width; col++) {
    // "ห้องเรียน" over cells like "ป.1/2" is a grade and a room in one.
    if (
      (out[col] === 'room' || out[col] === 'grade') &&
      !taken.has('classRoom') &&
      share(sample(rows, col, headerRow + 1), isClassRoom) >= 0.8
    ) {
      taken.delete(out[col]!);
      out[col] = 'classRoom';
      taken.add('classRoom');
    }
    if (out[col]) continue;
    out[col] = null;
    const cells = sample(rows, col, headerRow + 1);
    const hit = RULES.find(([field, test, min]) => !taken.has(field) && share(cells, test) >= min);
    if (hit) {
      out[col] = hit[0];
      taken.add(hit[0]);
    }
  }
  return out;
}

/** A row that holds a citizen ID is data, not headers (a file without a header row). */
export function looksLikeDataRow(row: Row | undefined): boolean {
  return (row ?? []).some((c) => c !== undefined && isId(c, cellText(c)));
}
