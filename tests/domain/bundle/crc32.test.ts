import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32 } from '../../../src/domain/bundle/crc32';

describe('crc32 (slice-by-8)', () => {
  it('matches zlib at every length around the 8-byte steps and on a large buffer', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = crypto.getRandomValues(new Uint8Array(n));
      expect(crc32(bytes)).toBe(zlibCrc32(bytes));
    }
    const big = Uint8Array.from({ length: 200_003 }, (_, i) => (i * 131) & 0xff);
    expect(crc32(big)).toBe(zlibCrc32(big));
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
