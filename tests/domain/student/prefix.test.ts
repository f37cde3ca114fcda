import { describe, expect, it } from 'vitest';
import { prefixForSex, sexOfPrefix } from '../../../src/domain/student/prefix';

describe('prefix and sex', () => {
  it('a prefix implies the sex', () => {
    expect(sexOfPrefix('เด็กหญิง')).toBe('F');
    expect(sexOfPrefix('ด.ช.')).toBe('M');
    expect(sexOfPrefix('')).toBeNull();
  });

  it('keeps a prefix that already fits the sex', () => {
    expect(prefixForSex('นาง', 'F', 30)).toBe('นาง');
  });

  it('swaps to the counterpart of the same kind when the age is unknown', () => {
    expect(prefixForSex('เด็กชาย', 'F', null)).toBe('เด็กหญิง');
    expect(prefixForSex('นาย', 'F', null)).toBe('นางสาว');
    expect(prefixForSex('', 'M', null)).toBe('เด็กชาย');
  });

  it('uses the age when it is known: from 15 years นาย/นางสาว', () => {
    expect(prefixForSex('', 'F', 15)).toBe('นางสาว');
    expect(prefixForSex('นาย', 'F', 9)).toBe('เด็กหญิง');
  });
});
