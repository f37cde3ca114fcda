import { readFile } from 'node:fs/promises';
import { loadAreaIndex } from '../../domain/areas/load';
import { isIsoDate } from '../../domain/thai-date';
import { validateRecords } from '../../domain/validation/records';
import { areaExistsIn } from '../../domain/validation/student';
import type { Command } from '../command';

const usage = [
  'Usage: tabian validate <file.jsonl> [--as-of YYYY-MM-DD] [--lang th|en]',
  'Reads student records (one JSON object a line) and prints one JSON report:',
  '  {"students","errors","warnings","issues":[{"row","idNo","rule","severity","field","message"}],',
  '   "duplicates":[{"rule","rows":[a,b],"reason"}]}',
  'students counts the non-blank lines; row is the 1-based line number. A line that is not a JSON object',
  'is reported as record.unreadable. --as-of is the date ages are taken on (default: today);',
  '--lang the language of messages (default: th). Exit 0 once the file is read, 2 if it cannot be.',
].join('\n');

interface Options { file: string; asOf: string; lang: 'th' | 'en' }

// The local date: a school in Thailand at 06:00 is already on its new day, while UTC is not.
function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function parseArgs(args: readonly string[]): Options | string {
  const files: string[] = [];
  const opts: Partial<Options> = {};
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    if (flag !== '--as-of' && flag !== '--lang') {
      if (flag.startsWith('-')) return `unknown option "${flag}"`;
      files.push(args[i]!);
      continue;
    }
    const value = inline ?? args[++i];
    if (flag === '--as-of') {
      if (value === undefined || !isIsoDate(value)) return `--as-of wants a real date as YYYY-MM-DD, got "${value ?? ''}"`;
      opts.asOf = value;
    } else {
      if (value !== 'th' && value !== 'en') return `--lang wants th or en, got "${value ?? ''}"`;
      opts.lang = value;
    }
  }
  if (files.length !== 1) return files.length === 0 ? 'no file given' : 'give one file only';
  return { file: files[0]!, asOf: opts.asOf ?? today(), lang: opts.lang ?? 'th' };
}

async function readText(file: string): Promise<string> {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(await readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory'
      : e instanceof TypeError ? 'it is not UTF-8 text' : (e as Error).message;
    throw new Error(`cannot read "${file}": ${why}`, { cause: e });
  }
}

function parseLine(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined; // reported as record.unreadable on its row
  }
}

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check student records (JSON lines) against the validation rules',
  usage,
  async run(args, io) {
    if (args.includes('--help') || args.includes('-h')) {
      io.out(usage);
      return 0;
    }
    const opts = parseArgs(args);
    if (typeof opts === 'string') {
      io.err(`tabian validate: ${opts}\n\n${usage}`);
      return 2;
    }
    let text: string;
    try {
      text = await readText(opts.file);
    } catch (e) {
      io.err(`tabian validate: ${(e as Error).message}`);
      return 2;
    }
    const lines = text.split(/\r?\n/).map((line, i) => ({ row: i + 1, line })).filter(({ line }) => line.trim() !== '');
    const areaExists = areaExistsIn(await loadAreaIndex());
    const result = validateRecords(lines.map(({ line }) => parseLine(line)), { asOf: opts.asOf, areaExists });
    const issues = result.findings.flatMap((found, i) =>
      found.map((f) => ({
        row: lines[i]!.row,
        idNo: result.students[i]?.idNo ?? '',
        rule: f.rule,
        severity: f.severity,
        field: f.field,
        message: f.message[opts.lang],
      })),
    );
    const duplicates = result.duplicates.map((d) => ({
      rule: d.rule,
      rows: d.indexes.map((i) => lines[i]!.row),
      reason: d.reason[opts.lang],
    }));
    const count = (severity: string) => issues.filter((x) => x.severity === severity).length;
    io.out(JSON.stringify({ students: lines.length, errors: count('error'), warnings: count('warning'), issues, duplicates }));
    return 0;
  },
};
