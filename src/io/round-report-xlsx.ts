// The round report as an .xlsx workbook, written by the one workbook writer (export/book.ts): every text
// cell goes through safeCell, so a name typed as "=…" stays text when a district officer opens it in Excel.
import { xlsxBytes, type SheetSpec } from './export/book';

export { safeCell } from './export/safe-cell';
export type Cell = string | number | null;
export interface Sheet extends SheetSpec {
  rows: Cell[][];
}

/** The workbook's bytes. */
export const roundReportXlsx = (sheets: readonly Sheet[]): Uint8Array => xlsxBytes(sheets);
