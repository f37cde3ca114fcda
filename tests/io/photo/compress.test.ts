import { describe, expect, it } from 'vitest';
import { fitWithin, PHOTO_MAX_BYTES, QUALITY_STEPS, stepQuality } from '../../../src/io/photo/compress';

describe('photo sizing', () => {
  it('fits a 12 MP camera picture in 1600 px on the long side, either way up, never enlarging', () => {
    expect(fitWithin(4032, 3024, 1600)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032, 1600)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(10_000, 3, 320)).toEqual({ width: 320, height: 1 });
  });

  it('steps the quality down until the file is under the limit, and keeps the last step otherwise', async () => {
    const tried: number[] = [];
    // A fake encoder whose output shrinks with quality, like a JPEG encoder.
    const encode = (q: number) => {
      tried.push(q);
      return Promise.resolve(new Uint8Array(Math.round(q * 600_000)));
    };
    const got = await stepQuality(encode, PHOTO_MAX_BYTES);
    expect(got.quality).toBe(0.62);
    expect(got.bytes.byteLength).toBeLessThanOrEqual(PHOTO_MAX_BYTES);
    expect(tried).toEqual([0.86, 0.78, 0.7, 0.62]);
    const stubborn = await stepQuality(() => Promise.resolve(new Uint8Array(900_000)), PHOTO_MAX_BYTES);
    expect(stubborn.quality).toBe(QUALITY_STEPS.at(-1));
  });
});
