// @vitest-environment node
// Hostile .tabian files: every one is refused with a documented reason code (which has a Thai message),
// within a bounded time, without throwing and without touching Object.prototype. Then fast-check over
// damaged copies of a valid bundle and over random bytes.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64, utf8, type Bytes } from '../../src/domain/bundle/bytes';
import type { CreatedBundle } from '../../src/domain/bundle/create';
import { REASONS, REASON_CODES } from '../../src/domain/bundle/reasons';
import { inspectBundle, MAX_ENVELOPE_BYTES, verifyBundle } from '../../src/domain/bundle/verify';
import { readZip } from '../../src/domain/bundle/zip-read';
import { aSubmission, makeKeys, trustListOf, type TestKeys } from '../domain/bundle/helpers';
import { editEntries, editStatementText, resigned, unzip } from '../domain/bundle/tamper-kit';
import { bombData, deepJson, noise, POLLUTING_JSON, polluted, rawEntry, timed, zipOf } from './hostile';

const STUDENTS = 'payload/students.jsonl';
let keys: TestKeys;
let plain: CreatedBundle;

beforeAll(async () => {
  keys = await makeKeys();
  plain = await aSubmission(keys);
});

const signers = () => [keys.staff, keys.director];
const studentLine = (extra: string) => {
  const text = new TextDecoder().decode(unzip(plain.bytes).get(STUDENTS));
  return text.split('\n')[0]!.replace(/^\{/, `{${extra},`);
};

type Hostile = [what: string, make: () => Bytes | Promise<Bytes>];
const corpus: Hostile[] = [
  ['an empty file', () => new Uint8Array(0)],
  ['random bytes', () => noise(4096) as Bytes],
  ['a spreadsheet renamed .tabian', () => utf8('เลขประจำตัว,ชื่อ\n1101700203451,สมชาย\n')],
  ['the bundle cut in half', () => plain.bytes.slice(0, plain.bytes.length >> 1)],
  ['the bundle without its last byte', () => plain.bytes.slice(0, -1)],
  ['a zip bomb declaring 16 MiB', () => zipOf([rawEntry('statement.dsse.json', bombData(16))])],
  ['a zip bomb lying about its size', () => zipOf([rawEntry('statement.dsse.json', bombData(16), { size: 4096 })])],
  [
    'an entry declaring 4 GiB',
    () => zipOf([rawEntry('statement.dsse.json', new Uint8Array(10), { deflate: false, size: 0xffffffff })]),
  ],
  ['a path climbing out with ../', () => editEntries(plain.bytes, (e) => e.set('../../etc/cron.d/tabian', utf8('x')))],
  [
    'a path climbing out inside payload/',
    () => editEntries(plain.bytes, (e) => e.set('payload/../../x.jsonl', utf8('x'))),
  ],
  ['an absolute path', () => editEntries(plain.bytes, (e) => e.set('/etc/passwd', utf8('x')))],
  ['a Windows path', () => editEntries(plain.bytes, (e) => e.set('..\\..\\autoexec.bat', utf8('x')))],
  ['a drive letter', () => editEntries(plain.bytes, (e) => e.set('C:/x', utf8('x')))],
  ['a name that is not UTF-8', () => zipOf([rawEntry(new Uint8Array([0xff, 0xfe, 0x2e, 0x2e]), utf8('x'))])],
  ['a name differing only in case', () => editEntries(plain.bytes, (e) => e.set('STATEMENT.dsse.json', utf8('{}')))],
  [
    'an envelope of deeply nested JSON',
    () => editEntries(plain.bytes, (e) => e.set('statement.dsse.json', utf8(deepJson(200_000)))),
  ],
  [
    'an envelope with __proto__',
    () => editEntries(plain.bytes, (e) => e.set('statement.dsse.json', utf8(POLLUTING_JSON))),
  ],
  [
    'an envelope of wrong types',
    () =>
      editEntries(plain.bytes, (e) =>
        e.set('statement.dsse.json', utf8('{"payloadType":1,"payload":[],"signatures":"x"}')),
      ),
  ],
  [
    'an envelope in UTF-16',
    () => editEntries(plain.bytes, (e) => e.set('statement.dsse.json', new Uint8Array([0xff, 0xfe, 0x7b, 0, 0x7d, 0]))),
  ],
  ['a statement of deeply nested JSON', () => editStatementText(plain.bytes, () => deepJson(200_000))],
  [
    'a statement that pollutes',
    () =>
      editStatementText(plain.bytes, (t) =>
        t.replace(/^\{/, `{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},`),
      ),
  ],
  [
    'a statement of wrong types',
    () => editStatementText(plain.bytes, (t) => t.replace('"sequence":1', '"sequence":"1"')),
  ],
  [
    'a statement in Latin-1',
    () =>
      editEntries(plain.bytes, (e) => {
        const env = JSON.parse(new TextDecoder().decode(e.get('statement.dsse.json'))) as { payload: string };
        env.payload = toBase64(new Uint8Array([0x7b, 0xe9, 0x7d]));
        e.set('statement.dsse.json', utf8(JSON.stringify(env)));
      }),
  ],
  [
    'a signed statement with huge counts',
    () =>
      resigned(plain, signers(), (s) => {
        (s.files as { records: number }[])[0]!.records = Number.MAX_SAFE_INTEGER;
        s.counts = { students: 1e308, byGradeAndSex: JSON.parse(deepJson(2_000)) as unknown };
      }),
  ],
  [
    'a signed payload line with deeply nested JSON',
    () => resigned(plain, signers(), () => {}, { [STUDENTS]: `${deepJson(100_000)}\n` }),
  ],
  [
    'a signed payload line of wrong types',
    () => resigned(plain, signers(), () => {}, { [STUDENTS]: '{"id":1,"firstName":["x"],"birthDate":{}}\n' }),
  ],
  [
    'a signed payload in TIS-620',
    () =>
      resigned(plain, signers(), (s) => {
        (s.files as { sha256: string }[])[0]!.sha256 = '0'.repeat(64);
      }),
  ],
];

describe('hostile bundles', () => {
  it.each(corpus)(
    'refuses %s with a known reason, quickly, leaving Object.prototype alone',
    async (_what, make) => {
      const bytes = await make();
      const { value: r, ms } = await timed(() => verifyBundle(bytes, { trust: trustListOf(keys) }));
      expect(r.valid).toBe(false);
      expect(REASON_CODES).toContain(r.reason);
      expect(REASONS[r.reason!].th).toMatch(/[\u0E00-\u0E7F]/);
      expect(ms).toBeLessThan(10_000);
      const looked = await inspectBundle(bytes);
      if (!looked.valid) expect(REASON_CODES).toContain(looked.reason);
      expect(polluted()).toBeUndefined();
    },
    30_000,
  );

  it('reads a signed payload whose records carry __proto__ and constructor without polluting anything', async () => {
    const line = studentLine('"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}');
    const bytes = await resigned(
      plain,
      signers(),
      (s) => {
        (s.files as { records: number }[])[0]!.records = 1;
      },
      { [STUDENTS]: `${line}\n` },
    );
    const r = await verifyBundle(bytes);
    // The schema keeps only its own fields: the record is valid and carries neither key.
    expect(r).toMatchObject({ valid: true, reason: null });
    const record = r.payload![0]!.records[0] as Record<string, unknown>;
    expect(Object.hasOwn(record, '__proto__')).toBe(false);
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(polluted()).toBeUndefined();
  });
});

describe('giant values in a genuine bundle', () => {
  it('verifies a signed statement with a 100,000-character school name in bounded time', async () => {
    const bytes = await resigned(plain, signers(), (s) => {
      (s.school as { name: string }).name = 'ก'.repeat(100_000);
    });
    const { value: r, ms } = await timed(() => verifyBundle(bytes));
    // The signers vouch for what they signed; the reader only has to stay bounded.
    expect(r.valid).toBe(true);
    expect(ms).toBeLessThan(10_000);
  }, 30_000);

  it('refuses a statement larger than MAX_ENVELOPE_BYTES on its declared size, signed or not', async () => {
    const bytes = await resigned(plain, signers(), (s) => {
      (s.school as { name: string }).name = 'ก'.repeat(1_000_000);
    });
    const r = await verifyBundle(bytes);
    expect(r.reason).toBe('zip.limits');
    expect(r.detail).toContain(`at most ${MAX_ENVELOPE_BYTES}`);
  });
});

describe('property: damaged bundles', () => {
  it('any handful of changed bytes, or a cut, is refused with a documented code and never throws', async () => {
    const edit = fc.record({
      flips: fc.array(fc.record({ at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }), {
        minLength: 1,
        maxLength: 6,
      }),
      cut: fc.option(fc.nat(), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(edit, async ({ flips, cut }) => {
        const bytes = plain.bytes.slice(0, cut === undefined ? undefined : cut % plain.bytes.length);
        for (const f of flips) bytes[f.at % bytes.length]! ^= f.xor;
        const r = await verifyBundle(bytes, { trust: trustListOf(keys) });
        // A flip may land in a field no reader looks at (a date in a header): then the bundle is still genuine.
        if (r.valid) return;
        expect(REASON_CODES).toContain(r.reason);
      }),
      { numRuns: 120, interruptAfterTimeLimit: 15_000 },
    );
  }, 30_000);

  it('readZip returns a result for any bytes, including ones that start like a ZIP', () => {
    const zipLike = fc.uint8Array({ maxLength: 600 }).map((b) => {
      const out = new Uint8Array(b.length + 26);
      out.set([0x50, 0x4b, 0x03, 0x04]);
      out.set(b, 4);
      out.set([0x50, 0x4b, 0x05, 0x06], out.length - 22);
      return out as Bytes;
    });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.uint8Array({ maxLength: 2048 }).map((b) => b as Bytes),
          zipLike,
        ),
        (bytes) => {
          const r = readZip(bytes);
          if (!r.ok) expect(['zip.malformed', 'zip.limits', 'zip.path', 'zip.duplicate']).toContain(r.reason);
        },
      ),
      { numRuns: 400, interruptAfterTimeLimit: 5_000 },
    );
  });

  it('any JSON as the statement is refused with a step-2 code, never thrown', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 6 }), async (json) => {
        const bytes = editStatementText(plain.bytes, () => JSON.stringify(json));
        const r = await inspectBundle(bytes);
        expect(r.valid).toBe(false);
        expect(['statement.malformed', 'statement.format', 'statement.schema']).toContain(r.reason);
        expect(polluted()).toBeUndefined();
      }),
      { numRuns: 150, interruptAfterTimeLimit: 8_000 },
    );
  }, 20_000);

  it('fromBase64 never throws and accepts only canonical base64', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        const b = fromBase64(s);
        if (b !== null) expect(toBase64(b)).toBe(s);
      }),
      { numRuns: 500 },
    );
  });
});
