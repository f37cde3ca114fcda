import { afterEach, describe, expect, it } from 'vitest';
import codes from '../../../src/domain/dmc-codes.json';
import type { CodeListName } from '../../../src/domain/codes';
import { i18n, interpolate } from '../../../src/ui/i18n/i18n.svelte';
import { codeLabelsEn } from '../../../src/ui/i18n/codes.en';
import { codeOptions } from '../../../src/ui/screens/students/form/code-options';
import { className, gradeLabel } from '../../../src/ui/services/year-format';

afterEach(() => i18n.set('th'));

describe('code lists in the interface language', () => {
  it('shows DMC labels in Thai and English labels in English', () => {
    expect(codeOptions('occupation').find((o) => o.code === '3')?.label).toBe('นักธุรกิจ-ค้าขาย');
    i18n.set('en');
    expect(codeOptions('occupation').find((o) => o.code === '3')?.label).toBe('Business/trade');
    expect(codeOptions('bloodGroup').find((o) => o.code === 'N')?.label).toBe('Not known (N)');
  });
  it('labels grades and classes in English', () => {
    expect(className('04', '2')).toBe('ป.1/2');
    i18n.set('en');
    expect(gradeLabel('10')).toBe('M1');
    expect(className('04', '2')).toBe('P1/2');
    expect(gradeLabel(null)).toBe('–');
  });
  it('has an English label for every labelled code of every list', () => {
    const missing: string[] = [];
    for (const [name, list] of Object.entries(codes)) {
      if (typeof list !== 'object' || !('codes' in list)) continue;
      for (const c of list.codes as readonly (string | { code: string })[]) {
        if (typeof c === 'string') continue; // bare codes (blood groups) are the same in every language
        if (!codeLabelsEn[name as CodeListName]?.[c.code]) missing.push(`${name}.${c.code}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('English plurals', () => {
  it('chooses the word by the count', () => {
    expect(interpolate('{n} {n:student|students} counted', { n: 1 })).toBe('1 student counted');
    expect(interpolate('{n} {n:student|students} counted', { n: 0 })).toBe('0 students counted');
    expect(interpolate('{n} {n:student|students} counted', { n: 3000 })).toBe('3000 students counted');
  });
  it('leaves a form whose count is not given as it is', () => {
    expect(interpolate('{m:one|other}', { n: 1 })).toBe('{m:one|other}');
  });
  it('is what the English catalogue says', () => {
    i18n.set('en');
    expect(i18n.t('confirm.counted', { n: 1 })).toBe('1 student counted');
    expect(i18n.t('confirm.counted', { n: 2 })).toBe('2 students counted');
  });
});

describe('one calendar per sentence', () => {
  it('writes the academic year in the Common Era where the English dates are Gregorian', () => {
    expect(interpolate('academic year {year!ce}: due {date}', { year: 2569, date: '10 Jun 2026' })).toBe(
      'academic year 2026: due 10 Jun 2026',
    );
    i18n.set('en');
    expect(i18n.t('home.year', { year: 2569 })).toBe('Academic year 2026');
    i18n.set('th');
    expect(i18n.t('home.year', { year: 2569 })).toContain('2569');
  });
});
