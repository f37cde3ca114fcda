import { describe, expect, it } from 'vitest';
import { periodFromKey, periodKey, periodOf, previousPeriod, recentPeriods } from '../../../src/domain/measure/periods';

describe('measurement periods', () => {
  it('puts the usual windows in four periods a year (16–31 May, 15–30 Sep, 1–15 Mar)', () => {
    expect(periodOf('2026-05-20')).toEqual({
      academicYear: 2569,
      term: 1,
      half: 1,
      from: '2026-05-16',
      to: '2026-07-31',
    });
    expect(periodOf('2026-09-20')).toMatchObject({ academicYear: 2569, term: 1, half: 2 });
    expect(periodOf('2026-11-05')).toMatchObject({ academicYear: 2569, term: 2, half: 1 });
    expect(periodOf('2027-03-10')).toEqual({
      academicYear: 2569,
      term: 2,
      half: 2,
      from: '2027-02-01',
      to: '2027-05-15',
    });
    expect(periodOf('2026-05-15')).toMatchObject({ academicYear: 2568, term: 2, half: 2 });
  });

  it('steps back across the academic year', () => {
    expect(previousPeriod(periodOf('2026-09-20'))).toEqual(periodOf('2026-06-01'));
    expect(previousPeriod(periodOf('2026-06-01'))).toEqual(periodOf('2026-03-01'));
    expect(recentPeriods('2026-09-20', 3).map(periodKey)).toEqual(['2569-1-2', '2569-1-1', '2568-2-2']);
  });

  it('round-trips through its key', () => {
    const p = periodOf('2027-01-10');
    expect(periodFromKey(periodKey(p))).toEqual(p);
    expect(periodFromKey('2569-3-1')).toBeNull();
  });
});
