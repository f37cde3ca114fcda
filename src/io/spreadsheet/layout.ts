// Which sheet holds the students, which row holds the headers, and which column is which. DMC's own
// layouts are recognised without asking; anything else gets a guess for the user to check (guess.ts).
import { cellText, isEmptyCell } from './cells';
import type { ColumnFields, FieldKey } from './fields';
import { DMC36, DMC76, matchHeader, type HeaderTarget } from './headers';
import { guessColumns, idLikeShare, looksLikeDataRow } from './guess';
import type { Row, Workbook } from './workbook';

export type LayoutName = 'dmc36' | 'dmc76' | 'dmc91' | 'custom';

/** Where the data is: sheet index, header row (0-based; -1 when there is none) and each column's field. */
export interface ColumnMapping {
  sheet: number;
  headerRow: number;
  columns: ColumnFields;
}

export interface Detection {
  layout: LayoutName;
  mapping: ColumnMapping;
  /** Header texts of the chosen row, for the mapping screen and presets. */
  headers: string[];
  /** DMC's "วันและเวลาที่สร้างรายงาน …" line, when the file has one. */
  createdText: string | null;
}

const SCAN_ROWS = 10;
const toField = (t: HeaderTarget | null): FieldKey | null => (t === null || t === 'ignore' ? null : t);

// Known headers at their known positions; column C of the download may be headed like F.
function positional(texts: readonly string[], layout: readonly [string, HeaderTarget][]): number {
  let n = 0;
  layout.forEach(([, target], i) => {
    const found = matchHeader(texts[i] ?? '');
    if (found === target || (target === 'idNo' && found === 'studentNo')) n++;
  });
  return n;
}

interface Candidate {
  layout: LayoutName;
  sheet: number;
  row: number;
  score: number;
}

function candidatesIn(rows: readonly Row[], sheet: number): Candidate[] {
  const found: Candidate[] = [];
  for (let r = 0; r < Math.min(SCAN_ROWS, rows.length); r++) {
    const texts = (rows[r] ?? []).map((c) => cellText(c));
    const named = texts.filter((t) => matchHeader(t) !== null).length;
    if (named === 0) continue;
    if (positional(texts, DMC36) >= 30) found.push({ layout: 'dmc36', sheet, row: r, score: 1000 + named });
    else if (positional(texts, DMC76) >= 60) found.push({ layout: 'dmc76', sheet, row: r, score: 1000 + named });
    else if (texts.length >= 77 && named >= 50) found.push({ layout: 'dmc91', sheet, row: r, score: 1000 + named });
    else found.push({ layout: 'custom', sheet, row: r, score: named });
  }
  return found;
}

function byName(texts: readonly string[]): ColumnFields {
  const taken = new Set<FieldKey>();
  return texts.map((t) => {
    const field = toField(matchHeader(t));
    if (field === null || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

// Column C of DMC's download holds the citizen ID whatever its header says; if a file has C and F the
// other way round, the content decides.
function settleIdColumn(columns: ColumnFields, rows: readonly Row[], headerRow: number): ColumnFields {
  const idCols = columns.flatMap((f, i) => (f === 'idNo' || f === 'studentNo' ? [i] : []));
  if (idCols.length < 2) return columns;
  const shares = idCols.map((i) => idLikeShare(rows, i, headerRow + 1));
  const best = idCols[shares.indexOf(Math.max(...shares))]!;
  if (columns[best] === 'idNo' || Math.max(...shares) < 0.5) return columns;
  return columns.map((f, i) => (i === best ? 'idNo' : f === 'idNo' ? 'studentNo' : f));
}

export function detectLayout(wb: Workbook): Detection | null {
  const candidates = wb.sheets.flatMap((s, i) => candidatesIn(s.rows, i));
  const best = candidates.sort((a, b) => b.score - a.score)[0];
  const sheet = best?.sheet ?? wb.sheets.findIndex((s) => s.rows.some((r) => r.some((c) => !isEmptyCell(c))));
  if (sheet < 0) return null;
  const rows = wb.sheets[sheet]!.rows;
  let headerRow = best?.row ?? rows.findIndex((r) => r.some((c) => !isEmptyCell(c)));
  if (!best && looksLikeDataRow(rows[headerRow])) headerRow -= 1;
  const texts = (rows[headerRow] ?? []).map((c) => cellText(c));
  const layout = best?.layout ?? 'custom';
  let columns: ColumnFields;
  if (layout === 'dmc36' || layout === 'dmc76') {
    const known = layout === 'dmc36' ? DMC36 : DMC76;
    columns = texts.map((_, i) => toField(known[i]?.[1] ?? null));
  } else columns = byName(texts);
  columns = settleIdColumn(columns, rows, headerRow);
  if (layout === 'custom') columns = guessColumns(columns, rows, headerRow);
  const first = cellText(rows[0]?.[0]);
  return {
    layout,
    mapping: { sheet, headerRow, columns },
    headers: texts,
    createdText: first.startsWith('วันและเวลาที่สร้างรายงาน') ? first : null,
  };
}
