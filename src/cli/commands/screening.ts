import { readFile } from 'node:fs/promises';
import { assessScreening } from '../../domain/screening/assess';
import { screeningSchema } from '../../domain/screening/schema';
import { parseCommandArgs, UsageError } from '../args';
import { defineGroup, type Command, type Io } from '../command';

const usage = [
  'Usage: tabian screening assess <file.json|file.jsonl>',
  'Reads screening records (แบบ นร./กสศ.01, schema screening/1: one object, an array, or one object a line) and',
  'prints one JSON line per household:',
  '  {"id","members","incomeTotal","incomePerPerson","underIncomeLine","statusItems":[...],"problems":[...]}',
  'incomePerPerson is baht a month (total ÷ members); underIncomeLine is true at or under 3,000 baht a person.',
  'statusItems are the ticked household items as "dimension.code"; problems name what is missing. Tabian never',
  'decides eligibility: the fund does, with its own test.',
  'Exit 0 when every record was read; 1 when a record is not a screening (named on stderr); 2 on bad usage.',
].join('\n');

function records(file: string, text: string): unknown[] {
  if (file.endsWith('.jsonl')) {
    return text
      .split(/\r?\n/)
      .filter((l) => l.trim())
      .map((l, i) => {
        try {
          return JSON.parse(l) as unknown;
        } catch {
          return { invalidLine: i + 1 };
        }
      });
  }
  const json = JSON.parse(text) as unknown;
  return Array.isArray(json) ? json : [json];
}

async function assess(args: string[], io: Io): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length !== 1) throw new UsageError('ใส่ไฟล์เดียว', 'give one file');
  const file = positionals[0]!;
  let list: unknown[];
  try {
    list = records(file, await readFile(file, 'utf8'));
  } catch (e) {
    io.err(
      `tabian screening assess: cannot read "${file}": ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not JSON'}`,
    );
    return 2;
  }
  let bad = 0;
  for (const [i, raw] of list.entries()) {
    const parsed = screeningSchema.safeParse(raw);
    if (!parsed.success) {
      bad++;
      const issue = parsed.error.issues[0];
      io.err(
        `tabian screening assess: record ${i + 1} is not a screening (${issue ? `${issue.path.join('.') || 'top level'}: ${issue.message}` : 'unreadable'})`,
      );
      continue;
    }
    const a = assessScreening(parsed.data);
    // Built in the contract's key order, whatever assessScreening's object looks like.
    io.out(
      JSON.stringify({
        id: a.id,
        members: a.members,
        incomeTotal: a.incomeTotal,
        incomePerPerson: a.incomePerPerson,
        underIncomeLine: a.underIncomeLine,
        statusItems: a.statusItems,
        problems: a.problems,
      }),
    );
  }
  return bad === 0 ? 0 : 1;
}

export const screeningCommand: Command = defineGroup({
  name: 'screening',
  summary: 'per-person income and household status of poor-student screenings (แบบ นร./กสศ.01)',
  usage,
  subcommands: [{ name: 'assess', summary: 'income and status items per household', usage, run: assess }],
});
