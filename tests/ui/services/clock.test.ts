import { describe, expect, it } from 'vitest';
import { todayIso } from '../../../src/ui/services/clock';
import { clockTime, dateTime } from '../../../src/ui/services/year-format';

// The unit tests run with the host's time zone (UTC in CI); the school's day must not depend on it.
describe('today and shown times at 06:30 Bangkok time', () => {
  const dawn = new Date('2026-12-07T23:30:00Z');
  it('today is the Bangkok date', () => {
    expect(todayIso(dawn)).toBe('2026-12-08');
  });
  it('a stored time shows the Bangkok date and clock', () => {
    expect(clockTime(dawn.toISOString())).toBe('06:30');
    expect(dateTime(dawn.toISOString())).toBe('8 ธ.ค. 2569 06:30');
  });
});
