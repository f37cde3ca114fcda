// z-scores against the SD columns of WHO's published 2007 tables (../shared/data/who2007), every month of
// every table for both sexes: the value printed at k SD must give z = k within 0.01.
import { describe, expect, it } from 'vitest';
import { assessGrowth, indicatorZ } from '../../../src/domain/growth/assess';
import { DAYS_PER_MONTH } from '../../../src/domain/growth/age';
import { daysBetween } from '../../../src/domain/thai-date';
import type { Indicator } from '../../../src/domain/growth/tables';
import { refs, whoRows } from './who-tables';

const TABLES: [Indicator, string][] = [
  ['bmi', 'bmi'],
  ['height', 'hfa'],
  ['weight', 'wfa'],
];
const SEXES = [
  ['M', 'boys'],
  ['F', 'girls'],
] as const;
const SD_COLUMNS: [string, number][] = [
  ['SD4neg', -4],
  ['SD3neg', -3],
  ['SD2neg', -2],
  ['SD1neg', -1],
  ['SD0', 0],
  ['SD1', 1],
  ['SD2', 2],
  ['SD3', 3],
  ['SD4', 4],
];

describe('WHO 2007: z of every SD value in the published tables', () => {
  for (const [indicator, stem] of TABLES) {
    for (const [sex, word] of SEXES) {
      it(`${stem} ${word}: every month, SD −4 … +4 (restricted beyond ±3 for weight and BMI)`, () => {
        const rows = whoRows(`who2007/${stem}_${word}_z_WHO2007_exp.txt`);
        expect(rows.length).toBe(indicator === 'weight' ? 60 : 168);
        let checked = 0;
        for (const row of rows) {
          for (const [col, k] of SD_COLUMNS) {
            const z = indicatorZ(refs.who2007[indicator], sex, row.Month as number, row[col] as number, indicator);
            expect(Math.abs(z! - k), `${stem} ${word} month ${row.Month} ${col}: z ${z}`).toBeLessThan(0.01);
            checked++;
          }
        }
        expect(checked).toBe(rows.length * 9);
      });
    }
  }
});

// Days that are a whole number of months (30.4375 × 16 = 487): the full path from dates agrees too.
const birth = '2010-01-01';
const dateAfter = (days: number): string => {
  const d = new Date(Date.UTC(2010, 0, 1 + days));
  return d.toISOString().slice(0, 10);
};

describe('WHO 2007 through assessGrowth, from birth and measurement dates', () => {
  for (const months of [64, 80, 96, 112, 128, 160, 192, 224]) {
    const on = dateAfter(months * DAYS_PER_MONTH);
    it(`${months} months: age, reference and z at ±2 SD for both sexes`, () => {
      expect(daysBetween(birth, on)).toBe(months * DAYS_PER_MONTH);
      for (const [sex, word] of SEXES) {
        const hfa = whoRows(`who2007/hfa_${word}_z_WHO2007_exp.txt`).find((r) => r.Month === months)!;
        const bfa = whoRows(`who2007/bmi_${word}_z_WHO2007_exp.txt`).find((r) => r.Month === months)!;
        const height = hfa.SD2neg as number;
        // Weight chosen so that the BMI is the published +2 SD value.
        const weight = (bfa.SD2 as number) * (height / 100) ** 2;
        const r = assessGrowth({ sex, birthDate: birth, measuredOn: on, weightKg: weight, heightCm: height }, refs);
        expect(r.ageMonths).toBe(months);
        expect(r.reference).toBe('WHO 2007');
        expect(r.z.heightForAge!).toBeCloseTo(-2, 2);
        expect(r.z.bmiForAge!).toBeCloseTo(2, 2);
        expect(r.status).toEqual({ nutrition: 'plump', height: 'rather-short', goodGrowth: false });
        if (months > 120) expect(r.z.weightForAge).toBeNull();
      }
    });
  }

  it('interpolates L, M, S linearly between whole months', () => {
    const rows = whoRows('who2007/bmi_girls_z_WHO2007_exp.txt');
    const [a, b] = [rows.find((r) => r.Month === 100)!, rows.find((r) => r.Month === 101)!];
    const mid = {
      l: ((a.L as number) + (b.L as number)) / 2,
      m: ((a.M as number) + (b.M as number)) / 2,
      s: ((a.S as number) + (b.S as number)) / 2,
    };
    // At the LMS median halfway between the months, z is 0.
    expect(indicatorZ(refs.who2007.bmi, 'F', 100.5, mid.m, 'bmi')).toBeCloseTo(0, 10);
    expect(indicatorZ(refs.who2007.bmi, 'F', 228.5, 20, 'bmi')).toBeNull();
    expect(indicatorZ(refs.who2007.bmi, 'F', 60.9, 15, 'bmi')).toBeNull();
  });
});
