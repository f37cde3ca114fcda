import { describe, it, expect } from 'vitest';
import { ageFitsGrade, AGE_TOLERANCE_YEARS, bodyBounds, usualAge } from '../../../src/domain/validation/norms';

describe('usualAge', () => {
  it('starts อ.1 at 3–4 and ป.1 at 6–7, one year more per grade', () => {
    expect(usualAge('01')).toEqual({ min: 3, max: 4 });
    expect(usualAge('04')).toEqual({ min: 6, max: 7 });
    expect(usualAge('10')).toEqual({ min: 12, max: 13 });
    expect(usualAge('15')).toEqual({ min: 17, max: 18 });
  });
  it('puts ปวช.1–3 beside ม.4–6', () => {
    expect(usualAge('16')).toEqual(usualAge('13'));
    expect(usualAge('18')).toEqual(usualAge('15'));
  });
});

describe('ageFitsGrade', () => {
  it(`allows ${AGE_TOLERANCE_YEARS} years either side of the usual range`, () => {
    expect(ageFitsGrade(4, '04')).toBe(true);
    expect(ageFitsGrade(3, '04')).toBe(false);
    expect(ageFitsGrade(9, '04')).toBe(true);
    expect(ageFitsGrade(10, '04')).toBe(false);
  });
});

describe('bodyBounds', () => {
  it('widens with age and has bounds for an unknown age', () => {
    expect(bodyBounds(4)).toEqual({ weightKg: [5, 50], heightCm: [65, 145] });
    expect(bodyBounds(6)).toEqual({ weightKg: [9, 120], heightCm: [85, 195] });
    expect(bodyBounds(17)).toEqual({ weightKg: [20, 200], heightCm: [105, 215] });
    expect(bodyBounds(null)).toEqual({ weightKg: [5, 200], heightCm: [60, 215] });
  });
});
