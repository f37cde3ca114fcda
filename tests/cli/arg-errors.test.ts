// @vitest-environment node
// Every command's argument mistakes, through the real command table: Thai then English on stderr, the usage
// of the command (or group) after it, nothing on stdout, exit 2 (decision 0034).
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index';
import { dispatch } from '../../src/cli/dispatch';
import { fakeIo } from '../factories/io';

async function refused(args: string[]): Promise<string> {
  const io = fakeIo();
  expect(await dispatch(args, io, commands)).toBe(2);
  expect(io.outLines).toEqual([]);
  return io.errLines.join('\n');
}

const UNKNOWN = 'ไม่รู้จักตัวเลือก "--nope" / unknown option "--nope"';

describe('argument errors of every command', () => {
  it.each([
    [['check-id', '1', '--nope'], 'tabian check-id', 'Usage: tabian check-id'],
    [['validate', 'a.jsonl', '--nope'], 'tabian validate', 'Usage: tabian validate'],
    [['snapshot', 'a.jsonl', '--nope'], 'tabian snapshot', 'Usage: tabian snapshot'],
    [['growth', '--nope'], 'tabian growth', 'Usage: tabian growth'],
    [['card-bridge', '--nope'], 'tabian card-bridge', 'Usage: tabian card-bridge'],
    [['bundle', 'verify', 'x.tabian', '--nope'], 'tabian bundle verify', 'Usage: tabian bundle verify'],
    [['bundle', 'inspect', 'x.tabian', '--nope'], 'tabian bundle inspect', 'Usage: tabian bundle inspect'],
    [['bundle', 'keygen', '--nope'], 'tabian bundle keygen', 'Usage: tabian bundle keygen'],
    [['bundle', 'create', '--nope'], 'tabian bundle create', 'Usage: tabian bundle create'],
    [['district', 'merge', 'x', '--nope'], 'tabian district merge', 'Usage: tabian district merge'],
    [['exchange', 'encode', 'x', '--nope'], 'tabian exchange encode', 'Usage: tabian exchange'],
    [['exchange', 'match', 'x', 'y', '--nope'], 'tabian exchange match', 'Usage: tabian exchange'],
    [['national', 'ingest', 'x', '--nope'], 'tabian national ingest', 'Usage: tabian national'],
    [['national', 'duplicates', '--nope'], 'tabian national duplicates', 'Usage: tabian national'],
    [['national', 'export', '--nope'], 'tabian national export', 'Usage: tabian national'],
    [['national', 'report', '--nope'], 'tabian national report', 'Usage: tabian national'],
    [['national', 'keygen', '--nope'], 'tabian national keygen', 'Usage: tabian national'],
    [['screening', 'assess', 'x.json', '--nope'], 'tabian screening assess', 'Usage: tabian screening'],
    [['staff', 'headcount', 'x.jsonl', '--nope'], 'tabian staff headcount', 'Usage: tabian staff'],
  ])('%j: an unknown option', async (args, prefix, usage) => {
    const err = await refused(args);
    expect(err.startsWith(`${prefix}: ${UNKNOWN}\n\n${usage}`)).toBe(true);
  });

  it.each([
    [['validate', 'a.jsonl', '--as-of'], 'tabian validate', '--as-of'],
    [['snapshot', 'a.jsonl', '--as-of'], 'tabian snapshot', '--as-of'],
    [['growth', '--sex', 'M', '--birth'], 'tabian growth', '--birth'],
    [['card-bridge', '--port'], 'tabian card-bridge', '--port'],
    [['bundle', 'verify', 'x.tabian', '--trust'], 'tabian bundle verify', '--trust'],
    [['bundle', 'keygen', '--out'], 'tabian bundle keygen', '--out'],
    [['bundle', 'create', '--kind'], 'tabian bundle create', '--kind'],
    [['district', 'merge', 'x', '--trust'], 'tabian district merge', '--trust'],
    [['exchange', 'encode', 'x', '--secret'], 'tabian exchange encode', '--secret'],
    [['exchange', 'match', 'x', 'y', '--threshold'], 'tabian exchange match', '--threshold'],
    [['national', 'ingest', 'x', '--db'], 'tabian national ingest', '--db'],
    [['national', 'report', '--db', 'x.duckdb', '--xlsx'], 'tabian national report', '--xlsx'],
    [['national', 'keygen', '--out'], 'tabian national keygen', '--out'],
    [['staff', 'headcount', 'x.jsonl', '--as-of'], 'tabian staff headcount', '--as-of'],
  ])('%j: a missing value', async (args, prefix, flag) => {
    expect(await refused(args)).toMatch(new RegExp(`^${prefix}: ${flag} ต้องมีค่า / ${flag} wants a value\n\nUsage: `));
  });

  it.each(['bundle', 'district', 'exchange', 'national', 'screening', 'staff'])(
    '%s: an unknown or missing subcommand',
    async (group) => {
      expect(await refused([group, 'frobnicate'])).toMatch(
        new RegExp(
          `^tabian ${group}: ไม่มีคำสั่งย่อย "frobnicate" / unknown subcommand "frobnicate"\n\nUsage: tabian ${group}`,
        ),
      );
      expect(await refused([group])).toMatch(
        new RegExp(`^tabian ${group}: ใส่คำสั่งย่อย / give a subcommand\n\nUsage: tabian ${group}`),
      );
    },
  );

  it('an unknown command', async () => {
    expect(await refused(['frobnicate'])).toMatch(
      /^tabian: ไม่มีคำสั่ง "frobnicate" \/ unknown command "frobnicate"\n\nUsage: npm run tabian/,
    );
  });

  it("a subcommand's --help prints its usage on stdout, exit 0", async () => {
    for (const [args, usage] of [
      [['bundle', 'verify', '--help'], 'Usage: tabian bundle verify'],
      [['national', 'report', '-h'], 'Usage: tabian national'],
      [['staff', '--help'], 'Usage: tabian staff'],
    ] as const) {
      const io = fakeIo();
      expect(await dispatch([...args], io, commands)).toBe(0);
      expect(io.outLines[0]!.startsWith(usage)).toBe(true);
    }
  });
});
