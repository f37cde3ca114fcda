// @vitest-environment node
// The one argument parser (decision 0034): what it accepts, and each mistake said in Thai then English.
import { describe, expect, it } from 'vitest';
import { parseCommandArgs, UsageError } from '../../src/cli/args';

const OPTIONS = {
  'as-of': { type: 'string' },
  lying: { type: 'boolean' },
  origin: { type: 'string', multiple: true },
} as const;

function mistake(args: string[], positionals = true): UsageError {
  try {
    parseCommandArgs(args, OPTIONS, positionals);
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(args)}`);
}

describe('parseCommandArgs', () => {
  it('reads --name value, --name=value, switches, repeatable options and positionals in order', () => {
    expect(
      parseCommandArgs(['a', '--as-of', '2026-06-10', '--lying', 'b', '--origin=x', '--origin', 'y'], OPTIONS),
    ).toEqual({
      values: { 'as-of': '2026-06-10', lying: true, origin: ['x', 'y'] },
      positionals: ['a', 'b'],
    });
  });
  it('keeps a value that starts with one dash, and everything after -- as positionals', () => {
    expect(parseCommandArgs(['--as-of', '-3', '--', '--lying'], OPTIONS)).toEqual({
      values: { 'as-of': '-3' },
      positionals: ['--lying'],
    });
  });
  it.each([
    [['--colour'], 'ไม่รู้จักตัวเลือก "--colour"', 'unknown option "--colour"'],
    [['-x'], 'ไม่รู้จักตัวเลือก "-x"', 'unknown option "-x"'],
    [['--as-of'], '--as-of ต้องมีค่า', '--as-of wants a value'],
    [['--as-of='], '--as-of ต้องมีค่า', '--as-of wants a value'],
    [['--as-of', '--lying'], '--as-of ต้องมีค่า', '--as-of wants a value'],
    [['--lying=yes'], '--lying ไม่ต้องมีค่า', '--lying takes no value'],
    [['--as-of', '2026-06-10', '--as-of=2026-06-11'], 'ใส่ --as-of ซ้ำ', '--as-of given twice'],
  ])('refuses %j', (args, th, en) => {
    const e = mistake(args);
    expect([e.th, e.en]).toEqual([th, en]);
    expect(e.message).toBe(`${th} / ${en}`);
  });
  it('refuses positionals when the command takes none', () => {
    expect(mistake(['--lying', 'extra'], false).message).toBe('ไม่ต้องใส่ "extra" / unexpected argument "extra"');
  });
  it('does not take an inherited name for an option', () => {
    expect(mistake(['--constructor']).en).toBe('unknown option "--constructor"');
  });
});
