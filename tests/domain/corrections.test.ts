import { describe, expect, it } from 'vitest';
import { needsGCode, withGCode } from '../../src/domain/corrections/gcode';
import { aStudent } from '../factories/students';

describe('children without a citizen ID', () => {
  it('need a G-code when they have no usable number', () => {
    expect(needsGCode(aStudent('a', { idType: 'O', idNo: '' }))).toBe(true);
    expect(needsGCode(aStudent('b', { idType: 'G', idNo: 'G6442' }))).toBe(true);
    expect(needsGCode(aStudent('c', { idType: 'G', idNo: 'G644200000001' }))).toBe(false);
    expect(needsGCode(aStudent('d'))).toBe(false);
    expect(needsGCode(aStudent('e', { idType: 'O', idNo: '', status: 'graduated' }))).toBe(false);
    expect(needsGCode(aStudent('f', { idType: 'P', idNo: 'AA1234567' }))).toBe(false);
  });

  it('take an issued G-code only in its format', () => {
    const s = aStudent('a', { idType: 'O', idNo: '' });
    expect(withGCode(s, ' g 6442 0000 0001 ')).toEqual({
      ok: true,
      student: { ...s, idType: 'G', idNo: 'G644200000001' },
    });
    expect(withGCode(s, 'G64420000001')).toEqual({ ok: false, rule: 'gcode.format' });
  });
});
