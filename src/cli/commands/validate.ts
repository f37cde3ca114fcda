import { readFile } from 'node:fs/promises';
import type { AreaIndex } from '../../domain/areas/areas';
import { loadAreaIndex } from '../../domain/areas/load';
import type { DuplicatePair } from '../../domain/duplicates/find';
import type { Student } from '../../domain/student/schema';
import { isIsoDate, localIsoDate } from '../../domain/thai-date';
import type { Finding } from '../../domain/validation/catalogue';
import { validateRecords } from '../../domain/validation/records';
import { areaExistsIn } from '../../domain/validation/student';
import { areaResolver } from '../../io/spreadsheet/areas';
import { columnLetter } from '../../io/spreadsheet/presets';
import { detect, openFile, readChecked } from '../../io/spreadsheet/pipeline';
import { problemMessage, SpreadsheetProblem } from '../../io/spreadsheet/problems';
import { parseCommandArgs, UsageError } from '../args';
import { defineCommand, type Command } from '../command';

const usage = [
  'Usage: tabian validate <file.jsonl|file.xlsx|file.xls|file.csv> [--as-of YYYY-MM-DD] [--lang th|en]',
  "Reads student records (one JSON object a line, or a spreadsheet: DMC's downloads and other lists)",
  'and prints one JSON report:',
  '  {"students","errors","warnings","issues":[{"row","idNo","rule","severity","field","message","value"?}],',
  '   "duplicates":[{"rule","rows":[a,b],"reason"}]}',
  'value is the text the file had in a field it could not fill (no code matched,',
  'an impossible date or grade): the record keeps it while the field stays blank.',
  'students counts the non-blank lines or rows; row is the 1-based line number, or the row number a',
  'spreadsheet program shows. A line that is not a JSON object is reported as record.unreadable.',
  "Columns of a spreadsheet whose layout is not DMC's are guessed, and the guess is printed to stderr.",
  '--as-of is the date ages are taken on (default: today); --lang the language of messages (default: th).',
  'Exit 0 once the file is read, 2 if it cannot be.',
].join('\n');

const SPREADSHEET = /\.(xlsx|xlsm|xls|csv|txt)$/i;

interface Options {
  file: string;
  asOf: string;
  lang: 'th' | 'en';
}

// The school's local date: a school in Thailand at 06:00 is already on its new day, while UTC is not.
const today = (): string => localIsoDate(new Date());

function options(args: readonly string[]): Options {
  const { values, positionals } = parseCommandArgs(args, { 'as-of': { type: 'string' }, lang: { type: 'string' } });
  if (positionals.length !== 1)
    throw positionals.length === 0
      ? new UsageError('ไม่ได้ใส่ไฟล์', 'no file given')
      : new UsageError('ใส่ไฟล์เดียว', 'give one file only');
  const { 'as-of': asOf = today(), lang = 'th' } = values;
  if (!isIsoDate(asOf))
    throw new UsageError(
      `--as-of ต้องเป็นวันที่จริงแบบ YYYY-MM-DD ไม่ใช่ "${asOf}"`,
      `--as-of wants a real date as YYYY-MM-DD, got "${asOf}"`,
    );
  if (lang !== 'th' && lang !== 'en')
    throw new UsageError(`--lang ต้องเป็น th หรือ en ไม่ใช่ "${lang}"`, `--lang wants th or en, got "${lang}"`);
  return { file: positionals[0]!, asOf, lang };
}

async function readText(file: string): Promise<string> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : e instanceof TypeError
            ? 'it is not UTF-8 text'
            : (e as Error).message;
    throw new Error(`cannot read "${file}": ${why}`, { cause: e });
  }
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(
      `cannot read "${file}": ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message}`,
      { cause: e },
    );
  }
}

interface Checked {
  rows: number[];
  students: (Student | null)[];
  findings: Finding[][];
  duplicates: DuplicatePair[];
}

async function checkJsonLines(opts: Options, areaExists: (code: number) => boolean): Promise<Checked> {
  const text = await readText(opts.file);
  const lines = text
    .split(/\r?\n/)
    .map((line, i) => ({ row: i + 1, line }))
    .filter(({ line }) => line.trim() !== '');
  const result = validateRecords(
    lines.map(({ line }) => parseLine(line)),
    { asOf: opts.asOf, areaExists },
  );
  return { rows: lines.map((l) => l.row), ...result };
}

// The same pipeline as the app's import, without a worker: bytes → workbook → layout → rows → rules.
async function checkSpreadsheet(opts: Options, areas: AreaIndex, io: { err(line: string): void }): Promise<Checked> {
  const bytes = await readBytes(opts.file);
  try {
    const { wb } = openFile(bytes);
    const found = detect(wb);
    if (found.layout === 'custom') {
      const guess = found.mapping.columns.flatMap((f, i) => (f ? [`${columnLetter(i)}=${f}`] : [])).join(', ');
      io.err(
        `tabian validate: not a DMC layout; columns guessed from sheet "${wb.sheets[found.mapping.sheet]!.name}": ${guess || 'none'}`,
      );
    }
    const ctx = { asOf: opts.asOf, resolveArea: areaResolver(areas), areaExists: areaExistsIn(areas) };
    const { checked } = readChecked(wb, found.mapping, ctx);
    return {
      rows: checked.rows.map((r) => r.sheetRow),
      students: checked.rows.map((r) => r.student),
      findings: checked.rows.map((r) => r.findings),
      duplicates: checked.duplicates,
    };
  } catch (e) {
    if (e instanceof SpreadsheetProblem)
      throw new Error(`cannot read "${opts.file}": ${problemMessage(e.code, e.params, opts.lang)}`, { cause: e });
    throw e;
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined; // reported as record.unreadable on its row
  }
}

export const validateCommand: Command = defineCommand({
  name: 'validate',
  summary: 'check student records (JSON lines or a spreadsheet) against the validation rules',
  usage,
  async run(args, io) {
    const opts = options(args);
    let result: Checked;
    try {
      const areas = await loadAreaIndex();
      result = SPREADSHEET.test(opts.file)
        ? await checkSpreadsheet(opts, areas, io)
        : await checkJsonLines(opts, areaExistsIn(areas));
    } catch (e) {
      io.err(`tabian validate: ${(e as Error).message}`);
      return 2;
    }
    const issues = result.findings.flatMap((found, i) =>
      found.map((f) => ({
        row: result.rows[i]!,
        idNo: result.students[i]?.idNo ?? '',
        rule: f.rule,
        severity: f.severity,
        field: f.field,
        message: f.message[opts.lang],
        // An added field: the text the file had where it fitted no value (kept as student.unmatched).
        ...(f.value !== undefined ? { value: f.value } : {}),
      })),
    );
    const duplicates = result.duplicates.map((d) => ({
      rule: d.rule,
      rows: d.indexes.map((i) => result.rows[i]!),
      reason: d.reason[opts.lang],
    }));
    const count = (severity: string) => issues.filter((x) => x.severity === severity).length;
    io.out(
      JSON.stringify({
        students: result.rows.length,
        errors: count('error'),
        warnings: count('warning'),
        issues,
        duplicates,
      }),
    );
    return 0;
  },
});
