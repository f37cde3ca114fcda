import { explain } from '../../domain/bundle/reasons';
import { inspectBundle } from '../../domain/bundle/verify';
import { parseCommandArgs, UsageError } from '../args';
import type { Io } from '../command';
import { printableJson, readBytes } from './bundle-io';

export const inspectUsage = [
  'Usage: tabian bundle inspect <file.tabian>',
  'Prints what a bundle says about itself, without checking signatures or files (use verify for that):',
  '  {"statement": {...}, "counts": {...}}',
  'Exit 0 when the statement can be read, 1 when it cannot (the reason goes to stderr), 2 for bad usage.',
].join('\n');

export async function runInspect(args: string[], io: Io): Promise<number> {
  const { positionals } = parseCommandArgs(args, {});
  if (positionals.length !== 1) throw new UsageError('ใส่ไฟล์ชุดข้อมูลหนึ่งไฟล์', 'give one bundle file');
  const r = await inspectBundle(await readBytes(positionals[0]!));
  if (!r.statement) {
    io.err(`tabian bundle inspect: ${r.reason}: ${explain(r.reason!, r.detail)}`);
    return 1;
  }
  io.out(JSON.stringify({ statement: printableJson(r.statementJson), counts: printableJson(r.statement.counts) }));
  return 0;
}
