// @vitest-environment node
// One tampering (at least) per reason code; the last test checks that every code has one.
import { beforeAll, describe, expect, it } from 'vitest';
import { fromBase64, toBase64, utf8, type Bytes } from '../../../src/domain/bundle/bytes';
import type { CreatedBundle } from '../../../src/domain/bundle/create';
import {
  exportPrivateJwk,
  generateSigningKey,
  importPrivateJwk,
  type SigningKey,
} from '../../../src/domain/bundle/keys';
import { REASON_CODES, type ReasonCode } from '../../../src/domain/bundle/reasons';
import { verifyBundle, type VerifyOptions } from '../../../src/domain/bundle/verify';
import { assembleZip } from '../../../src/domain/bundle/zip-write';
import { crc32 } from '../../../src/domain/bundle/crc32';
import { deflateSync } from 'fflate';
import { aSubmission, makeKeys, trustListOf, type TestKeys } from './helpers';
import { editEntries, editEnvelope, editStatementText, envelopeOf, flipByte, resigned, unzip } from './tamper-kit';

interface Ctx {
  keys: TestKeys;
  plain: CreatedBundle;
  other: CreatedBundle;
  encrypted: CreatedBundle;
  districtDecrypt: SigningKey;
  stranger: SigningKey;
}
type Case = [
  reason: ReasonCode,
  what: string,
  make: (c: Ctx) => Promise<Bytes> | Bytes,
  opts?: (c: Ctx) => VerifyOptions,
];

let ctx: Ctx;
beforeAll(async () => {
  const keys = await makeKeys();
  const district = keys.district;
  ctx = {
    keys,
    plain: await aSubmission(keys),
    other: await aSubmission(keys, { bundleId: '9f6c1d2e-8a7b-4c3d-9e0f-1a2b3c4d5e6f' }),
    encrypted: await aSubmission(keys, { encryptTo: { keyid: district.keyid, spki: district.spki } }),
    districtDecrypt: await importPrivateJwk(await exportPrivateJwk(district.privateKey), 'decrypt'),
    stranger: await generateSigningKey(true),
  };
});

const signersOf = (c: Ctx) => [c.keys.staff, c.keys.director];
const decrypting = (c: Ctx): VerifyOptions => ({
  decryptionKey: { keyid: c.districtDecrypt.keyid, privateKey: c.districtDecrypt.privateKey },
});
const raw = (name: string, data: Uint8Array, size = data.length, method: 0 | 8 = 0) => ({
  name: utf8(name),
  method,
  crc: crc32(data),
  compressed: data,
  size,
});
const STUDENTS = 'payload/students.jsonl';

