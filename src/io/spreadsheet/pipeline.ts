// File → preview, the same in the Web Worker, the command line and the tests: open the workbook, find
// the layout, read rows, check them with the register's rules, compare with the register. Each step is
// linear in the rows; onProgress gets the fraction done (0–1) and the step's name.
import type { DuplicatePair } from '../../domain/duplicates/find';
import { planImport, type ImportPlan, type ImportRow } from '../../domain/import/plan';
import type { Student } from '../../domain/student/schema';
import type { AreaResolver } from './areas';
import { cellText } from './cells';
import { FIELDS, recordPaths } from './fields';
import { detectLayout, type ColumnMapping, type Detection } from './layout';
import { presetFor, presetMapping, type ImportPreset } from './presets';
import { SpreadsheetProblem } from './problems';
import { checkRows } from './records';
import { readRows, type SheetRow } from './rows';
import { readWorkbook, type Workbook } from './workbook';

export type Stage = 'parse' | 'rows' | 'check' | 'compare';
export type Progress = (stage: Stage, fraction: number) => void;

// Share of the whole job each stage takes on a 3,000-row file, so one bar moves evenly.
const SPAN: Record<Stage, [number, number]> = {
  parse: [0, 0.55],
  rows: [0.55, 0.75],
  check: [0.75, 0.92],
  compare: [0.92, 1],
};
export const overall = (stage: Stage, fraction: number): number =>
  SPAN[stage][0] + (SPAN[stage][1] - SPAN[stage][0]) * fraction;

export interface FileInfo {
  format: Workbook['format'];
  encoding: Workbook['encoding'];
  sheetNames: string[];
}

export function openFile(bytes: Uint8Array, onProgress?: Progress): { wb: Workbook; info: FileInfo } {
  onProgress?.('parse', 0);
  const wb = readWorkbook(bytes);
  onProgress?.('parse', 1);
  return { wb, info: { format: wb.format, encoding: wb.encoding, sheetNames: wb.sheets.map((s) => s.name) } };
}

/** The layout of the best sheet (or of `sheet`); throws when no sheet holds anything. */
export function detect(wb: Workbook, sheet?: number): Detection {
  const only =
    sheet === undefined ? wb : { ...wb, sheets: wb.sheets.map((s, i) => (i === sheet ? s : { ...s, rows: [] })) };
  const found = detectLayout(only);
  if (!found) throw new SpreadsheetProblem('file.no_data');
  return found;
}

/** Whether a mapping can make student records at all: it needs a name or an ID column. */
export function mappingUsable(mapping: ColumnMapping): boolean {
  return mapping.columns.some((f) => f === 'idNo' || f === 'firstName' || f === 'fullName');
}

export interface MappingProposal {
  detection: Detection;
  /** The first data rows as text, for the user to see what each column holds. */
  sample: string[][];
  preset: ImportPreset | null;
}

export function proposeMapping(wb: Workbook, detection: Detection, presets: readonly ImportPreset[]): MappingProposal {
  const { sheet, headerRow } = detection.mapping;
  const rows = wb.sheets[sheet]!.rows;
  const width = Math.max(detection.headers.length, detection.mapping.columns.length);
  const sample = rows
    .slice(headerRow + 1)
    .filter((r) => r.some((c) => cellText(c) !== ''))
    .slice(0, 5)
    .map((r) => Array.from({ length: width }, (_, i) => cellText(r[i])));
  const preset = presetFor(detection.headers, presets);
  const mapping = preset ? presetMapping(preset, sheet, width) : detection.mapping;
  return { detection: { ...detection, mapping }, sample, preset };
}

// Record paths a row has values for: an update may change only these.
function filledPaths(raw: Record<string, unknown>, prefix = '', out: string[] = []): string[] {
  for (const [k, v] of Object.entries(raw)) {
    const path = prefix ? `${prefix}.${k}` : k;
    if (path === 'status') continue;
    if (v !== null && typeof v === 'object') filledPaths(v as Record<string, unknown>, path, out);
    else if (v !== '' && v !== undefined && v !== null) out.push(path);
  }
  if (!prefix && out.includes('idNo')) out.push('idType');
  return out;
}

export interface PreviewContext {
  register: readonly Student[];
  /** The date ages are taken on. */
  asOf: string;
  dismissed?: ReadonlySet<string>;
  resolveArea: AreaResolver | null;
  areaExists?: (code: number) => boolean;
}

export interface Preview {
  detection: Detection;
  plan: ImportPlan;
  /** School codes the file's rows carry (DMC's column A), to warn about another school's file. */
  schoolCodes: string[];
  /** The same codes with the name the file gives each (DMC's column B), to name that school. */
  schools: { code: string; name: string }[];
  /** Possible duplicates between two rows of the file itself (the register's findDuplicates), by sheet row. */
  inFile: InFilePair[];
  /** Record paths the file's columns fill. */
  paths: string[];
}

export interface InFilePair {
  rule: DuplicatePair['rule'];
  rows: [number, number];
  reason: DuplicatePair['reason'];
}

export function readChecked(
  wb: Workbook,
  mapping: ColumnMapping,
  ctx: Omit<PreviewContext, 'register'>,
  onProgress?: Progress,
) {
  if (!mappingUsable(mapping))
    throw new SpreadsheetProblem('file.no_students', { sheets: wb.sheets.map((s) => s.name).join(', ') });
  const sheetRows: SheetRow[] = readRows(wb, mapping, {
    resolveArea: ctx.resolveArea,
    onProgress: (f) => onProgress?.('rows', f),
  });
  if (sheetRows.length === 0) throw new SpreadsheetProblem('file.no_data');
  onProgress?.('check', 0);
  const checked = checkRows(sheetRows, { asOf: ctx.asOf, areaExists: ctx.areaExists });
  onProgress?.('check', 1);
  return { sheetRows, checked };
}

export function buildPreview(wb: Workbook, detection: Detection, ctx: PreviewContext, onProgress?: Progress): Preview {
  const { sheetRows, checked } = readChecked(wb, detection.mapping, ctx, onProgress);
  const rows: ImportRow[] = checked.rows.map((r, i) => ({ ...r, filled: filledPaths(sheetRows[i]!.raw) }));
  onProgress?.('compare', 0);
  const plan = planImport(rows, ctx.register, ctx.dismissed);
  onProgress?.('compare', 1);
  const names = new Map<string, string>();
  for (const r of sheetRows) if (r.schoolCode !== '' && !names.get(r.schoolCode)) names.set(r.schoolCode, r.schoolName);
  const schools = [...names].map(([code, name]) => ({ code, name }));
  const inFile = checked.duplicates.map((d): InFilePair => ({
    rule: d.rule,
    rows: [sheetRows[d.indexes[0]]!.sheetRow, sheetRows[d.indexes[1]]!.sheetRow],
    reason: d.reason,
  }));
  return {
    detection,
    plan,
    schoolCodes: schools.map((x) => x.code),
    schools,
    inFile,
    paths: recordPaths(detection.mapping.columns),
  };
}

/** Field labels of a mapping's columns, for messages ("คอลัมน์ C: เลขประจำตัวประชาชน"). */
export const fieldLabel = (key: keyof typeof FIELDS, lang: 'th' | 'en'): string => FIELDS[key][lang];
