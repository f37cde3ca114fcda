// @vitest-environment node
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleCommand } from '../../src/cli/commands/bundle';
import { commands } from '../../src/cli/commands/index';
import { asBytes, fromUtf8 } from '../../src/domain/bundle/bytes';
import { exportPrivateJwk, importPrivateJwk, privateJwkSchema } from '../../src/domain/bundle/keys';
import { REASONS } from '../../src/domain/bundle/reasons';
import { verifyBundle } from '../../src/domain/bundle/verify';
import { aSubmission, makeKeys, trustListOf } from '../domain/bundle/helpers';
import { editEntries } from '../domain/bundle/tamper-kit';
import { fakeIo } from '../factories/io';

const root = fileURLToPath(new URL('../..', import.meta.url));
const vectors = join(root, 'tests/fixtures/bundles');
const v = (name: string) => join(vectors, name);
const tmp = () => mkdtempSync(join(tmpdir(), 'tabian-bundle-'));

async function run(...args: string[]) {
  const io = fakeIo();
  const code = await bundleCommand.run(args, io);
  const report = io.outLines.length === 1 ? (JSON.parse(io.outLines[0]!) as Record<string, unknown>) : null;
  return { code, io, report };
}

describe('tabian bundle verify', () => {
  it('accepts a trusted test vector, printing exactly valid, reason, statement, signers', async () => {
    const { code, report } = await run('verify', v('submission-1-plain.tabian'), '--trust', v('trust.json'));
    expect(code).toBe(0);
    expect(Object.keys(report!)).toEqual(['valid', 'reason', 'statement', 'signers', 'trusted']);
    expect(report).toMatchObject({
      valid: true,
      trusted: true,
      reason: null,
      statement: { format: 'tabian-bundle/1', sequence: 1 },
    });
    expect(report!.signers).toEqual([
      expect.objectContaining({ role: 'staff', signature: 'valid', trusted: true }),
      expect.objectContaining({ role: 'director', signature: 'valid', trusted: true }),
    ]);
  });

  it('opens an encrypted vector only with the district key', async () => {
    const without = await run('verify', v('submission-2-encrypted.tabian'));
    expect([without.code, without.report!.reason]).toEqual([1, 'decrypt.key-missing']);
    const withKey = await run(
      'verify',
      v('submission-2-encrypted.tabian'),
      `--key=${v('keys/test-only-district.private.jwk')}`,
    );
    // Valid, but without a trust list nobody knows who signed it: exit 3, not 0.
    expect([withKey.code, withKey.report!.reason, withKey.report!.valid, withKey.report!.trusted]).toEqual([
      3,
      null,
      true,
      null,
    ]);
    const wrongKey = await run(
      'verify',
      v('submission-2-encrypted.tabian'),
      '--key',
      v('keys/test-only-staff.private.jwk'),
    );
    expect([wrongKey.code, wrongKey.report!.reason]).toEqual([1, 'decrypt.recipient']);
  });

  it('refuses an unknown key with its fingerprint, in Thai by default', async () => {
    const dir = tmp();
    const trust = JSON.parse(readFileSync(v('trust.json'), 'utf8')) as { keys: { role: string }[] };
    trust.keys = trust.keys.filter((k) => k.role !== 'director');
    writeFileSync(join(dir, 'trust.json'), JSON.stringify(trust));
    const { code, report, io } = await run(
      'verify',
      v('submission-1-plain.tabian'),
      '--trust',
      join(dir, 'trust.json'),
    );
    // Valid in every step but trust, and kept apart from it.
    expect([code, report!.reason, report!.valid, report!.trusted]).toEqual([1, 'key.untrusted', true, false]);
    const director = (report!.signers as { role: string; fingerprint: string }[]).find((s) => s.role === 'director')!;
    expect(io.errLines[0]).toBe(
      `tabian bundle verify: key.untrusted: ${REASONS['key.untrusted'].th} (director นายวิชัย ทดสอบ: ${director.fingerprint})`,
    );
  });

  it('refuses a tampered file for its reason, with the message in English on request', async () => {
    const dir = tmp();
    const damaged = editEntries(asBytes(readFileSync(v('submission-1-plain.tabian'))), (e) => {
      const data = new Uint8Array(e.get('payload/students.jsonl')!);
      data[100]! ^= 1;
      e.set('payload/students.jsonl', data);
    });
    writeFileSync(join(dir, 'x.tabian'), damaged);
    const { code, report, io } = await run('verify', join(dir, 'x.tabian'), '--lang', 'en');
    expect([code, report!.valid, report!.reason]).toEqual([1, false, 'file.hash']);
    expect(io.errLines).toEqual([
      `tabian bundle verify: file.hash: ${REASONS['file.hash'].en} (payload/students.jsonl)`,
    ]);
  });

  it('prints a null statement when the archive cannot be read', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'x.tabian'), 'not a zip');
    const { code, report } = await run('verify', join(dir, 'x.tabian'));
    expect([code, report]).toEqual([
      1,
      { valid: false, reason: 'zip.malformed', statement: null, signers: [], trusted: null },
    ]);
  });

  it('exits 3, not 0, for a bundle forged with fresh keys when no trust list is given', async () => {
    const dir = tmp();
    const forger = await makeKeys();
    writeFileSync(join(dir, 'forged.tabian'), (await aSubmission(forger)).bytes);
    const { code, report, io } = await run('verify', join(dir, 'forged.tabian'), '--lang', 'en');
    expect([code, report!.valid, report!.trusted, report!.reason]).toEqual([3, true, null, null]);
    expect(io.errLines[0]).toMatch(/who signed it was not checked/);
    const trusted = await run('verify', join(dir, 'forged.tabian'), '--trust', v('trust.json'));
    expect([trusted.code, trusted.report!.valid, trusted.report!.trusted]).toEqual([1, true, false]);
  });

  it.each([
    [['verify'], 'give one bundle file'],
    [['verify', 'a', 'b'], 'give one bundle file'],
    [['verify', 'no/such.tabian'], 'cannot read "no/such.tabian": no such file'],
    [['verify', 'x', '--colour'], 'unknown option "--colour"'],
    [
      [
        'verify',
        'tests/fixtures/bundles/submission-1-plain.tabian',
        '--trust',
        'tests/fixtures/bundles/keys/district.public.jwk',
      ],
      'is not a tabian-trust/1 list',
    ],
    [
      ['verify', 'tests/fixtures/bundles/submission-1-plain.tabian', '--key', 'tests/fixtures/bundles/trust.json'],
      'is not a P-256 private key JWK',
    ],
    [['verify', 'tests/fixtures/bundles/submission-1-plain.tabian', '--lang', 'fr'], '--lang wants th or en'],
    [['frobnicate'], 'unknown subcommand "frobnicate"'],
  ])('exits 2 for %j', async (args, message) => {
    const { code, io } = await run(...args.map((a) => (a.startsWith('tests/') ? join(root, a) : a)));
    expect(code).toBe(2);
    expect(io.outLines).toEqual([]);
    expect(io.errLines.join('\n')).toContain(message);
  });
});

