// @vitest-environment node
import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../../src/domain/bundle/bytes';
import { crc32 } from '../../../src/domain/bundle/crc32';
import { readZip, ZIP_LIMITS } from '../../../src/domain/bundle/zip-read';
import { unsafeNameReason } from '../../../src/domain/bundle/zip-names';
import { assembleZip, writeZip, type RawZipEntry } from '../../../src/domain/bundle/zip-write';

const stored = (name: string, data: Uint8Array): RawZipEntry => ({
  name: utf8(name),
  method: 0,
  crc: crc32(data),
  compressed: data,
  size: data.length,
});
const reason = (bytes: Uint8Array) => {
  const r = readZip(bytes as Uint8Array<ArrayBuffer>);
  return r.ok ? 'ok' : r.reason;
};

describe('writeZip', () => {
  // Local file header: the method is the 2 bytes at offset 8.
  const methodOf = (zip: Uint8Array) => zip[8]! | (zip[9]! << 8);
  it('stores a large entry that does not deflate (encrypted data, a photo) without deflating it, and reads it back', () => {
    const noise = new Uint8Array(300_000);
    for (let i = 0; i < noise.length; i += 65_536) crypto.getRandomValues(noise.subarray(i, i + 65_536));
    const zip = writeZip([{ name: 'payload.enc', data: noise }]);
    expect(methodOf(zip)).toBe(0);
    const r = readZip(zip as Uint8Array<ArrayBuffer>);
    expect(r.ok && r.entries.get('payload.enc')).toEqual(noise);
  });
  it('still deflates a large entry that does', () => {
    const lines = Array.from({ length: 5_000 }, (_, i) => `{"no":${i},"firstName":"สมชาย","w":${(i * 7919) % 997}}`);
    const text = utf8(lines.join('\n'));
    const zip = writeZip([{ name: 'payload/students.jsonl', data: text }]);
    expect(methodOf(zip)).toBe(8);
    expect(zip.length).toBeLessThan(text.length / 3);
  });
  it('writes the same bytes for the same entries', () => {
    const entries = [
      { name: 'a.json', data: utf8('{"a":1}'.repeat(50)) },
      { name: 'b/c.jsonl', data: utf8('x\n') },
    ];
    expect(writeZip(entries)).toEqual(writeZip(entries));
  });

  it('round-trips through readZip in order, deflated or stored', () => {
    const entries = [
      { name: 'big.jsonl', data: utf8('{"n":"มาลี"}\n'.repeat(100)) },
      { name: 'tiny', data: utf8('x') },
      { name: 'empty', data: new Uint8Array(0) },
    ];
    const r = readZip(writeZip(entries));
    expect(r.ok && [...r.entries].map(([n, d]) => [n, new TextDecoder().decode(d)])).toEqual(
      entries.map((e) => [e.name, new TextDecoder().decode(e.data)]),
    );
  });

  it('stores rather than deflates data that would break the ratio limit', () => {
    const zeros = new Uint8Array(1_000_000);
    expect(reason(writeZip([{ name: 'zeros', data: zeros }]))).toBe('ok');
  });

  it('writes a CRC-32 that other tools agree with', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
  });
});

describe('readZip limits', () => {
  it('refuses more than 10,000 entries before reading any', () => {
    const many = Array.from({ length: ZIP_LIMITS.maxEntries + 1 }, (_, i) => stored(`f${i}`, new Uint8Array(0)));
    expect(reason(assembleZip(many))).toBe('zip.limits');
    expect(reason(assembleZip(many.slice(1)))).toBe('ok');
  });

  it('refuses more than 512 MiB declared in total, before inflating', () => {
    // Ratio 199 each: 3 × 1 MiB compressed declaring 199 MiB apiece.
    const chunk = new Uint8Array(1024 * 1024);
    const liar = (name: string): RawZipEntry => ({ ...stored(name, chunk), method: 8, size: 199 * chunk.length });
    const r = readZip(assembleZip([liar('a'), liar('b'), liar('c')]));
    expect(r).toEqual({ ok: false, reason: 'zip.limits', detail: `more than ${512 * 1024 * 1024} bytes in total` });
  });

  it('refuses an entry that declares more than 200× its compressed size', () => {
    const zeros = new Uint8Array(100_000);
    const compressed = deflateSync(zeros);
    expect(
      reason(assembleZip([{ name: utf8('z'), method: 8, crc: crc32(zeros), compressed, size: zeros.length }])),
    ).toBe('zip.limits');
  });

  it('stops inflating an entry that produces more than it declares', () => {
    const zeros = new Uint8Array(50_000_000);
    const compressed = deflateSync(zeros);
    // Declared ~10 MB, produces 50 MB: stopped at its declaration, so damaged, not dangerous (how fast is the benchmark's business).
    expect(
      reason(assembleZip([{ name: utf8('z'), method: 8, crc: 0, compressed, size: compressed.length * 200 }])),
    ).toBe('zip.malformed');
  }, 30_000);

  it("calls a byte flipped anywhere in a real bundle's entries damaged, never a zip bomb", () => {
    const bundle = new Uint8Array(readFileSync('tests/fixtures/bundles/submission-1-plain.tabian'));
    // Everything before the central directory: local headers and compressed data, where damage usually falls.
    // (A flip in a size the central directory declares can make it claim a bomb's ratio; that stays zip.limits.)
    const centralDirectory = Buffer.from(bundle).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const seen = new Set<string>();
    for (let i = 0; i < centralDirectory; i++) {
      for (const bit of [0x01]) {
        const copy = bundle.slice();
        copy[i]! ^= bit;
        seen.add(reason(copy));
      }
    }
    expect(seen).toContain('zip.malformed');
    expect(seen).not.toContain('zip.limits');
  }, 30_000);

  it('accepts custom limits', () => {
    const r = readZip(writeZip([{ name: 'a', data: utf8('abc') }]), { ...ZIP_LIMITS, maxTotalBytes: 2 });
    expect(r.ok).toBe(false);
  });
});

