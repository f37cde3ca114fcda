// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { dispatch } from '../../src/cli/dispatch';
import { commands } from '../../src/cli/commands/index';
import type { Command } from '../../src/cli/command';
import { fakeIo } from '../factories/io';

const echo: Command = {
  name: 'echo',
  summary: 'repeat the arguments',
  usage: 'Usage: tabian echo <word>...',
  run: async (args, io) => {
    io.out(args.join(' '));
    return 7;
  },
};

describe('dispatch', () => {
  it.each([[[]], [['help']], [['--help']], [['-h']]])('prints help for %j and exits 0', async (args) => {
    const io = fakeIo();
    expect(await dispatch(args, io, [echo])).toBe(0);
    expect(io.outLines.join('\n')).toBe(
      'Usage: npm run tabian -- <command> [args]\n\nCommands:\n  echo  repeat the arguments\n\nRun "tabian help <command>" for a command\'s usage.',
    );
  });
  it('prints a command’s usage for "help <command>"', async () => {
    const io = fakeIo();
    expect(await dispatch(['help', 'echo'], io, [echo])).toBe(0);
    expect(io.outLines).toEqual(['Usage: tabian echo <word>...']);
  });
  it('passes the remaining arguments and returns the command’s exit code', async () => {
    const io = fakeIo();
    expect(await dispatch(['echo', 'a', 'b'], io, [echo])).toBe(7);
    expect(io.outLines).toEqual(['a b']);
  });
  it('rejects an unknown command on stderr with exit 2', async () => {
    const io = fakeIo();
    expect(await dispatch(['nope'], io, [echo])).toBe(2);
    expect(io.outLines).toEqual([]);
    expect(io.errLines.join('\n')).toMatch(/^tabian: ไม่มีคำสั่ง "nope" \/ unknown command "nope"\n\nUsage: /);
  });
  it('registers check-id', () => {
    expect(commands.map((c) => c.name)).toContain('check-id');
  });
  it('registers validate', () => {
    expect(commands.map((c) => c.name)).toContain('validate');
  });
});