describe('tabian bundle inspect', () => {
  it('prints the statement and its counts without verifying', async () => {
    const { code, report } = await run('inspect', v('submission-2-encrypted.tabian'));
    expect(code).toBe(0);
    expect(Object.keys(report!)).toEqual(['statement', 'counts']);
    expect(report!.counts).toEqual({
      students: 3,
      byGradeAndSex: { '04': { M: 0, F: 1 }, '05': { M: 1, F: 0 }, '06': { M: 0, F: 1 } },
    });
  });
});

describe('tabian bundle keygen and create', () => {
  const create = (dir: string, ...extra: string[]) =>
    run(
      'create',
      '--kind',
      'submission',
      '--students',
      v('students.jsonl'),
      '--school-code',
      '1034560001',
      '--school-smis',
      '34010001',
      '--school-name',
      'โรงเรียนบ้านตัวอย่าง',
      '--year',
      '2569',
      '--round',
      'term1',
      '--as-of',
      '2026-06-10',
      '--staff',
      join(dir, 'staff.jwk'),
      '--staff-name',
      'ครู',
      '--director',
      join(dir, 'director.jwk'),
      '--director-name',
      'ผอ.',
      ...extra,
    );

  it('writes a private JWK readable by its owner only, never over an existing file', async () => {
    const dir = tmp();
    const { code, report } = await run('keygen', '--out', join(dir, 'k.jwk'));
    expect(code).toBe(0);
    expect(Object.keys(report!)).toEqual(['keyid', 'fingerprint', 'spki']);
    const jwk = privateJwkSchema.parse(JSON.parse(readFileSync(join(dir, 'k.jwk'), 'utf8')));
    expect((await importPrivateJwk(jwk, 'sign')).keyid).toBe(report!.keyid);
    expect(statSync(join(dir, 'k.jwk')).mode & 0o777).toBe(0o600);
    const again = await run('keygen', '--out', join(dir, 'k.jwk'));
    expect(again.code).toBe(2);
    expect(again.io.errLines[0]).toContain('it exists already');
  });

  it('makes submissions that the app verifies: plain, then encrypted and chained after it', async () => {
    const dir = tmp();
    for (const k of ['staff', 'director', 'district']) await run('keygen', '--out', join(dir, `${k}.jwk`));
    const first = await create(dir, '--out', join(dir, '1.tabian'), '--created-at', '2026-06-10T16:00:00+07:00');
    expect(first.code).toBe(0);
    expect(first.report).toMatchObject({ sequence: 1, students: 3 });
    const second = await create(
      dir,
      '--out',
      join(dir, '2.tabian'),
      '--previous',
      join(dir, '1.tabian'),
      '--encrypt-to',
      join(dir, 'district.jwk'),
    );
    expect(second.report).toMatchObject({ sequence: 2 });
    const district = await importPrivateJwk(
      privateJwkSchema.parse(JSON.parse(readFileSync(join(dir, 'district.jwk'), 'utf8'))),
      'decrypt',
    );
    const r = await verifyBundle(asBytes(readFileSync(join(dir, '2.tabian'))), {
      decryptionKey: { keyid: district.keyid, privateKey: district.privateKey },
      chain: [{ sequence: 1, statementSha256: first.report!.statementSha256 as string, previous: null }],
    });
    expect(r).toMatchObject({
      valid: true,
      chain: { status: 'follows' },
      statement: { createdAt: expect.any(String), encryption: { recipient: district.keyid } },
    });
    expect(fromUtf8(r.payload![0]!.bytes)).toBe(readFileSync(v('students.jsonl'), 'utf8'));
  });

  it('verifies on the command line what the app made', async () => {
    const keys = await makeKeys();
    const dir = tmp();
    writeFileSync(join(dir, 'app.tabian'), (await aSubmission(keys, { encryptTo: keys.district })).bytes);
    writeFileSync(join(dir, 'trust.json'), JSON.stringify(trustListOf(keys)));
    writeFileSync(join(dir, 'district.jwk'), JSON.stringify(await exportPrivateJwk(keys.district.privateKey)));
    const { code, report } = await run(
      'verify',
      join(dir, 'app.tabian'),
      '--trust',
      join(dir, 'trust.json'),
      '--key',
      join(dir, 'district.jwk'),
    );
    expect([code, report!.reason]).toEqual([0, null]);
  });

  it.each([
    [['--round', 'term3'], '--round wants one of term1, term2, year-end'],
    [['--year', '2026'], '--year wants a Buddhist Era year'],
    [['--as-of', '2026-02-30'], '--as-of wants a real date'],
    [['--kind', 'sync'], 'only "submission" can be made here'],
    [['--bundle-id', 'nope'], '--bundle-id wants a UUID'],
  ])('exits 2 for a bad flag %j', async (extra, message) => {
    const dir = tmp();
    const args = [
      'create',
      '--kind',
      'submission',
      '--students',
      's',
      '--school-code',
      '1034560001',
      '--school-smis',
      '34010001',
      '--school-name',
      'n',
      '--year',
      '2569',
      '--round',
      'term1',
      '--as-of',
      '2026-06-10',
      '--staff',
      's',
      '--staff-name',
      'n',
      '--director',
      'd',
      '--director-name',
      'n',
      '--out',
      join(dir, 'x.tabian'),
    ];
    for (let i = 0; i < extra.length; i += 2) {
      const at = args.indexOf(extra[i]!);
      if (at >= 0) args.splice(at, 2);
      args.push(extra[i]!, extra[i + 1]!);
    }
    const { code, io } = await run(...args);
    expect(code).toBe(2);
    expect(io.errLines.join('\n')).toContain(message);
  });

  it('refuses student records it would have to change, naming the line', async () => {
    const dir = tmp();
    for (const k of ['staff', 'director']) await run('keygen', '--out', join(dir, `${k}.jwk`));
    const lines = readFileSync(v('students.jsonl'), 'utf8').split('\n');
    lines[1] = lines[1]!.replace('"birthDate":"2018-08-15"', '"birthDate":"2018-02-30"');
    writeFileSync(join(dir, 's.jsonl'), lines.join('\n'));
    const { code, io } = await run(
      'create',
      '--kind',
      'submission',
      '--students',
      join(dir, 's.jsonl'),
      '--school-code',
      '1034560001',
      '--school-smis',
      '34010001',
      '--school-name',
      'n',
      '--year',
      '2569',
      '--round',
      'term1',
      '--as-of',
      '2026-06-10',
      '--staff',
      join(dir, 'staff.jwk'),
      '--staff-name',
      'n',
      '--director',
      join(dir, 'director.jwk'),
      '--director-name',
      'n',
      '--out',
      join(dir, 'x.tabian'),
    );
    expect(code).toBe(2);
    expect(io.errLines[0]).toContain('s.jsonl line 2: birthdate.invalid (birthDate)');
  });
});

describe('the bundle command', () => {
  it('is registered', () => {
    expect(commands.map((c) => c.name)).toContain('bundle');
  });

  it('runs as a real process with the documented exit codes', () => {
    const args = [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'bundle',
      'verify',
      'tests/fixtures/bundles/sync-tablet-1.tabian',
      '--trust',
      'tests/fixtures/bundles/trust.json',
    ];
    const stdout = execFileSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(stdout)).toMatchObject({ valid: true, reason: null, statement: { kind: 'sync' } });
    let status = 0;
    try {
      execFileSync(process.execPath, [...args.slice(0, 5), 'tests/fixtures/bundles/students.jsonl'], {
        cwd: root,
        encoding: 'utf8',
        stdio: 'pipe',
      });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(1);
  }, 30_000);
});
