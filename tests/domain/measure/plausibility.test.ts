// Each "แน่ใจไหม?" check fires when it should and stays quiet otherwise.
import { describe, expect, it } from 'vitest';
import { plausibilityChecks, type PlausibilityInput } from '../../../src/domain/measure/plausibility';
import { refs } from '../growth/who-tables';

// A girl of 8 years 5 months; last time 24.0 kg and 124.0 cm.
const base: PlausibilityInput = {
  sex: 'F',
  birthDate: '2018-01-15',
  measuredOn: '2026-06-10',
  weightKg: null,
  heightCm: null,
  previous: { weightKg: 24, heightCm: 124, measuredOn: '2025-11-20' },
};
const weight = (w: number, extra: Partial<PlausibilityInput> = {}) =>
  plausibilityChecks({ ...base, ...extra, weightKg: w }, 'weight', refs);
const height = (h: number, w: number | null = 25, extra: Partial<PlausibilityInput> = {}) =>
  plausibilityChecks({ ...base, ...extra, weightKg: w, heightCm: h }, 'height', refs);

describe('weight checks', () => {
  it('say nothing about an ordinary weight', () => {
    expect(weight(25.2)).toEqual([]);
    expect(weight(28.8)).toEqual([]); // +20 % exactly is still fine
    expect(weight(19.2)).toEqual([]); // −20 % exactly
  });

  it('ask about a change of more than a fifth since last time', () => {
    expect(weight(28.9)).toEqual(['weight.jump']);
    expect(weight(19.1)).toEqual(['weight.jump']);
    expect(weight(30, { previous: null })).toEqual([]);
  });

  it("ask about a weight outside WHO's plausible range for the age", () => {
    expect(weight(245)).toContain('weight.implausible'); // a missed decimal point
    expect(weight(2.5)).toContain('weight.implausible');
    // Without last time's height, WHO's weight-for-age still judges it (to 10 years).
    expect(weight(90, { previous: null })).toEqual(['weight.implausible']);
    // After 10 years WHO has no weight-for-age: last time's height gives the BMI, else the coarse bounds.
    const teen = { birthDate: '2012-01-15', previous: { weightKg: 40, heightCm: 150, measuredOn: '2025-11-20' } };
    expect(weight(160, teen)).toContain('weight.implausible');
    expect(weight(240, { ...teen, previous: null })).toEqual(['weight.implausible']);
    expect(weight(44, teen)).toEqual([]);
  });

  it("ask when the weight looks like last time's height", () => {
    expect(weight(124.5)).toEqual(['weight.implausible', 'weight.jump', 'swapped']);
  });
});

describe('height checks', () => {
  it('say nothing about an ordinary height', () => {
    expect(height(126.3)).toEqual([]);
    expect(height(123)).toEqual([]); // exactly 1 cm less is measuring error
  });

  it('ask about a height more than a centimetre below last time', () => {
    expect(height(122.9)).toEqual(['height.shrunk']);
    expect(height(100, 25, { previous: null })).toEqual([]);
  });

  it('ask about metres typed for centimetres, and only that', () => {
    expect(height(1.26)).toEqual(['height.metres']);
  });

  it("ask about a height outside WHO's plausible range, and a BMI WHO calls impossible", () => {
    expect(height(212, 25)).toContain('height.implausible');
    expect(height(82, 25, { previous: null })).toEqual(['height.implausible', 'bmi.implausible']);
    expect(height(126, 90)).toEqual(['bmi.implausible']);
  });

  it('ask when weight and height look swapped', () => {
    expect(height(25, 126)).toContain('swapped');
    // Height typed first into the height field while weight is missing: it looks like last weight.
    expect(height(24.5, null)).toEqual(expect.arrayContaining(['height.shrunk', 'swapped']));
    expect(height(126, null)).toEqual([]);
  });

  it('still checks the coarse bounds without a birth date or sex', () => {
    const unknown = { sex: null, birthDate: null, previous: null };
    expect(height(130, 25, unknown)).toEqual([]);
    expect(height(250, 25, unknown)).toEqual(['height.implausible']);
    expect(plausibilityChecks({ ...base, ...unknown, weightKg: 300 }, 'weight', refs)).toEqual(['weight.implausible']);
  });
});
