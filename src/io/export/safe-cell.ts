// Every cell any of our writers puts in a file goes through here. Text is always a text cell (never a
// formula), and text that a spreadsheet program would run as a formula once it is edited, saved as CSV
// or pasted elsewhere (= + - @ tab CR at the start) gets a leading apostrophe, the usual guard, which our
// own importer takes off again (src/io/spreadsheet/cells.ts).
import type { CellObject } from '@e965/xlsx';

export type CellValue = string | number | boolean | null | undefined;

const RISKY = /^[=+\-@\t\r]/;

/** The text as it is safe to write: "=1+2" → "'=1+2"; DMC's lone "-" (empty) stays as it is. */
export function safeText(text: string): string {
  return text !== '-' && RISKY.test(text) ? `'${text}` : text;
}

/** A SheetJS cell for a value: numbers stay numbers; null and '' become an empty cell. */
export function safeCell(value: CellValue): CellObject {
  if (value === null || value === undefined || value === '') return { t: 'z' };
  if (typeof value === 'number') return Number.isFinite(value) ? { t: 'n', v: value } : { t: 'z' };
  if (typeof value === 'boolean') return { t: 'b', v: value };
  return { t: 's', v: safeText(value) };
}
