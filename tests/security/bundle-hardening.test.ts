// @vitest-environment node
// Issue 18's attacks on bundles, each rebuilt here from its description: high-S signatures, compressed
// keys, duplicate JSON keys, bytes outside the ZIP's entries, and heavy work before any signature check.
import { deflateSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { concatBytes, fromBase64, toBase64, utf8, type Bytes } from '../../src/domain/bundle/bytes';
import type { CreatedBundle } from '../../src/domain/bundle/create';
import { crc32 } from '../../src/domain/bundle/crc32';
import { signStatement } from '../../src/domain/bundle/dsse';
import { isLowS, isUncompressedP256Spki } from '../../src/domain/bundle/ecdsa';
import { duplicateKey } from '../../src/domain/bundle/json';
import { keyIdOf, type SigningKey } from '../../src/domain/bundle/keys';
import { MAX_ENVELOPE_BYTES, verifyBundle } from '../../src/domain/bundle/verify';
import { noise } from './hostile';
import { readZip } from '../../src/domain/bundle/zip-read';
import { assembleZip, writeZip } from '../../src/domain/bundle/zip-write';
import { aSubmission, makeKeys, type TestKeys } from '../domain/bundle/helpers';
import { editEnvelope, resigned, unzip } from '../domain/bundle/tamper-kit';

const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const STUDENTS = 'payload/students.jsonl';
let keys: TestKeys;
let plain: CreatedBundle;

beforeAll(async () => {
  keys = await makeKeys();
  plain = await aSubmission(keys);
});

function highS(sig: Bytes): Bytes {
  const s = BigInt('0x' + Buffer.from(sig.subarray(32)).toString('hex'));
  const out = new Uint8Array(sig);
  out.set(Buffer.from((N - s).toString(16).padStart(64, '0'), 'hex'), 32);
  return out;
}

/** The statement text signed exactly as given (JSON.stringify cannot write a duplicate key). */
async function signedText(text: string, signers: readonly SigningKey[], entries = unzip(plain.bytes)): Promise<Bytes> {
  entries.set('statement.dsse.json', await signStatement(utf8(text), signers));
  return writeZip([...entries].map(([name, data]) => ({ name, data })));
}

describe('signatures: low S only', () => {
  it('refuses a signature turned into its high-S twin (valid ECDSA, altered without the key)', async () => {
    const forged = editEnvelope(plain.bytes, (e) => {
      e.signatures[0]!.sig = toBase64(highS(fromBase64(e.signatures[0]!.sig)!));
    });
    const r = await verifyBundle(forged);
    expect(r.reason).toBe('signature.invalid');
    expect(r.signers[0]!.signature).toBe('invalid');
  });

  it('signs with low S every time', async () => {
    for (let i = 0; i < 24; i++) {
      const envelope = JSON.parse(new TextDecoder().decode(await signStatement(utf8(`{"n":${i}}`), [keys.staff]))) as {
        signatures: { sig: string }[];
      };
      expect(isLowS(fromBase64(envelope.signatures[0]!.sig)!)).toBe(true);
    }
  });
});

describe('keys: uncompressed P-256 SPKI only', () => {
  it('refuses a signer whose key is spelt as a compressed point, though WebCrypto may read it', async () => {
    const spki = keys.staff.spki;
    expect(isUncompressedP256Spki(spki)).toBe(true);
    const x = spki.subarray(27, 59);
    const odd = spki[90]! & 1;
    const compressed = concatBytes(
      Uint8Array.from(Buffer.from('3039301306072a8648ce3d020106082a8648ce3d030107032200', 'hex')),
      new Uint8Array([0x02 | odd]),
      x,
    );
    const keyid = await keyIdOf(compressed);
    const staff = { ...keys.staff, spki: compressed, keyid };
    const bytes = await resigned(plain, [staff, keys.director], (s) => {
      const k = (s.keys as { keyid: string; spki: string; role: string }[]).find((e) => e.role === 'staff')!;
      k.keyid = keyid;
      k.spki = toBase64(compressed);
      for (const a of s.attestations as { keyid: string; role: string }[]) if (a.role === 'staff') a.keyid = keyid;
    });
    const r = await verifyBundle(bytes);
    expect(r.reason).toBe('key.invalid');
  });
});

describe('JSON: one value per key', () => {
  it('finds a repeated key, also when spelt with an escape, and only within one object', () => {
    expect(duplicateKey('{"a":1,"b":{"a":2},"c":[{"a":3},{"a":4}]}')).toBeNull();
    expect(duplicateKey('{"a":1,"\\u0061":2}')).toBe('a');
    expect(duplicateKey('[{"x":{"y":1,"y":2}}]')).toBe('y');
    expect(duplicateKey('{"a\\"b":1,"c":"a\\"b"}')).toBeNull();
  });

  it('refuses a signed statement that names its school twice', async () => {
    const text = new TextDecoder()
      .decode(plain.statementBytes)
      .replace('"school":{', '"school":{"code":"1010720099","name":"อื่น","smis":"10010099"},"school":{');
    const r = await verifyBundle(await signedText(text, [keys.staff, keys.director]));
    expect(r.reason).toBe('statement.malformed');
    expect(r.detail).toContain('school');
  });

  it('refuses an envelope with two payloads', async () => {
    const entries = unzip(plain.bytes);
    const text = new TextDecoder()
      .decode(entries.get('statement.dsse.json'))
      .replace('{', `{"payload":"${toBase64(utf8('{}'))}",`);
    entries.set('statement.dsse.json', utf8(text));
    const r = await verifyBundle(writeZip([...entries].map(([name, data]) => ({ name, data }))));
    expect(r.reason).toBe('envelope.malformed');
  });

  it('refuses a payload record with a repeated key', async () => {
    const lines = new TextDecoder().decode(unzip(plain.bytes).get(STUDENTS)).split('\n');
    lines[0] = lines[0]!.replace('{', '{"status":"left",');
    const bytes = await resigned(plain, [keys.staff, keys.director], () => {}, { [STUDENTS]: lines.join('\n') });
    const r = await verifyBundle(bytes);
    expect(r.reason).toBe('record.schema');
    expect(r.detail).toContain('appears twice');
  });
});

describe('ZIP: local entries tile the file exactly', () => {
  const raw = (name: string, data: Uint8Array) => ({
    name: utf8(name),
    method: 0 as const,
    crc: crc32(data),
    compressed: data,
    size: data.length,
  });
  // The directory's offsets moved by `shift`, as a tool prepending data would leave a valid-looking archive.
  function shifted(zip: Bytes, prefix: Uint8Array): Bytes {
    const out = concatBytes(prefix, zip);
    const view = new DataView(out.buffer);
    const eocd = out.length - 22;
    const count = view.getUint16(eocd + 10, true);
    let at = view.getUint32(eocd + 16, true) + prefix.length;
    view.setUint32(eocd + 16, at, true);
    for (let i = 0; i < count; i++) {
      view.setUint32(at + 42, view.getUint32(at + 42, true) + prefix.length, true);
      at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    }
    return out;
  }

  it('refuses a bundle behind a prepended HTML page', async () => {
    const bytes = shifted(plain.bytes, utf8('<!doctype html><script>alert(1)</script>'));
    const r = await verifyBundle(bytes);
    expect(r.reason).toBe('zip.malformed');
    expect(r.detail).toMatch(/belong to no entry/);
  });

  it('refuses a hidden local entry that only a streaming reader would see', () => {
    const hidden = assembleZip([raw('payload/hidden.jsonl', utf8('{"evil":1}\n'))]);
    const localOnly = hidden.subarray(0, 30 + 'payload/hidden.jsonl'.length + 11);
    const bytes = shifted(assembleZip([raw('a.txt', utf8('a'))]), localOnly);
    const r = readZip(bytes);
    expect(r.ok).toBe(false);
  });

  it('refuses a gap between two entries', () => {
    const two = assembleZip([raw('a.txt', utf8('a')), raw('b.txt', utf8('b'))]);
    // Insert 8 bytes before the second local header and shift everything that points past it.
    const at = 30 + 5 + 1;
    const bytes = concatBytes(two.subarray(0, at), new Uint8Array(8), two.subarray(at));
    const view = new DataView(bytes.buffer);
    const eocd = bytes.length - 22;
    const cd = view.getUint32(eocd + 16, true) + 8;
    view.setUint32(eocd + 16, cd, true);
    const second = cd + 46 + 5;
    view.setUint32(second + 42, view.getUint32(second + 42, true) + 8, true);
    expect(readZip(bytes)).toMatchObject({ ok: false, reason: 'zip.malformed' });
  });

  it('still reads what the project writes', () => {
    expect(readZip(plain.bytes).ok).toBe(true);
  });
});

describe('no heavy work before the signatures', () => {
  // Deflate data that cannot be inflated: a bundle refused for anything but zip.malformed never touched it.
  const damaged = (size: number) => ({
    name: utf8(STUDENTS),
    method: 8 as const,
    crc: 0,
    compressed: new Uint8Array(1000).fill(0xff),
    size,
  });

  function withPayload(envelope: Uint8Array, payload: ReturnType<typeof damaged>): Bytes {
    const e = utf8('statement.dsse.json');
    return assembleZip([
      { name: e, method: 0, crc: crc32(envelope), compressed: envelope, size: envelope.length },
      payload,
    ]);
  }

  it('refuses an unsigned bundle without unpacking its payload', async () => {
    const envelope = editEnvelope(plain.bytes, (e) => {
      e.signatures = [];
    });
    const bytes = withPayload(unzip(envelope).get('statement.dsse.json')!, damaged(100_000));
    const r = await verifyBundle(bytes);
    expect(r.reason).toBe('attestation.unsigned');
  });

  it('refuses a payload whose declared size differs from the signed one before unpacking it', async () => {
    const bytes = withPayload(unzip(plain.bytes).get('statement.dsse.json')!, damaged(190_000));
    const r = await verifyBundle(bytes);
    expect(r.reason).toBe('file.size');
  });

  it('refuses a large unsigned statement on its declared size, before inflating it', async () => {
    // Base64 of noise: it compresses too little for the ratio limit, so only the envelope's own bound stops it.
    const text = utf8(`{"payloadType":"x","payload":"${toBase64(noise(1_600_000))}","signatures":[]}`);
    const bytes = assembleZip([
      {
        name: utf8('statement.dsse.json'),
        method: 8,
        crc: crc32(text),
        compressed: deflateSync(text),
        size: text.length,
      },
    ]);
    const r = await verifyBundle(bytes);
    expect(r.reason).toBe('zip.limits');
    expect(r.detail).toBe(`statement.dsse.json: declares ${text.length} bytes, at most ${MAX_ENVELOPE_BYTES}`);
  });
});
