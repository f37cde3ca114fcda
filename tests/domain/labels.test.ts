import { describe, expect, it } from 'vitest';
import {
  codeFromText,
  codeList,
  gradeFromLabel,
  prefixByLabel,
  sexFromText,
  type CodeListName,
} from '../../src/domain/codes';
import { labelMatcher, thaiKey, variantsOf } from '../../src/domain/labels';
import variantsJson from '../../src/domain/dmc-label-variants.json';

describe('the label matcher of a code list', () => {
  it('reads "ค้าขาย" as นักธุรกิจ-ค้าขาย, from the variants list', () => {
    expect(codeFromText('occupation', 'ค้าขาย')).toBe('3');
    expect(codeFromText('occupation', ' ค้าขาย ')).toBe('3');
  });

  it('reads the exact label and the code, with the zeros a spreadsheet dropped', () => {
    expect(codeFromText('occupation', 'นักธุรกิจ-ค้าขาย')).toBe('3');
    expect(codeFromText('occupation', '3')).toBe('3');
    expect(codeFromText('religion', '1')).toBe('001');
    expect(codeFromText('disadvantage', '9')).toBe('09');
    expect(codeFromText('nationality', '99')).toBe('099');
  });

  it('compares Thai-normalised text: spaces, hyphens, slashes, dots, Thai digits, mai yamok, mark order', () => {
    expect(codeFromText('occupation', 'นักธุรกิจ – ค้าขาย')).toBe('3');
    expect(codeFromText('occupation', 'นักธุรกิจ ค้าขาย')).toBe('3');
    expect(codeFromText('religion', 'พราหมณ์ ฮินดู')).toBe('005');
    expect(codeFromText('religion', 'อื่น ๆ')).toBe('006');
    expect(codeFromText('parentsMaritalStatus', 'หย่าร้าง / หม้าย')).toBe('04');
    // A tone mark typed twice, and typed before the vowel above it.
    expect(codeFromText('occupation', 'ค้้าขาย')).toBe('3');
    expect(codeFromText('guardianRelation', 'ปู่')).toBe('05');
    expect(thaiKey('ที่\u0E48')).toBe(thaiKey('ที่'));
    expect(thaiKey('ท\u0E48\u0E35')).toBe(thaiKey('ที่'));
    // Nikhahit + sara aa typed for sara am.
    expect(thaiKey('ทํา')).toBe(thaiKey('ทำ'));
    expect(codeFromText('bloodGroup', 'arh+')).toBe('ARh+');
  });

  it('matches nothing it does not know, and nothing two codes could mean', () => {
    expect(codeFromText('occupation', 'ขายของออนไลน์')).toBeUndefined();
    expect(codeFromText('occupation', '')).toBeUndefined();
    const m = labelMatcher('test', [
      { code: 'a', labels: ['ก-ข'] },
      { code: 'b', labels: ['กข'] },
    ]);
    expect(m('ก-ข')).toBe('a');
    expect(m('ก ข')).toBeUndefined();
  });

  it('reads grades, sexes and prefixes through the same matcher', () => {
    expect(gradeFromLabel('ม. ๒')?.code).toBe('11');
    expect(gradeFromLabel('4')?.code).toBe('04');
    expect(gradeFromLabel('ป.9')).toBeUndefined();
    expect(sexFromText('ญ')).toBe('F');
    expect(sexFromText('Male')).toBe('M');
    expect(prefixByLabel('ด.ช')?.label).toBe('เด็กชาย');
    expect(prefixByLabel('001')).toBeUndefined();
  });

  it('keeps each variant with where it was seen, for a code its list has', () => {
    const lists = Object.keys(variantsJson).filter((k) => !k.startsWith('_'));
    expect(lists.length).toBeGreaterThan(0);
    for (const list of lists) {
      const codes = new Set(codeList(list as CodeListName));
      for (const v of variantsOf(list)) {
        expect(codes.has(v.code), `${list}: ${v.text}`).toBe(true);
        expect(v.seen.length).toBeGreaterThan(10);
        expect(codeFromText(list as CodeListName, v.text)).toBe(v.code);
      }
    }
  });
});
