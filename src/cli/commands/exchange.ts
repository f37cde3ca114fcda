import { readFile } from 'node:fs/promises';
import { assertComparable, DEFAULT_DICE_THRESHOLD, matchTokens } from '../../domain/exchange/match';
import {
  tokenEncoder,
  tokenLineSchema,
  tokensHeaderSchema,
  type TokenLine,
  type TokensHeader,
} from '../../domain/exchange/tokens';
import { readStudentRecord } from '../../domain/student/read';
import { InputError, parseCommandArgs, UsageError } from '../args';
import { defineGroup, type Command, type Io } from '../command';
import { nodeHmacSha256 } from '../exchange/hmac';

const usage = [
  'Usage: tabian exchange encode <students.jsonl> --secret FILE',
  '       tabian exchange match <ours.tokens> <theirs.tokens> [--threshold 0.7]',
  "Finds children counted by two school systems without either seeing the other's names or IDs.",
  'encode: prints a tokens file (JSON lines: a header, then {"ref","id","name","block","bloom"} per child):',
  '  keyed HMAC-SHA256 tokens of the citizen ID and of birth date + name, and a Bloom filter of name and',
  '  birth-date bigrams; FILE holds the secret both systems agreed on (at least 16 bytes).',
  'match: prints {"pairs":[{"ours","theirs","rule","dice"}]}, rule "same-id", "same-name" or',
  '  "close-surname" (Dice similarity of the Bloom filters ≥ threshold, same birth date, sex and first name).',
  'Exit 0 on success; 1 when a file cannot be read or the two files were made with different secrets; 2 on bad usage.',
].join('\n');

async function readText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new Error(
      `cannot read "${file}": ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
      { cause: e },
    );
  }
}

const jsonLines = (text: string): unknown[] =>
  text
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as unknown;
      } catch {
        throw new Error(`line ${i + 1} is not JSON`);
      }
    });

async function encode(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { secret: { type: 'string' } });
  if (positionals.length !== 1 || !values.secret)
    throw new UsageError('ใส่ไฟล์นักเรียนหนึ่งไฟล์และ --secret FILE', 'give one students file and --secret FILE');
  const secret = new Uint8Array(await readFile(values.secret));
  const { header, encode: one } = await tokenEncoder(secret, { hmac: nodeHmacSha256 });
  const lines = jsonLines(await readText(positionals[0]!));
  io.out(JSON.stringify(header));
  for (const [i, raw] of lines.entries()) {
    const { student } = readStudentRecord(raw, `row-${i + 1}`);
    if (!student) continue;
    io.out(
      JSON.stringify(
        await one({
          ref: student.id,
          idNo: student.idNo || null,
          firstName: student.firstName,
          lastName: student.lastName,
          birthDate: student.birthDate,
          sex: student.sex,
        }),
      ),
    );
  }
  return 0;
}

async function readTokens(file: string): Promise<{ header: TokensHeader; lines: TokenLine[] }> {
  const [head, ...rest] = jsonLines(await readText(file));
  const header = tokensHeaderSchema.safeParse(head);
  if (!header.success) throw new Error(`"${file}" is not a tabian tokens file`);
  const lines = rest.map((l, i) => {
    const r = tokenLineSchema.safeParse(l);
    if (!r.success) throw new Error(`"${file}" line ${i + 2} is not a token line`);
    return r.data;
  });
  return { header: header.data, lines };
}

async function match(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, { threshold: { type: 'string' } });
  const threshold = values.threshold === undefined ? DEFAULT_DICE_THRESHOLD : Number(values.threshold);
  if (positionals.length !== 2)
    throw new UsageError('ใส่ไฟล์ token สองไฟล์: ของเราและของเขา', 'give two tokens files: ours and theirs');
  if (!(threshold > 0 && threshold <= 1))
    throw new UsageError('--threshold ต้องมากกว่า 0 และไม่เกิน 1', '--threshold wants a number above 0 and at most 1');
  const [ours, theirs] = await Promise.all(positionals.map(readTokens));
  assertComparable(ours!.header, theirs!.header);
  io.out(JSON.stringify({ pairs: matchTokens(ours!.lines, theirs!.lines, threshold) }));
  return 0;
}

/** Unreadable files, a short secret (SecretTooShortError), two secrets (TokensMismatchError): said, exit 1. */
const failing =
  (run: (args: string[], io: Io) => Promise<number>) =>
  async (args: string[], io: Io): Promise<number> => {
    try {
      return await run(args, io);
    } catch (e) {
      if (e instanceof UsageError || e instanceof InputError) throw e;
      io.err(`tabian exchange: ${(e as Error).message}`);
      return 1;
    }
  };

export const exchangeCommand: Command = defineGroup({
  name: 'exchange',
  summary: 'find children counted by another school system, through keyed tokens instead of names',
  usage,
  subcommands: [
    { name: 'encode', summary: 'keyed tokens of students', usage, run: failing(encode) },
    { name: 'match', summary: 'the pairs two tokens files have in common', usage, run: failing(match) },
  ],
});
