// WHO 2006 (kindergarten, below 61 months): the by-day tables, the switch to WHO 2007, length vs height.
import { describe, expect, it } from 'vitest';
import { assessGrowth, indicatorZ, LENGTH_CORRECTION_CM, referenceAt } from '../../../src/domain/growth/assess';
import { lmsValue } from '../../../src/domain/growth/lms';
import { lmsAt } from '../../../src/domain/growth/tables';
import { refs } from './who-tables';

// WHO's by-month 0–5 year tables (ewheeler/pygrowup@7ce0954 pygrowup/tables/by_month/src/, from WHO's
// published z-score tables): 48 months is exactly day 1461, so the by-day row must be the same row.
const MONTH_48 = {
  weight: { M: { l: -0.1131, m: 16.3489, s: 0.12759, sd: [12.7, 14.4, 16.3, 18.6, 21.2] } },
  bmi: {
    M: { l: -0.3622, m: 15.3326, s: 0.08238, sd: [13.1, 14.1, 15.3, 16.7, 18.2] },
    F: { l: -0.5684, m: 15.2602, s: 0.09168, sd: [12.8, 14.0, 15.3, 16.8, 18.5] },
  },
} as const;

describe('WHO 2006 by day', () => {
  it('has the by-month row at 48 months (day 1461) and its SD values within the 0.1 printed', () => {
    for (const [indicator, bySex] of Object.entries(MONTH_48) as [
      'weight' | 'bmi',
      Record<string, { l: number; m: number; s: number; sd: readonly number[] }>,
    ][]) {
      for (const [sex, row] of Object.entries(bySex) as ['M' | 'F', (typeof bySex)[string]][]) {
        expect(lmsAt(refs.who2006[indicator], sex, 1461)).toEqual({ l: row.l, m: row.m, s: row.s });
        row.sd.forEach((value, i) => {
          const z = indicatorZ(refs.who2006[indicator], sex, 1461, value, indicator)!;
          // The published SD values have one decimal: ±0.05 kg is about ±0.1 z here.
          expect(Math.abs(z - (i - 2))).toBeLessThan(0.1);
        });
      }
    }
  });

  it('goes back exactly from the LMS value at k SD, at many days for both sexes', () => {
    for (const day of [0, 100, 365, 730, 731, 1000, 1461, 1856]) {
      for (const sex of ['M', 'F'] as const) {
        for (const indicator of ['bmi', 'height', 'weight'] as const) {
          const lms = lmsAt(refs.who2006[indicator], sex, day)!;
          for (const k of [-3, -2, -1, 0, 1, 2, 3])
            expect(indicatorZ(refs.who2006[indicator], sex, day, lmsValue(k, lms), indicator)).toBeCloseTo(k, 8);
        }
      }
    }
  });

  it('uses WHO 2006 up to day 1856 and WHO 2007 from day 1857 (61 months)', () => {
    expect(referenceAt(refs, 1856)?.reference).toBe('WHO 2006');
    expect(referenceAt(refs, 1857)).toMatchObject({ reference: 'WHO 2007' });
    expect(referenceAt(refs, 1857)!.age).toBeCloseTo(61.01, 2);
    expect(referenceAt(refs, 6939)).toMatchObject({ reference: 'WHO 2007' }); // 227.98 months
    expect(referenceAt(refs, 6940)).toBeNull(); // 228.01 months: past the end of WHO 2007
    const kg = { sex: 'F' as const, birthDate: '2021-06-01', weightKg: 16, heightCm: 103 };
    expect(assessGrowth({ ...kg, measuredOn: '2026-06-30' }, refs).reference).toBe('WHO 2006');
    expect(assessGrowth({ ...kg, measuredOn: '2026-07-02' }, refs).reference).toBe('WHO 2007');
  });

  it('adds 0.7 cm to a standing height under 2 years and takes 0.7 cm off a lying length from 2 years', () => {
    const lms = (day: number) => lmsAt(refs.who2006.height, 'M', day)!;
    // Day 700 (under 2 years): the table is recumbent length, so a standing height at the median − 0.7 is the median.
    const under = assessGrowth(
      {
        sex: 'M',
        birthDate: '2024-01-01',
        measuredOn: '2025-12-01',
        weightKg: null,
        heightCm: lms(700).m - LENGTH_CORRECTION_CM,
      },
      refs,
    );
    expect(under.ageDays).toBe(700);
    expect(under.z.heightForAge).toBeCloseTo(0, 8);
    const lying = assessGrowth(
      {
        sex: 'M',
        birthDate: '2024-01-01',
        measuredOn: '2025-12-01',
        weightKg: null,
        heightCm: lms(700).m,
        position: 'lying',
      },
      refs,
    );
    expect(lying.z.heightForAge).toBeCloseTo(0, 8);
    const over = assessGrowth(
      {
        sex: 'M',
        birthDate: '2022-01-01',
        measuredOn: '2025-01-01',
        weightKg: null,
        heightCm: lms(1096).m + LENGTH_CORRECTION_CM,
        position: 'lying',
      },
      refs,
    );
    expect(over.ageDays).toBe(1096);
    expect(over.z.heightForAge).toBeCloseTo(0, 8);
    const standing = assessGrowth(
      { sex: 'M', birthDate: '2022-01-01', measuredOn: '2025-01-01', weightKg: null, heightCm: lms(1096).m },
      refs,
    );
    expect(standing.z.heightForAge).toBeCloseTo(0, 8);
  });

  it('takes the kindergarten nutrition status from WHO 2006 BMI-for-age with the same cut-offs', () => {
    const lms = lmsAt(refs.who2006.bmi, 'F', 1461)!;
    const height = 100;
    const weightAt = (z: number) => lmsValue(z, lms) * (height / 100) ** 2;
    const at = (z: number) =>
      assessGrowth(
        { sex: 'F', birthDate: '2021-01-01', measuredOn: '2025-01-01', weightKg: weightAt(z), heightCm: height },
        refs,
      );
    expect(at(-2.3).status.nutrition).toBe('thin');
    expect(at(0).status.nutrition).toBe('normal');
    expect(at(2.5).status.nutrition).toBe('overweight');
    expect(at(0).reference).toBe('WHO 2006');
  });
});
