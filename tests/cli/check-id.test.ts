// @vitest-environment node
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checkIdCommand } from '../../src/cli/commands/check-id';
import { fakeIo } from '../factories/io';

const expected = [
  '{"input":"1112034563562","valid":true,"idType":"I","reason":null}',
  '{"input":"1112034563561","valid":false,"idType":"I","reason":"checksum"}',
  '{"input":"G644200000001","valid":true,"idType":"G","reason":null}',
  '{"input":"12345","valid":false,"idType":null,"reason":"format"}',
];

describe('check-id', () => {
  it('prints one JSON line per id, keys in order input, valid, idType, reason', async () => {
    const io = fakeIo();
    const code = await checkIdCommand.run(['1112034563562', '1112034563561', 'G644200000001', '12345'], io);
    expect(code).toBe(0);
    expect(io.outLines).toEqual(expected);
    expect(io.errLines).toEqual([]);
  });
  it('echoes the input as typed', async () => {
    const io = fakeIo();
    await checkIdCommand.run(['1-1120-34563-56-2'], io);
    expect(io.outLines).toEqual(['{"input":"1-1120-34563-56-2","valid":true,"idType":"I","reason":null}']);
  });
  it('prints usage on stderr and exits 2 without ids', async () => {
    const io = fakeIo();
    expect(await checkIdCommand.run([], io)).toBe(2);
    expect(io.outLines).toEqual([]);
    expect(io.errLines.join('\n')).toContain('Usage: tabian check-id <id>...');
  });
  it('prints usage on stdout for --help', async () => {
    const io = fakeIo();
    expect(await checkIdCommand.run(['--help'], io)).toBe(0);
    expect(io.outLines.join('\n')).toContain('Usage: tabian check-id <id>...');
  });
  it('runs as a real process', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const stdout = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'check-id', '1112034563562', '1112034563561', 'G644200000001', '12345'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(stdout.split('\n')).toEqual([...expected, '']);
  }, 30_000);
});
