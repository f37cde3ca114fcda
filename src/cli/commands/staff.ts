import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { headcountOn } from '../../domain/staff/headcount';
import { staffSchema, type Staff } from '../../domain/staff/schema';
import { isIsoDate, localIsoDate } from '../../domain/thai-date';
import { defineCommand, type Command, type Io } from '../command';

const usage = [
  'Usage: tabian staff headcount <roster.jsonl> [--as-of YYYY-MM-DD]',
  'Reads a staff roster (schema staff/1, one person a line, with their dated movements) and prints the EMIS',
  'headcount table as one JSON object:',
  '  {"asOf","rows":[{"key","M","F","total"}],"total":{"M","F","total"}}',
  'Rows in EMIS\'s order: director.k1…k5, director.all, deputy.k1…k4, deputy.all, teacher.k1…k5, teacher.none,',
  'assistant-teacher, permanent-employee, government-employee, temporary-employee (contract teachers count here),',
  'unclassified. A person counts if they arrived on or before the date and had not left by then: leaving on',
  'the date does not count. --as-of defaults to 10 June of the current year.',
  'Exit 0 on success; 1 when a line is not a staff record (named on stderr); 2 on bad usage.',
].join('\n');

async function headcount(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { 'as-of': { type: 'string' } } });
  const asOf = values['as-of'] ?? `${localIsoDate(new Date()).slice(0, 4)}-06-10`;
  if (positionals.length !== 1 || !isIsoDate(asOf)) {
    io.err(`tabian staff headcount: ${positionals.length !== 1 ? 'give one roster file' : `--as-of wants YYYY-MM-DD, got "${asOf}"`}\n\n${usage}`);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(positionals[0]!, 'utf8');
  } catch {
    io.err(`tabian staff headcount: cannot read "${positionals[0]}"`);
    return 2;
  }
  const staff: Staff[] = [];
  let bad = 0;
  for (const [i, line] of text.split(/\r?\n/).entries()) {
    if (!line.trim()) continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      raw = undefined;
    }
    const parsed = staffSchema.safeParse(raw);
    if (parsed.success) staff.push(parsed.data);
    else {
      bad++;
      io.err(`tabian staff headcount: line ${i + 1} is not a staff record`);
    }
  }
  const h = headcountOn(staff, asOf);
  io.out(JSON.stringify({ asOf: h.asOf, rows: h.rows.map(({ key, M, F, total }) => ({ key, M, F, total })), total: h.total }));
  return bad === 0 ? 0 : 1;
}

export const staffCommand: Command = defineCommand({
  name: 'staff',
  summary: 'the EMIS personnel headcount of a staff roster as of a date',
  usage,
  async run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'headcount') return headcount(rest, io);
    io.err(sub === undefined ? usage : `tabian staff: unknown subcommand "${sub}"\n\n${usage}`);
    return 2;
  },
});
