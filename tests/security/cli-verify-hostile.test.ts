// @vitest-environment node
// `tabian bundle verify` on hostile files and hostile trust lists: one JSON report on stdout, the Thai
// message on stderr, exit 1 (refused) or 2 (unusable input), never an uncaught exception.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fakeIo } from '../factories/io';
import { bundleCommand } from '../../src/cli/commands/bundle';
import { utf8, type Bytes } from '../../src/domain/bundle/bytes';
import type { CreatedBundle } from '../../src/domain/bundle/create';
import { REASONS, REASON_CODES, type ReasonCode } from '../../src/domain/bundle/reasons';
import { aSubmission, makeKeys, trustListOf, type TestKeys } from '../domain/bundle/helpers';
import { editEntries, editStatementText } from '../domain/bundle/tamper-kit';
import { bombData, deepJson, noise, POLLUTING_JSON, polluted, rawEntry, zipOf } from './hostile';

let keys: TestKeys;
let plain: CreatedBundle;
const dir = mkdtempSync(join(tmpdir(), 'tabian-hostile-'));
const file = (name: string, data: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, data);
  return path;
};

beforeAll(async () => {
  keys = await makeKeys();
  plain = await aSubmission(keys);
});

async function verify(...args: string[]) {
  const io = fakeIo();
  const code = await bundleCommand.run(['verify', ...args], io);
  return { code, out: io.outLines, err: io.errLines };
}

const hostile: [string, () => Bytes][] = [
  ['random.tabian', () => noise(3000, 7) as Bytes],
  ['truncated.tabian', () => plain.bytes.slice(0, 200)],
  ['bomb.tabian', () => zipOf([rawEntry('statement.dsse.json', bombData(16), { size: 1000 })])],
  ['traversal.tabian', () => editEntries(plain.bytes, (e) => e.set('../../../home/user/.bashrc', utf8('rm -rf ~')))],
  [
    'deep-envelope.tabian',
    () => editEntries(plain.bytes, (e) => e.set('statement.dsse.json', utf8(deepJson(200_000)))),
  ],
  ['proto-envelope.tabian', () => editEntries(plain.bytes, (e) => e.set('statement.dsse.json', utf8(POLLUTING_JSON)))],
  [
    'proto-statement.tabian',
    () => editStatementText(plain.bytes, (t) => t.replace(/^\{/, '{"__proto__":{"polluted":1},')),
  ],
];

describe('tabian bundle verify on hostile files', () => {
  it.each(hostile)(
    '%s: exit 1, a JSON report with a documented reason, the Thai message on stderr',
    async (name, make) => {
      const { code, out, err } = await verify(
        file(name, make()),
        '--trust',
        file('trust.json', JSON.stringify(trustListOf(keys))),
      );
      expect(code).toBe(1);
      expect(out).toHaveLength(1);
      const report = JSON.parse(out[0]!) as { valid: boolean; reason: ReasonCode };
      expect(report.valid).toBe(false);
      expect(REASON_CODES).toContain(report.reason);
      expect(err.join('\n')).toContain(REASONS[report.reason].th);
      expect(polluted()).toBeUndefined();
    },
    30_000,
  );

  // JSON.stringify overflows the stack on 200,000 nested arrays; the report must survive it.
  it('a statement nested too deeply to print is still refused with a report, not a stack overflow', async () => {
    const bytes = editStatementText(plain.bytes, () => deepJson(200_000));
    const { code, out, err } = await verify(file('deep-statement.tabian', bytes));
    expect(code).toBe(1);
    expect(JSON.parse(out[0]!)).toMatchObject({ valid: false, reason: 'statement.schema' });
    expect(err.join('\n')).toContain(REASONS['statement.schema'].th);
  }, 30_000);

  it.each([
    ['not JSON', 'garbage{'],
    ['deeply nested', deepJson(200_000)],
    ['polluting', POLLUTING_JSON],
    ['wrong types', '{"format":"tabian-trust/1","keys":"all"}'],
    [
      'a key with a traversal name',
      JSON.stringify({
        format: 'tabian-trust/1',
        keys: [{ keyid: '../..', alg: 'ES256', spki: 'x', role: 'director', name: 'x', school: null }],
      }),
    ],
  ])('refuses a hostile --trust file (%s) with exit 2 and one line naming it', async (_what, text) => {
    const { code, out, err } = await verify(file('plain.tabian', plain.bytes), '--trust', file('bad-trust.json', text));
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain('bad-trust.json');
    expect(polluted()).toBeUndefined();
  });
});