const cases: Case[] = [
  // Step 1: the archive
  ['zip.malformed', 'the file cut short', (c) => c.plain.bytes.slice(0, c.plain.bytes.length - 10)],
  ['zip.malformed', 'not a ZIP at all', () => utf8('{"hello": "world"}'.repeat(3))],
  ['zip.malformed', 'a byte flipped inside the compressed statement', (c) => flipByte(c.plain.bytes, 60) as Bytes],
  [
    'zip.limits',
    'an entry that declares more than 200× its compressed size (zip bomb)',
    () => {
      const zeros = new Uint8Array(1_000_000);
      return assembleZip([
        {
          name: utf8('payload/bomb.jsonl'),
          method: 8,
          crc: crc32(zeros),
          compressed: deflateSync(zeros),
          size: zeros.length,
        },
      ]);
    },
  ],
  [
    'zip.malformed',
    'an entry that inflates past the size it declares (stopped there: damaged, not a bomb)',
    () => {
      const zeros = new Uint8Array(100_000);
      const compressed = deflateSync(zeros);
      return assembleZip([
        { name: utf8('statement.dsse.json'), method: 8, crc: 0, compressed, size: compressed.length * 10 },
      ]);
    },
  ],
  ['zip.path', 'an entry named ../evil', (c) => editEntries(c.plain.bytes, (e) => e.set('../evil', utf8('x')))],
  [
    'zip.path',
    'an entry named payload/../../evil',
    (c) => editEntries(c.plain.bytes, (e) => e.set('payload/../../evil', utf8('x'))),
  ],
  [
    'zip.path',
    'a backslash in a name',
    (c) => editEntries(c.plain.bytes, (e) => e.set('payload\\students.jsonl', utf8('x'))),
  ],
  ['zip.path', 'an absolute name', (c) => editEntries(c.plain.bytes, (e) => e.set('/etc/passwd', utf8('x')))],
  [
    'zip.duplicate',
    'the payload file twice',
    (c) => {
      const e = unzip(c.plain.bytes);
      return assembleZip([...e, [STUDENTS, utf8('{}\n')] as const].map(([n, d]) => raw(n, d)));
    },
  ],
  [
    'zip.duplicate',
    'two names differing only in case',
    (c) => editEntries(c.plain.bytes, (e) => e.set('payload/Students.jsonl', utf8('x'))),
  ],
  // Step 2: envelope and statement
  [
    'envelope.missing',
    'no statement.dsse.json',
    (c) => editEntries(c.plain.bytes, (e) => e.delete('statement.dsse.json')),
  ],
  [
    'envelope.malformed',
    'a byte flipped in the envelope JSON',
    (c) => editEntries(c.plain.bytes, (e) => e.set('statement.dsse.json', flipByte(e.get('statement.dsse.json')!, 0))),
  ],
  [
    'envelope.malformed',
    'a signature that is not base64',
    (c) =>
      editEnvelope(c.plain.bytes, (e) => {
        e.signatures[0]!.sig = '!!';
      }),
  ],
  [
    'envelope.type',
    'another payloadType',
    (c) =>
      editEnvelope(c.plain.bytes, (e) => {
        e.payloadType = 'application/vnd.in-toto+json';
      }),
  ],
  ['statement.malformed', 'a statement that is not JSON', (c) => editStatementText(c.plain.bytes, (t) => t.slice(1))],
  [
    'statement.format',
    'a newer format',
    (c) =>
      resigned(c.plain, signersOf(c), (s) => {
        s.format = 'tabian-bundle/2';
      }),
  ],
  [
    'statement.schema',
    'a statement without asOf',
    (c) =>
      resigned(c.plain, signersOf(c), (s) => {
        delete s.asOf;
      }),
  ],
  [
    'statement.schema',
    'sequence 2 with no previous',
    (c) =>
      resigned(c.plain, signersOf(c), (s) => {
        s.sequence = 2;
      }),
  ],
  // Step 3: keys, signatures, attestations
  [
    'key.invalid',
    'a keyid that is not the hash of its spki',
    (c) =>
      resigned(c.plain, signersOf(c), (s) => {
        (s.keys as { spki: string }[])[0]!.spki = toBase64(c.stranger.spki);
      }),
  ],
  [
    'signature.invalid',
    'a byte changed in the statement (school name)',
    (c) => editStatementText(c.plain.bytes, (t) => t.replace('บ้านทดสอบ', 'บ้านทดลอง')),
  ],
  [
    'signature.invalid',
    'a byte flipped in a signature',
    (c) =>
      editEnvelope(c.plain.bytes, (e) => {
        e.signatures[1]!.sig = toBase64(flipByte(fromBase64(e.signatures[1]!.sig)!, 10));
      }),
  ],
  [
    'signature.invalid',
    'the director’s signature taken from another bundle',
    (c) =>
      editEnvelope(c.plain.bytes, (e) => {
        e.signatures[1] = envelopeOf(c.other.bytes).signatures[1]!;
      }),
  ],
  [
    'signature.invalid',
    'a signature by a key the statement does not list',
    (c) =>
      editEnvelope(c.plain.bytes, (e) => {
        e.signatures.push({ keyid: c.stranger.keyid, sig: e.signatures[0]!.sig });
      }),
  ],
  [
    'signature.invalid',
    'the same signature twice',
    (c) =>
      editEnvelope(c.plain.bytes, (e) => {
        e.signatures.push(e.signatures[0]!);
      }),
  ],
  [
    'attestation.unsigned',
    'the director attests but does not sign',
    (c) => resigned(c.plain, [c.keys.staff], () => {}),
  ],
  [
    'attestation.role',
    'the staff key certifies as director',
    (c) =>
      resigned(c.plain, signersOf(c), (s) => {
        (s.attestations as { keyid: string }[])[1]!.keyid = c.keys.staff.keyid;
      }),
  ],
  [
    'attestation.role',
    'a staff member who “certifies”',
    (c) =>
      aSubmission(c.keys, {
        signers: [
          { key: c.keys.staff, role: 'staff', name: 'ครู', act: 'confirm-existence', at: '2026-06-10T09:00:00+07:00' },
          { key: c.keys.director, role: 'staff', name: 'ครูอีกคน', act: 'certify', at: '2026-06-10T09:00:00+07:00' },
        ],
      }).then((b) => b.bytes),
  ],
  [
    'attestation.missing',
    'no director attestation',
    (c) =>
      aSubmission(c.keys, {
        signers: [
          { key: c.keys.staff, role: 'staff', name: 'ครู', act: 'confirm-existence', at: '2026-06-10T09:00:00+07:00' },
        ],
      }).then((b) => b.bytes),
  ],
  // Step 4: entries
  ['file.missing', 'the students file removed', (c) => editEntries(c.plain.bytes, (e) => e.delete(STUDENTS))],
  [
    'file.size',
    'a line added to the students file',
    (c) => editEntries(c.plain.bytes, (e) => e.set(STUDENTS, utf8(new TextDecoder().decode(e.get(STUDENTS)) + '{}\n'))),
  ],
  [
    'file.hash',
    'a byte flipped in the students file',
    (c) => editEntries(c.plain.bytes, (e) => e.set(STUDENTS, flipByte(e.get(STUDENTS)!, 40))),
  ],
  [
    'file.hash',
    'a byte flipped in payload.enc',
    (c) => editEntries(c.encrypted.bytes, (e) => e.set('payload.enc', flipByte(e.get('payload.enc')!, 20))),
  ],
  [
    'file.extra',
    'an entry added',
    (c) => editEntries(c.plain.bytes, (e) => e.set('payload/extra.jsonl', utf8('{}\n'))),
  ],
  [
    'file.extra',
    'the payload in the clear beside payload.enc',
    (c) => editEntries(c.encrypted.bytes, (e) => e.set(STUDENTS, unzip(c.plain.bytes).get(STUDENTS)!)),
  ],
  // Step 5: decryption and records
  ['decrypt.key-missing', 'an encrypted bundle without the district key', (c) => c.encrypted.bytes],
  [
    'decrypt.recipient',
    'the wrong district key',
    (c) => c.encrypted.bytes,
    (c) => ({ decryptionKey: { keyid: c.stranger.keyid, privateKey: c.districtDecrypt.privateKey } }),
  ],
  [
    'decrypt.failed',
    'ciphertext made for another key than its stated recipient',
    (c) =>
      aSubmission(c.keys, {
        encryptTo: { keyid: c.keys.district.keyid, spki: c.stranger.spki },
      }).then((b) => b.bytes),
    decrypting,
  ],
  [
    'file.schema',
    'a schema nobody knows',
    (c) =>
      resigned(c.plain, signersOf(c), (s) => {
        (s.files as { schema: string }[])[0]!.schema = 'attendance/1';
      }),
  ],
  [
    'record.schema',
    'a student without a status',
    (c) =>
      resigned(c.plain, signersOf(c), () => {}, {
        [STUDENTS]: new TextDecoder().decode(unzip(c.plain.bytes).get(STUDENTS)).replace('"status":"active",', ''),
      }),
  ],
  [
    'record.schema',
    'a line that is not JSON',
    (c) =>
      resigned(c.plain, signersOf(c), () => {}, {
        [STUDENTS]: new TextDecoder().decode(unzip(c.plain.bytes).get(STUDENTS)) + 'not json\n',
      }),
  ],
  [
    'record.count',
    'more records than stated',
    (c) =>
      resigned(c.plain, signersOf(c), (s) => {
        (s.files as { records: number }[])[0]!.records = 5;
      }),
  ],
  // Steps 6 and 7
  [
    'key.untrusted',
    'a director the district never enrolled',
    (c) => c.plain.bytes,
    (c) => ({ trust: trustListOf(c.keys, ['staff', 'district']) }),
  ],
  [
    'key.untrusted',
    'a staff key enrolled for another school',
    (c) => c.plain.bytes,
    (c) => ({
      trust: {
        ...trustListOf(c.keys),
        keys: trustListOf(c.keys).keys.map((k) => ({ ...k, school: k.role === 'staff' ? '9999999999' : k.school })),
      },
    }),
  ],
  [
    'key.untrusted',
    'a staff key enrolled as director',
    (c) => c.plain.bytes,
    (c) => ({
      trust: {
        ...trustListOf(c.keys),
        keys: trustListOf(c.keys).keys.map((k) => ({ ...k, role: 'director' as const })),
      },
    }),
  ],
  [
    'chain.gap',
    'bundle 3 when only 1 was accepted',
    (c) => aSubmission(c.keys, { sequence: 3, previous: 'a'.repeat(64) }).then((b) => b.bytes),
    (c) => ({ chain: [{ sequence: 1, statementSha256: c.other.statementSha256, previous: null }] }),
  ],
  [
    'chain.fork',
    'another bundle 1 was already accepted',
    (c) => c.plain.bytes,
    (c) => ({ chain: [{ sequence: 1, statementSha256: c.other.statementSha256, previous: null }] }),
  ],
  [
    'chain.fork',
    'bundle 2 that does not follow the accepted bundle 1',
    (c) => aSubmission(c.keys, { sequence: 2, previous: c.plain.statementSha256 }).then((b) => b.bytes),
    (c) => ({ chain: [{ sequence: 1, statementSha256: c.other.statementSha256, previous: null }] }),
  ],
];

