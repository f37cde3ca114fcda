import { describe, expect, it } from 'vitest';
import { localDateTime, photoDate, photoTime } from '../../../src/domain/photo/schema';

describe("a photo's date and time", () => {
  it('are the local date and time it was taken, not UTC', () => {
    // 23:30 UTC on 31 May is 06:30 on 1 June in Bangkok: the photo belongs to 1 June.
    const takenAt = localDateTime(new Date('2026-05-31T23:30:00Z'));
    expect(takenAt).toBe('2026-06-01T06:30:00');
    expect(photoDate({ takenAt })).toBe('2026-06-01');
    expect(photoTime({ takenAt })).toBe('06:30');
  });
});
