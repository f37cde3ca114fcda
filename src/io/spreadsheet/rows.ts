// Sheet rows → raw student objects shaped like the record (nested by field path), ready for
// readStudentRecord, plus what only the cell could tell (an ID damaged by exponent form, an unknown area).
import { splitFullName } from '../../domain/student/names';
import { prefixByLabel } from '../../domain/codes';
import type { Message, RuleCode } from '../../domain/validation/catalogue';
import type { AreaResolver } from './areas';
import { cellText, isEmptyCell, readDate, readId, readNumber, readPhone } from './cells';
import { FIELDS, type FieldKey } from './fields';
import type { ColumnMapping } from './layout';
import { MAX_DATA_ROWS, SpreadsheetProblem } from './problems';
import { numberValue, recordValue } from './values';
import type { Cell, Row, Workbook } from './workbook';

export interface CellNote {
  rule: RuleCode;
  field: string;
  message: Message | null;
}
export interface SheetRow {
  /** The row number a spreadsheet program shows (1-based). */
  sheetRow: number;
  raw: Record<string, unknown>;
  notes: CellNote[];
  schoolCode: string;
  /** The school's name beside its code, to name another school's file. */
  schoolName: string;
}

type Json = Record<string, unknown>;

function setPath(obj: Json, path: string, value: unknown): void {
  const parts = path.split('.');
  let at = obj;
  for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Json;
  at[parts.at(-1)!] = value;
}

// "ด.ช.สมชาย ใจดี", "นางสาว มาลี ใจดี": the prefix, then the first word, then the rest.
const splitName = (text: string) => splitFullName(text, (p) => prefixByLabel(p)?.label);

// A school's file repeats the same few grades, religions and occupations thousands of times.
type Memo = Map<string, string>;
function memoValue(memo: Memo, key: FieldKey, text: string): string {
  const k = `${key}\u0000${text}`;
  let v = memo.get(k);
  if (v === undefined) {
    v = recordValue(key, text);
    memo.set(k, v);
  }
  return v;
}

function readCell(
  key: FieldKey,
  cell: Cell | undefined,
  raw: Json,
  notes: CellNote[],
  date1904: boolean,
  memo: Memo,
): void {
  const kind = FIELDS[key].kind;
  if (kind === 'id') {
    const { text, damage } = readId(cell);
    if (damage)
      notes.push({ rule: key === 'idNo' ? 'id.format' : 'record.invalid_value', field: key, message: damage });
    setPath(raw, key, text);
  } else if (kind === 'date') setPath(raw, key, memoValue(memo, key, readDate(cell, date1904)));
  else if (kind === 'number') {
    const n = readNumber(cell);
    setPath(raw, key, typeof n === 'number' ? n : numberValue(n));
  } else if (kind === 'phone') setPath(raw, key, readPhone(cell));
  else if (key === 'fullName') Object.assign(raw, splitName(cellText(cell)));
  else if (key === 'classRoom') {
    const [grade = '', room = ''] = cellText(cell).split('/');
    Object.assign(raw, { grade: memoValue(memo, 'grade', grade.trim()), room: room.trim() });
  } else setPath(raw, key, memoValue(memo, key, cellText(cell)));
}

function readAreas(row: Row, mapping: ColumnMapping, raw: Json, notes: CellNote[], resolve: AreaResolver): void {
  for (const which of ['registered', 'current'] as const) {
    const name = (level: string): string => {
      const col = mapping.columns.indexOf(`area.${which}.${level}` as FieldKey);
      return col < 0 ? '' : cellText(row[col]);
    };
    const names = { province: name('province'), district: name('district'), subdistrict: name('subdistrict') };
    if (!names.province && !names.district && !names.subdistrict) continue;
    const codes = resolve(names);
    for (const level of ['provinceCode', 'districtCode', 'subdistrictCode'] as const) {
      if (codes[level] !== null) setPath(raw, `addresses.${which}.${level}`, codes[level]);
    }
    if (codes.unknown)
      notes.push({ rule: 'address.unknown_area', field: `addresses.${which}.${codes.unknown}`, message: null });
  }
}

export interface ReadOptions {
  resolveArea: AreaResolver | null;
  onProgress?: (fraction: number) => void;
}

/** Every non-empty row below the header row; throws file.too_many_rows past the limit. */
export function readRows(wb: Workbook, mapping: ColumnMapping, { resolveArea, onProgress }: ReadOptions): SheetRow[] {
  const rows = wb.sheets[mapping.sheet]?.rows ?? [];
  const used = mapping.columns.flatMap((key, col) =>
    key && FIELDS[key].kind !== 'area' && key !== 'schoolCode' && key !== 'schoolName' ? [[key, col] as const] : [],
  );
  const schoolCol = mapping.columns.indexOf('schoolCode');
  const schoolNameCol = mapping.columns.indexOf('schoolName');
  const hasAreas = mapping.columns.some((k) => k !== null && FIELDS[k].kind === 'area');
  const out: SheetRow[] = [];
  const memo: Memo = new Map();
  const areaMemo = new Map<string, ReturnType<AreaResolver>>();
  const resolve: AreaResolver | null =
    resolveArea &&
    ((names) => {
      const k = `${names.province}|${names.district}|${names.subdistrict}`;
      let codes = areaMemo.get(k);
      if (!codes) areaMemo.set(k, (codes = resolveArea(names)));
      return codes;
    });
  const step = Math.max(500, Math.ceil(rows.length / 20));
  for (let r = mapping.headerRow + 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (onProgress && r % step === 0) onProgress(r / rows.length);
    if (row.every((c) => isEmptyCell(c))) continue;
    if (out.length === MAX_DATA_ROWS)
      throw new SpreadsheetProblem('file.too_many_rows', { rows: `${MAX_DATA_ROWS}+`, max: MAX_DATA_ROWS });
    // Files list current students; a status set here lets a clean row pass the schema on the first try.
    const raw: Json = { status: 'active' };
    const notes: CellNote[] = [];
    for (const [key, col] of used) readCell(key, row[col], raw, notes, wb.date1904, memo);
    if (hasAreas && resolve) readAreas(row, mapping, raw, notes, resolve);
    out.push({
      sheetRow: r + 1,
      raw,
      notes,
      schoolCode: schoolCol < 0 ? '' : cellText(row[schoolCol]),
      schoolName: schoolNameCol < 0 ? '' : cellText(row[schoolNameCol]),
    });
  }
  return out;
}
