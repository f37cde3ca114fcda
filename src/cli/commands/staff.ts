import { readFile } from 'node:fs/promises';
import { headcountOn } from '../../domain/staff/headcount';
import { readRosterFile } from '../../io/spreadsheet/staff-roster';
import { problemMessage, SpreadsheetProblem } from '../../io/spreadsheet/problems';
import { staffSchema, type Staff } from '../../domain/staff/schema';
import { isIsoDate, localIsoDate } from '../../domain/thai-date';
import { parseCommandArgs, UsageError } from '../args';
import { defineGroup, type Command, type Io } from '../command';
import { jsonLines } from '../json-lines';

const usage = [
  'Usage: tabian staff headcount <roster.jsonl|roster.xlsx|.xls|.csv> [--as-of YYYY-MM-DD]',
  'Reads a staff roster (schema staff/1, one person a line, with their dated movements; or a spreadsheet with',
  "the roster workbook's headers, read as the app reads it) and prints the EMIS headcount table as one JSON object:",
  '  {"asOf","rows":[{"key","M","F","total"}],"total":{"M","F","total"}}',
  "Rows in EMIS's order: director.k1…k5, director.all, deputy.k1…k4, deputy.all, teacher.k1…k5, teacher.none,",
  'assistant-teacher, permanent-employee, government-employee, temporary-employee (contract teachers count here),',
  'unclassified. A person counts if they arrived on or before the date and had not left by then: leaving on',
  'the date does not count. --as-of defaults to 10 June of the current year.',
  'Exit 0 on success; 1 when a line or row is not a staff record, or the spreadsheet cannot be read (named on',
  'stderr; values a row holds that name nothing known are left empty and named on stderr too); 2 on bad usage.',
].join('\n');

async function headcount(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { 'as-of': { type: 'string' } });
  const asOf = values['as-of'] ?? `${localIsoDate(new Date()).slice(0, 4)}-06-10`;
  if (positionals.length !== 1) throw new UsageError('ใส่ไฟล์รายชื่อบุคลากรหนึ่งไฟล์', 'give one roster file');
  if (!isIsoDate(asOf))
    throw new UsageError(`--as-of ต้องเป็นวันที่แบบ YYYY-MM-DD ไม่ใช่ "${asOf}"`, `--as-of wants YYYY-MM-DD, got "${asOf}"`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(positionals[0]!));
  } catch {
    io.err(`tabian staff headcount: cannot read "${positionals[0]}"`);
    return 2;
  }
  const read = SPREADSHEET.test(positionals[0]!)
    ? fromSpreadsheet(bytes, io)
    : fromJsonl(new TextDecoder().decode(bytes), io);
  if (!read) return 1;
  const h = headcountOn(read.staff, asOf);
  io.out(
    JSON.stringify({
      asOf: h.asOf,
      rows: h.rows.map(({ key, M, F, total }) => ({ key, M, F, total })),
      total: h.total,
    }),
  );
  return read.bad === 0 ? 0 : 1;
}

const SPREADSHEET = /\.(xlsx|xlsm|xls|csv)$/i;

function fromSpreadsheet(bytes: Uint8Array, io: Io): { staff: Staff[]; bad: number } | null {
  try {
    const read = readRosterFile(bytes, (row) => `row-${row}`);
    for (const p of read.problems)
      io.err(
        `tabian staff headcount: row ${p.row}: ${p.field === 'record' ? 'not a staff record' : `"${p.text}" is not a known ${p.field}, left empty`}`,
      );
    return { staff: read.staff, bad: read.problems.filter((p) => p.field === 'record').length };
  } catch (e) {
    io.err(
      `tabian staff headcount: ${e instanceof SpreadsheetProblem ? problemMessage(e.code, e.params, 'en') : 'the file cannot be read'}`,
    );
    return null;
  }
}

function fromJsonl(text: string, io: Io): { staff: Staff[]; bad: number } {
  const staff: Staff[] = [];
  let bad = 0;
  for (const { line, value } of jsonLines(text)) {
    const parsed = staffSchema.safeParse(value);
    if (parsed.success) staff.push(parsed.data);
    else {
      bad++;
      io.err(`tabian staff headcount: line ${line} is not a staff record`);
    }
  }
  return { staff, bad };
}

export const staffCommand: Command = defineGroup({
  name: 'staff',
  summary: 'the EMIS personnel headcount of a staff roster as of a date',
  usage,
  subcommands: [{ name: 'headcount', summary: 'the EMIS headcount table', usage, run: headcount }],
});