describe('readZip names', () => {
  it.each([
    ['../evil', '..'],
    ['payload/../../evil', '..'],
    ['/abs', 'leading /'],
    ['a\\b', 'backslash'],
    ['', 'empty name'],
    ['a//b', 'empty or "." segment'],
    ['./a', 'empty or "." segment'],
    ['C:evil', 'control character or colon'],
    ['a\u0000b', 'control character or colon'],
  ])('refuses %j (%s)', (name, why) => {
    expect(unsafeNameReason(name)).toBe(why);
    expect(reason(assembleZip([stored(name, utf8('x'))]))).toBe('zip.path');
  });

  it.each(['statement.dsse.json', 'payload/students.jsonl', 'payload/', 'payload/ชื่อไทย.json'])('allows %j', (name) => {
    expect(unsafeNameReason(name)).toBeNull();
  });

  it('refuses duplicates, also when only case or Unicode form differs', () => {
    expect(reason(assembleZip([stored('a', utf8('1')), stored('a', utf8('2'))]))).toBe('zip.duplicate');
    expect(reason(assembleZip([stored('A', utf8('1')), stored('a', utf8('2'))]))).toBe('zip.duplicate');
    expect(reason(assembleZip([stored('e\u0301', utf8('1')), stored('\u00e9', utf8('2'))]))).toBe('zip.duplicate');
  });

  it('refuses a name that is not UTF-8', () => {
    expect(reason(assembleZip([{ ...stored('x', utf8('1')), name: new Uint8Array([0xca, 0xc1]) }]))).toBe('zip.path');
  });
});

describe('readZip structure', () => {
  const good = writeZip([
    { name: 'a.json', data: utf8('{"a":1}') },
    { name: 'b.json', data: utf8('{"b":2}') },
  ]);

  it('refuses a truncated archive, trailing bytes and a wrong CRC', () => {
    expect(reason(good.slice(0, good.length - 1))).toBe('zip.malformed');
    expect(reason(new Uint8Array([...good, 0]))).toBe('zip.malformed');
    expect(reason(assembleZip([{ ...stored('a', utf8('1')), crc: 0 }]))).toBe('zip.malformed');
    expect(reason(new Uint8Array(10))).toBe('zip.malformed');
  });

  it('refuses a central directory with more records than the end record counts', () => {
    const bytes = assembleZip([stored('a', utf8('1')), stored('b', utf8('2'))]);
    const view = new DataView(bytes.buffer);
    view.setUint16(bytes.length - 22 + 8, 1, true);
    view.setUint16(bytes.length - 22 + 10, 1, true);
    expect(reason(bytes)).toBe('zip.malformed');
  });

  it('refuses entries that overlap', () => {
    const bytes = assembleZip([stored('a', utf8('1111')), stored('b', utf8('2222'))]);
    // Point the second central entry at the first local header: one file's data read twice.
    const cd = bytes.length - 22 - 2 * (46 + 1);
    new DataView(bytes.buffer).setUint32(cd + 47 + 42, 0, true);
    expect(reason(bytes)).toBe('zip.malformed');
  });

  it('refuses a local header whose name differs from the central directory', () => {
    const bytes = assembleZip([stored('a', utf8('1'))]);
    bytes[30] = 'b'.charCodeAt(0);
    expect(reason(bytes)).toBe('zip.malformed');
  });

  it('refuses encrypted entries and unknown methods', () => {
    const bytes = assembleZip([stored('a', utf8('1'))]);
    const cd = bytes.length - 22 - 47;
    const flagged = new Uint8Array(bytes);
    new DataView(flagged.buffer).setUint16(cd + 8, 1, true);
    expect(reason(flagged)).toBe('zip.malformed');
    expect(reason(assembleZip([{ ...stored('a', utf8('1')), method: 12 as 8 }]))).toBe('zip.malformed');
  });
});