describe('every tampering is refused for its own reason', () => {
  it.each(cases)('%s: %s', async (reason, _what, make, opts) => {
    const r = await verifyBundle(await make(ctx), opts?.(ctx) ?? {});
    expect(r.reason).toBe(reason);
    expect(r.valid).toBe(false);
    expect(r.detail).not.toBeNull();
  });

  it('has a case for every reason code', () => {
    expect(new Set(cases.map(([reason]) => reason))).toEqual(new Set(REASON_CODES));
  });
});

describe('what the report keeps of a refused bundle', () => {
  it('names an untrusted key by its fingerprint', async () => {
    const r = await verifyBundle(ctx.plain.bytes, { trust: trustListOf(ctx.keys, ['staff']) });
    const fingerprint = ctx.keys.director.keyid.slice(0, 16).match(/.{4}/g)!.join(' ');
    expect(r.detail).toContain(fingerprint);
    expect(r.signers.map((s) => s.trusted)).toEqual([true, false]);
    expect(r.payload).not.toBeNull();
  });

  it('shows which signature failed', async () => {
    const bytes = editEnvelope(ctx.plain.bytes, (e) => {
      e.signatures[1] = envelopeOf(ctx.other.bytes).signatures[1]!;
    });
    const r = await verifyBundle(bytes);
    expect(r.signers.map((s) => [s.role, s.signature])).toEqual([
      ['staff', 'valid'],
      ['director', 'invalid'],
    ]);
    expect(r.payload).toBeNull();
  });

  it('names the line of a bad record', async () => {
    const text = new TextDecoder().decode(unzip(ctx.plain.bytes).get(STUDENTS));
    const bytes = await resigned(ctx.plain, signersOf(ctx), () => {}, {
      [STUDENTS]: text.replace(/"sex":"M"/, '"sex":"X"'),
    });
    const r = await verifyBundle(bytes);
    expect(r.detail).toMatch(/^payload\/students\.jsonl line 2: sex: /);
  });
});
