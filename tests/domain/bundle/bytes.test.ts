// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { concatBytes, fromBase64, fromUtf8, toBase64, toHex, utf8 } from '../../../src/domain/bundle/bytes';

describe('bytes', () => {
  it('round-trips base64, large arrays included', () => {
    const big = Uint8Array.from({ length: 200_000 }, (_, i) => i % 251);
    expect(fromBase64(toBase64(big))).toEqual(big);
    expect(toBase64(utf8('hello'))).toBe('aGVsbG8=');
  });

  it.each(['aGVsbG8', 'aGVsbG9=', 'aGVs bG8=', 'aGVsbG8-', 'aGVsbG8_', 'a==='])(
    'refuses non-canonical base64 %j',
    (text) => {
      expect(fromBase64(text)).toBeNull();
    },
  );

  it('writes lowercase hex', () => {
    expect(toHex(new Uint8Array([0, 15, 171, 255]))).toBe('000fabff');
  });

  it('reads UTF-8 strictly: no broken sequences, no byte-order mark', () => {
    expect(fromUtf8(utf8('เด็กหญิง'))).toBe('เด็กหญิง');
    expect(fromUtf8(new Uint8Array([0xca, 0xc1]))).toBeNull(); // TIS-620
    expect(fromUtf8(concatBytes(new Uint8Array([0xef, 0xbb, 0xbf]), utf8('{}')))).toBeNull();
  });
});
