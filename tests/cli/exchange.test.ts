// @vitest-environment node
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exchangeCommand } from '../../src/cli/commands/exchange';
import { newStudent, type Student } from '../../src/domain/student/schema';
import { citizenId } from '../factories/students';
import { fakeIo } from '../factories/io';

const dir = mkdtempSync(join(tmpdir(), 'tabian-exchange-'));
const kid = (id: string, over: Partial<Student>): Student => ({
  ...newStudent(id),
  birthDate: '2018-07-01',
  sex: 'F',
  ...over,
});
const write = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

async function encode(file: string, secret: string): Promise<string> {
  const io = fakeIo();
  expect(await exchangeCommand.run(['encode', file, '--secret', secret], io)).toBe(0);
  return write(`${file.split('/').pop()}.tokens`, `${io.outLines.join('\n')}\n`);
}

describe('tabian exchange', () => {
  const secret = write('secret', 'สพฐ-สช-ตกลงกัน-ธันวาคม-2569');
  const obec = write(
    'obec.jsonl',
    [
      kid('o1', { idNo: citizenId(11), firstName: 'มานี', lastName: 'บุญมา' }),
      kid('o2', { firstName: 'ปิติ', lastName: 'ทองดี', sex: 'M' }),
      kid('o3', { firstName: 'ชูใจ', lastName: 'สุขสม' }),
    ]
      .map((s) => JSON.stringify(s))
      .join('\n'),
  );
  const opec = write(
    'opec.jsonl',
    [
      kid('p7', { idNo: citizenId(11), firstName: 'มานี', lastName: 'บุญมา' }),
      kid('p8', { firstName: 'ปิติ', lastName: 'ทองมี', sex: 'M' }),
      kid('p9', { firstName: 'ชูใจ', lastName: 'ใจดี' }),
    ]
      .map((s) => JSON.stringify(s))
      .join('\n'),
  );

  it('encodes without names or IDs, and matches the planted pairs only', async () => {
    const ours = await encode(obec, secret);
    const theirs = await encode(opec, secret);
    const text = readFileSync(ours, 'utf8');
    for (const secretWord of [citizenId(11), 'มานี', 'บุญมา', 'ทองดี', '2018-07-01'])
      expect(text).not.toContain(secretWord);
    const io = fakeIo();
    expect(await exchangeCommand.run(['match', ours, theirs], io)).toBe(0);
    const report = JSON.parse(io.outLines.join('')) as { pairs: { ours: string; theirs: string; rule: string }[] };
    expect(report.pairs.map((p) => [p.ours, p.theirs, p.rule])).toEqual([
      ['o1', 'p7', 'same-id'],
      ['o2', 'p8', 'close-surname'],
    ]);
  });

  it('refuses files made under different secrets, and a short secret', async () => {
    const ours = await encode(obec, secret);
    const other = await encode(opec, write('other-secret', 'another secret of enough bytes'));
    const io = fakeIo();
    expect(await exchangeCommand.run(['match', ours, other], io)).toBe(1);
    expect(io.errLines.join('')).toContain('different secrets');
    const short = fakeIo();
    expect(await exchangeCommand.run(['encode', obec, '--secret', write('short', 'abc')], short)).toBe(1);
    expect(short.errLines.join('')).toContain('at least 16 bytes');
  });

  it('says how to use it', async () => {
    const io = fakeIo();
    expect(await exchangeCommand.run(['match', 'one-file'], io)).toBe(2);
    expect(io.errLines.join('')).toContain('Usage: tabian exchange');
  });
});
