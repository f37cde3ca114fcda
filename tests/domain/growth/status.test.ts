// The Department of Health's categories at their cut-off edges, สูงดีสมส่วน, and WHO's implausibility flags.
import { describe, expect, it } from 'vitest';
import { assessGrowth, whoFlags } from '../../../src/domain/growth/assess';
import { lmsValue, lmsZ } from '../../../src/domain/growth/lms';
import { heightStatus, isGoodGrowth, nutritionStatus, roundZ } from '../../../src/domain/growth/status';
import { lmsAt } from '../../../src/domain/growth/tables';
import { refs } from './who-tables';

describe('Thai categories from z', () => {
  it.each([
    [-3.5, 'thin'],
    [-2.01, 'thin'],
    [-2.004, 'rather-thin'],
    [-2, 'rather-thin'],
    [-1.51, 'rather-thin'],
    [-1.5, 'normal'],
    [0, 'normal'],
    [1.5, 'normal'],
    [1.504, 'normal'],
    [1.51, 'plump'],
    [2, 'plump'],
    [2.01, 'overweight'],
    [3, 'overweight'],
    [3.01, 'obese'],
    [6, 'obese'],
  ])('BMI-for-age z %s → %s', (z, status) => {
    expect(nutritionStatus(z)).toBe(status);
  });

  it.each([
    [-2.01, 'short'],
    [-2, 'rather-short'],
    [-1.51, 'rather-short'],
    [-1.5, 'normal'],
    [1.5, 'normal'],
    [1.51, 'rather-tall'],
    [2, 'rather-tall'],
    [2.01, 'tall'],
  ])('height-for-age z %s → %s', (z, status) => {
    expect(heightStatus(z)).toBe(status);
  });

  it('rounds z to two decimals as shown, without a −0', () => {
    expect(roundZ(-0.004)).toBe(0);
    expect(Object.is(roundZ(-0.004), -0)).toBe(false);
    expect(roundZ(1.005)).toBeCloseTo(1, 2);
  });

  it('calls สูงดีสมส่วน only สมส่วน with a height at สูงตามเกณฑ์ or above', () => {
    expect(isGoodGrowth('normal', 'normal')).toBe(true);
    expect(isGoodGrowth('normal', 'rather-tall')).toBe(true);
    expect(isGoodGrowth('normal', 'tall')).toBe(true);
    expect(isGoodGrowth('normal', 'rather-short')).toBe(false);
    expect(isGoodGrowth('plump', 'normal')).toBe(false);
    expect(isGoodGrowth(null, 'normal')).toBeNull();
  });
});

describe("WHO's flags for implausible values", () => {
  const none = { bmiForAge: null, heightForAge: null, weightForAge: null };
  it('flags |BMI z| > 5, |height z| > 6, weight z < −6 or > 5, and nothing at the limits', () => {
    expect(whoFlags({ ...none, bmiForAge: 5 })).toEqual([]);
    expect(whoFlags({ ...none, bmiForAge: -5.01 })).toEqual(['bmiForAge.implausible']);
    expect(whoFlags({ ...none, heightForAge: -6 })).toEqual([]);
    expect(whoFlags({ ...none, heightForAge: 6.01 })).toEqual(['heightForAge.implausible']);
    expect(whoFlags({ ...none, weightForAge: -6 })).toEqual([]);
    expect(whoFlags({ ...none, weightForAge: -6.01 })).toEqual(['weightForAge.implausible']);
    expect(whoFlags({ ...none, weightForAge: 5 })).toEqual([]);
    expect(whoFlags({ ...none, weightForAge: 5.01 })).toEqual(['weightForAge.implausible']);
  });

  it('gives a flagged value no category, and keeps the other', () => {
    // Boy of 8: 125 cm is normal, 90 kg gives a BMI far beyond +5 SD (restricted).
    const r = assessGrowth(
      { sex: 'M', birthDate: '2018-01-15', measuredOn: '2026-06-10', weightKg: 90, heightCm: 125 },
      refs,
    );
    expect(r.flags).toEqual(['bmiForAge.implausible', 'weightForAge.implausible']);
    expect(r.status).toEqual({ nutrition: null, height: 'normal', goodGrowth: null });
  });

  it('flags a height typed in metres and an age beyond 19 years', () => {
    const m = assessGrowth(
      { sex: 'F', birthDate: '2016-01-15', measuredOn: '2026-06-10', weightKg: 30, heightCm: 1.35 },
      refs,
    );
    expect(m.flags).toContain('heightForAge.implausible');
    const old = assessGrowth(
      { sex: 'F', birthDate: '2006-01-15', measuredOn: '2026-06-10', weightKg: 50, heightCm: 160 },
      refs,
    );
    expect(old).toMatchObject({
      reference: null,
      flags: ['age.out_of_range'],
      z: { bmiForAge: null, heightForAge: null, weightForAge: null },
    });
    expect(old.bmi).toBeCloseTo(19.53, 2);
  });

  it('uses the restricted z for the flag, as WHO does', () => {
    const lms = lmsAt(refs.who2007.bmi, 'F', 3653 / 30.4375)!; // 2016-01-01 → 2026-01-01
    const sd3 = lmsValue(3, lms);
    const step = sd3 - lmsValue(2, lms);
    const at = (bmi: number) =>
      assessGrowth(
        { sex: 'F', birthDate: '2016-01-01', measuredOn: '2026-01-01', weightKg: bmi * 1.4 ** 2, heightCm: 140 },
        refs,
      );
    expect(at(sd3 + 1.9 * step).flags).not.toContain('bmiForAge.implausible');
    expect(at(sd3 + 2.1 * step).flags).toContain('bmiForAge.implausible');
    expect(lmsZ(sd3 + 2.1 * step, lms)).toBeLessThan(5); // the plain LMS z would not have flagged it
  });
});
