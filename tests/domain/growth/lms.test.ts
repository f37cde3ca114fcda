import { describe, expect, it } from 'vitest';
import { lmsValue, lmsZ, restrictedValue, restrictedZ, type Lms } from '../../../src/domain/growth/lms';

// WHO 2007 BMI-for-age, boys, 61 months (../shared/data/who2007/bmi_boys_z_WHO2007_exp.txt).
const bmi61: Lms = { l: -0.7387, m: 15.2641, s: 0.0839 };

describe('LMS and restricted z', () => {
  it('is the plain LMS z within ±3 SD', () => {
    expect(restrictedZ(15.2641, bmi61)).toBeCloseTo(0, 10);
    expect(restrictedZ(18.259, bmi61)).toBeCloseTo(2, 2);
    expect(restrictedZ(16.5, bmi61)).toBe(lmsZ(16.5, bmi61));
  });

  it('counts beyond +3 SD in SD2–SD3 intervals, as WHO does', () => {
    const sd2 = lmsValue(2, bmi61);
    const sd3 = lmsValue(3, bmi61);
    expect(restrictedZ(sd3 + (sd3 - sd2), bmi61)).toBeCloseTo(4, 10);
    expect(restrictedZ(sd3 + 2.5 * (sd3 - sd2), bmi61)).toBeCloseTo(5.5, 10);
    // The plain LMS z grows more slowly out there, which is why WHO restricts it.
    expect(lmsZ(sd3 + 2.5 * (sd3 - sd2), bmi61)).toBeLessThan(5);
    // WHO's table prints SD4 = 22.072 for this month: the restricted z is 4.
    expect(restrictedZ(22.072, bmi61)).toBeCloseTo(4, 2);
  });

  it('counts below −3 SD in SD2–SD3 intervals too', () => {
    const sd2 = lmsValue(-2, bmi61);
    const sd3 = lmsValue(-3, bmi61);
    expect(restrictedZ(sd3 - (sd2 - sd3), bmi61)).toBeCloseTo(-4, 10);
    expect(restrictedZ(11.204, bmi61)).toBeCloseTo(-4, 2);
  });

  it('restrictedValue inverts restrictedZ on both sides', () => {
    for (const z of [-5.5, -4, -3, -1.5, 0, 1.5, 3, 4.2, 6])
      expect(restrictedZ(restrictedValue(z, bmi61), bmi61)).toBeCloseTo(z, 10);
  });

  it('handles L = 0 with the logarithm', () => {
    const lms: Lms = { l: 0, m: 20, s: 0.1 };
    expect(lmsZ(20 * Math.exp(0.1), lms)).toBeCloseTo(1, 12);
    expect(lmsValue(-2, lms)).toBeCloseTo(20 * Math.exp(-0.2), 12);
  });
});
