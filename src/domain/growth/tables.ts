// The shape of the compact WHO tables in ./data (written by scripts/build-growth-tables.mjs) and the
// look-up of L, M, S at an age, interpolated linearly between whole days or months as WHO's tools do.
import type { SexCode } from '../codes';
import type { Lms } from './lms';

export interface LmsColumns {
  /** One number when L never changes (height: L = 1). */
  l: number | number[];
  m: number[];
  s: number[];
}

/** One indicator by age: rows from `first` to `last` (days for WHO 2006, months for WHO 2007). */
export interface AgeTable {
  by: 'day' | 'month';
  first: number;
  last: number;
  M: LmsColumns;
  F: LmsColumns;
}

export type Indicator = 'bmi' | 'height' | 'weight';

export interface ReferenceData {
  source: string;
  bmi: AgeTable;
  height: AgeTable;
  weight: AgeTable;
}

/** WHO 2006 also says where recumbent length stops: its height tables are length up to this day. */
export interface Who2006Data extends ReferenceData {
  lastLengthDay: number;
}

export interface GrowthReferences {
  who2006: Who2006Data;
  who2007: ReferenceData;
}

function row(c: LmsColumns, i: number): Lms {
  return { l: typeof c.l === 'number' ? c.l : c.l[i]!, m: c.m[i]!, s: c.s[i]! };
}

/** L, M, S at an age in the table's unit; null outside the table. */
export function lmsAt(table: AgeTable, sex: SexCode, age: number): Lms | null {
  if (!Number.isFinite(age) || age < table.first || age > table.last) return null;
  const cols = table[sex];
  const low = Math.trunc(age);
  const diff = age - low;
  const a = row(cols, low - table.first);
  if (diff === 0) return a;
  const b = row(cols, low + 1 - table.first);
  const at = (x: number, y: number) => x + diff * (y - x);
  return { l: at(a.l, b.l), m: at(a.m, b.m), s: at(a.s, b.s) };
}
