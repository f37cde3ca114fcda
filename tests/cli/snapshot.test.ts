// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { snapshotCommand } from '../../src/cli/commands/snapshot';
import { fakeIo } from '../factories/io';

const fixture = fileURLToPath(new URL('../fixtures/school-year.jsonl', import.meta.url));

function tempFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'tabian-snapshot-')), 'in.jsonl');
  writeFileSync(file, text);
  return file;
}

describe('snapshot', () => {
  // a: counts; b: leaves on the as-of date; c: enters the day after; d, e: count (e's death was reversed).
  it('counts by the as-of rule, grades in order even when "10" looks like a number', async () => {
    const io = fakeIo();
    expect(await snapshotCommand.run([fixture, '--as-of', '2026-06-10'], io)).toBe(0);
    expect(io.outLines).toEqual([
      '{"asOf":"2026-06-10","students":3,"byGrade":{"04":{"M":0,"F":1},"10":{"M":1,"F":1}}}',
    ]);
    expect(io.errLines).toEqual([]);
  });

  it('counts the leaver the day before and the late arrival the day after', async () => {
    const io = fakeIo();
    await snapshotCommand.run([fixture, '--as-of=2026-06-09'], io);
    expect(io.outLines).toEqual([
      '{"asOf":"2026-06-09","students":4,"byGrade":{"04":{"M":1,"F":1},"10":{"M":1,"F":1}}}',
    ]);
    const later = fakeIo();
    await snapshotCommand.run([fixture, '--as-of', '2026-06-11'], later);
    expect(later.outLines).toEqual([
      '{"asOf":"2026-06-11","students":4,"byGrade":{"04":{"M":0,"F":1},"10":{"M":1,"F":1},"11":{"M":1,"F":0}}}',
    ]);
  });

  it('names lines that are neither a student nor a movement, prints nothing and exits 1', async () => {
    const io = fakeIo();
    const file = tempFile(
      '{"id":"a","grade":"04","sex":"F","status":"active"}\n[1,2]\n{"type":"movement","studentId":"a","kind":"moved","effectiveOn":"2026-06-01"}\nnot json\n',
    );
    expect(await snapshotCommand.run([file, '--as-of', '2026-06-10'], io)).toBe(1);
    expect(io.outLines).toEqual([]);
    expect(io.errLines).toEqual([
      'tabian snapshot: line 2: not a JSON object',
      'tabian snapshot: line 3: not a movement: kind',
      'tabian snapshot: line 4: not JSON',
    ]);
  });

  it('exits 2 without a real as-of date or a readable file', async () => {
    const io = fakeIo();
    expect(await snapshotCommand.run([fixture], io)).toBe(2);
    expect(await snapshotCommand.run([fixture, '--as-of', '2026-02-30'], io)).toBe(2);
    expect(await snapshotCommand.run(['/no/such/file.jsonl', '--as-of', '2026-06-10'], io)).toBe(2);
    expect(io.errLines.join('\n')).toContain('--as-of wants a real date as YYYY-MM-DD, got "2026-02-30"');
    expect(io.errLines.at(-1)).toBe('tabian snapshot: cannot read "/no/such/file.jsonl": ENOENT');
  });

  it('runs as a real process', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const stdout = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'snapshot', fixture, '--as-of', '2026-06-10'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(JSON.parse(stdout)).toEqual({
      asOf: '2026-06-10',
      students: 3,
      byGrade: { '04': { M: 0, F: 1 }, 10: { M: 1, F: 1 } },
    });
  }, 30_000);
});
