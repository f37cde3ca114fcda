import { describe, it, expect } from 'vitest';
import {
  checkId,
  citizenIdCheckDigit,
  formatCitizenId,
  isGCode,
  isValidCitizenId,
  normaliseIdInput,
} from '../../src/domain/ids';

describe('citizenIdCheckDigit', () => {
  it('follows (11 − Σ d_i·(14−i) mod 11) mod 10', () => {
    expect(citizenIdCheckDigit('111203456356')).toBe(2);
    expect(citizenIdCheckDigit('110170001234')).toBe(4);
  });
  it('gives 1 when the sum is a multiple of 11 and 0 when it leaves 1', () => {
    expect(citizenIdCheckDigit('123456789012')).toBe(1); // Σ mod 11 = 0
    expect(citizenIdCheckDigit('100000000005')).toBe(0); // Σ mod 11 = 1
  });
  it('rejects anything but 12 digits', () => {
    expect(() => citizenIdCheckDigit('11120345635')).toThrow(RangeError);
    expect(() => citizenIdCheckDigit('11120345635x')).toThrow(RangeError);
  });
});

describe('isValidCitizenId', () => {
  it('accepts a correct id and rejects a wrong check digit', () => {
    expect(isValidCitizenId('1112034563562')).toBe(true);
    expect(isValidCitizenId('1112034563561')).toBe(false);
    expect(isValidCitizenId('1000000000050')).toBe(true);
  });
  it('rejects a leading 9, wrong lengths and separators', () => {
    expect(isValidCitizenId('9000000000000')).toBe(false);
    expect(isValidCitizenId('111203456356')).toBe(false);
    expect(isValidCitizenId('1-1120-34563-56-2')).toBe(false);
  });
  it('accepts a leading 0 (non-Thai persons without nationality)', () => {
    expect(isValidCitizenId('0000000000001')).toBe(true);
  });
});

describe('isGCode', () => {
  it('wants an upper-case G and exactly 12 digits', () => {
    expect(isGCode('G644200000001')).toBe(true);
    expect(isGCode('g644200000001')).toBe(false);
    expect(isGCode('G64420000001')).toBe(false);
    expect(isGCode('G6442000000012')).toBe(false);
  });
});

describe('normaliseIdInput', () => {
  it('strips spaces, dashes and dots and upper-cases a leading g', () => {
    expect(normaliseIdInput(' 1-1120-34563-56-2 ')).toBe('1112034563562');
    expect(normaliseIdInput('1.1120.34563.56.2')).toBe('1112034563562');
    expect(normaliseIdInput('g 6442 0000 0001')).toBe('G644200000001');
  });
});

describe('checkId', () => {
  it('reports the four reference cases exactly', () => {
    expect(checkId('1112034563562')).toEqual({ input: '1112034563562', valid: true, idType: 'I', reason: null });
    expect(checkId('1112034563561')).toEqual({ input: '1112034563561', valid: false, idType: 'I', reason: 'checksum' });
    expect(checkId('G644200000001')).toEqual({ input: 'G644200000001', valid: true, idType: 'G', reason: null });
    expect(checkId('12345')).toEqual({ input: '12345', valid: false, idType: null, reason: 'format' });
  });
  it('echoes the input as given while checking its normal form', () => {
    expect(checkId('1-1120-34563-56-2')).toEqual({
      input: '1-1120-34563-56-2',
      valid: true,
      idType: 'I',
      reason: null,
    });
    expect(checkId('g644200000001')).toEqual({ input: 'g644200000001', valid: true, idType: 'G', reason: null });
  });
  it('calls a 13-digit id starting with 9 a wrong format even when its checksum holds', () => {
    expect(checkId('9112034563568')).toEqual({ input: '9112034563568', valid: false, idType: 'I', reason: 'format' });
  });
  it('rejects letters, empty input and wrong G-code lengths as format errors', () => {
    expect(checkId('')).toEqual({ input: '', valid: false, idType: null, reason: 'format' });
    expect(checkId('P12345678')).toEqual({ input: 'P12345678', valid: false, idType: null, reason: 'format' });
    expect(checkId('G6442')).toEqual({ input: 'G6442', valid: false, idType: null, reason: 'format' });
  });
});

describe('formatCitizenId', () => {
  it('groups 1-4-5-2-1', () => {
    expect(formatCitizenId('1112034563562')).toBe('1-1120-34563-56-2');
    expect(formatCitizenId('1 1120 34563 56 2')).toBe('1-1120-34563-56-2');
  });
  it('leaves anything else unchanged', () => {
    expect(formatCitizenId('G644200000001')).toBe('G644200000001');
    expect(formatCitizenId('12345')).toBe('12345');
  });
});
