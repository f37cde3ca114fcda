import { readFile } from 'node:fs/promises';
import { isIsoDate } from '../../domain/thai-date';
import { readSnapshotLine } from '../../domain/year/read';
import { countByGradeAndSex, snapshotOn, type DatedMovement } from '../../domain/year/snapshot';
import type { Student } from '../../domain/student/schema';
import { parseCommandArgs, UsageError } from '../args';
import { defineCommand, type Command } from '../command';
import { jsonLines } from '../json-lines';

const usage = [
  'Usage: tabian snapshot <file.jsonl> --as-of YYYY-MM-DD',
  'Reads student records and their movements (one JSON object a line; a movement line has "type": "movement",',
  '"studentId", "kind", "effectiveOn" and, if undone, "reversedAt") and prints who counts on the as-of date:',
  '  {"asOf","students","byGrade":{"<grade code>":{"M","F"}}}',
  'A student counts if entered on or before the date and not left by then: a movement takes effect on its',
  'date, so a student leaving on the as-of date does not count. byGrade leaves out students without a grade',
  'or sex. Exit 0 on success; 1 if a line is neither a student nor a movement (named on stderr); 2 on bad usage.',
].join('\n');

function options(args: readonly string[]): { file: string; asOf: string } {
  const { values, positionals } = parseCommandArgs(args, { 'as-of': { type: 'string' } });
  if (positionals.length !== 1)
    throw positionals.length === 0
      ? new UsageError('ไม่ได้ใส่ไฟล์', 'no file given')
      : new UsageError('ใส่ไฟล์เดียว', 'give one file only');
  const asOf = values['as-of'] ?? '';
  if (!isIsoDate(asOf))
    throw new UsageError(
      `--as-of ต้องเป็นวันที่จริงแบบ YYYY-MM-DD ไม่ใช่ "${asOf}"`,
      `--as-of wants a real date as YYYY-MM-DD, got "${asOf}"`,
    );
  return { file: positionals[0]!, asOf };
}

/** Grade codes look like numbers ("10"): JSON.stringify would put them before "04", so write the object by hand. */
function byGradeJson(counts: ReturnType<typeof countByGradeAndSex>): string {
  return `{${counts.map(([grade, c]) => `${JSON.stringify(grade)}:{"M":${c.M},"F":${c.F}}`).join(',')}}`;
}

export const snapshotCommand: Command = defineCommand({
  name: 'snapshot',
  summary: 'count the students on an as-of date from records and movements (JSON lines)',
  usage,
  async run(args, io) {
    const opts = options(args);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await readFile(opts.file));
    } catch (e) {
      io.err(
        `tabian snapshot: cannot read "${opts.file}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
      );
      return 2;
    }
    const students: Student[] = [];
    const movements: DatedMovement[] = [];
    const bad: string[] = [];
    for (const { line, value } of jsonLines(text)) {
      const read = readSnapshotLine(value, `line-${line}`);
      if (read.kind === 'student') students.push(read.student);
      else if (read.kind === 'movement') movements.push(read.movement);
      else bad.push(`line ${line}: ${value === undefined ? 'not JSON' : read.why}`);
    }
    if (bad.length) {
      for (const b of bad) io.err(`tabian snapshot: ${b}`);
      return 1;
    }
    const counted = snapshotOn(students, movements, opts.asOf);
    io.out(
      `{"asOf":${JSON.stringify(opts.asOf)},"students":${counted.length},"byGrade":${byGradeJson(countByGradeAndSex(counted))}}`,
    );
    return 0;
  },
});
