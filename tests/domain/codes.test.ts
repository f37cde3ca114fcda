import { describe, it, expect } from 'vitest';
import {
  codeFromText,
  codeList,
  codeSchema,
  gradeByCode,
  gradeCodeSchema,
  gradeFromLabel,
  grades,
  isTerminalGrade,
  prefixByLabel,
  prefixes,
  sexes,
  sexFromText,
} from '../../src/domain/codes';

describe('grades', () => {
  it('lists the 18 DMC grades from อ.1 to ปวช.3 in code order', () => {
    expect(grades).toHaveLength(18);
    expect(grades[0]).toEqual({ code: '01', label: 'อ.1', name: 'อนุบาล 1' });
    expect(grades[17]).toEqual({ code: '18', label: 'ปวช.3', name: 'ประกาศนียบัตรวิชาชีพ ปีที่ 3' });
    // Not gradeCodeSchema.options: JS objects put integer-like keys ('10'..'18') before '01'..'09'.
    expect(grades.map((g) => g.code)).toEqual([...gradeCodeSchema.options].sort());
  });
  it('gradeCodeSchema accepts 01..18 only', () => {
    expect(gradeCodeSchema.safeParse('11').success).toBe(true);
    expect(gradeCodeSchema.safeParse('19').success).toBe(false);
    expect(gradeCodeSchema.safeParse('1').success).toBe(false);
  });
  it('finds a grade by code', () => {
    expect(gradeByCode('04')?.label).toBe('ป.1');
    expect(gradeByCode('4')).toBeUndefined();
  });
  it('reads the label, the code, the full name, loose spacing and Thai digits', () => {
    expect(gradeFromLabel('ม.2')?.code).toBe('11');
    expect(gradeFromLabel('11')?.code).toBe('11');
    expect(gradeFromLabel(' ม. 2 ')?.code).toBe('11');
    expect(gradeFromLabel('ม2')?.code).toBe('11');
    expect(gradeFromLabel('ม.๒')?.code).toBe('11');
    expect(gradeFromLabel('มัธยมศึกษาปีที่ 2')?.code).toBe('11');
    expect(gradeFromLabel('ปวช.1')?.code).toBe('16');
    expect(gradeFromLabel('ม.7')).toBeUndefined();
    expect(gradeFromLabel('')).toBeUndefined();
  });
  it('knows the last grade of each level', () => {
    expect(grades.filter((g) => isTerminalGrade(g.code)).map((g) => g.label)).toEqual([
      'อ.3',
      'ป.6',
      'ม.3',
      'ม.6',
      'ปวช.3',
    ]);
    expect(isTerminalGrade('10')).toBe(false);
  });
});

describe('prefixes and sexes', () => {
  it('lists the six prefixes with their sex', () => {
    expect(prefixes.map((p) => p.code)).toEqual(['001', '002', '003', '004', '005', '832']);
    expect(prefixes.find((p) => p.code === '004')).toEqual({ code: '004', label: 'นางสาว', short: 'น.ส.', sex: 'F' });
  });
  it('finds a prefix by its full word or its abbreviation, dots optional', () => {
    expect(prefixByLabel('เด็กชาย')?.code).toBe('001');
    expect(prefixByLabel('ด.ญ.')?.code).toBe('002');
    expect(prefixByLabel('ดญ')?.code).toBe('002');
    expect(prefixByLabel('น.ส.')?.code).toBe('004');
    expect(prefixByLabel('นาง')?.code).toBe('005');
    expect(prefixByLabel('นาย')?.code).toBe('003');
    expect(prefixByLabel('Mr.')).toBeUndefined();
    expect(prefixByLabel('')).toBeUndefined();
  });
  it('maps DMC export letters to sex codes', () => {
    expect(sexes).toEqual([
      { code: 'M', export: 'ช', label: 'ชาย' },
      { code: 'F', export: 'ญ', label: 'หญิง' },
    ]);
  });
});

describe('codeList', () => {
  it('returns the codes of object lists and the entries of string lists', () => {
    expect(codeList('sex')).toEqual(['M', 'F']);
    expect(codeList('idType')).toEqual(['I', 'G', 'P', 'A', 'O']);
    expect(codeList('disadvantage')).toHaveLength(14);
    expect(codeList('disadvantage').at(-1)).toBe('99');
    expect(codeList('bloodGroup')[0]).toBe('N');
    expect(codeList('dropoutReason')).toHaveLength(9);
  });
});

describe('codeFromText, codeSchema and sexFromText', () => {
  it('finds a code by itself or its label', () => {
    expect(codeFromText('nationality', 'ไทย')).toBe('099');
    expect(codeFromText('nationality', '099')).toBe('099');
    expect(codeFromText('religion', ' อิสลาม ')).toBe('002');
    expect(codeFromText('bloodGroup', 'AB')).toBe('AB');
    expect(codeFromText('religion', 'ไม่มี')).toBeUndefined();
  });
  it('validates codes of one list', () => {
    expect(codeSchema('occupation').safeParse('99').success).toBe(true);
    expect(codeSchema('occupation').safeParse('รับจ้าง').success).toBe(false);
  });
  it('reads sex from the code, the export letter, the word or English', () => {
    expect(['M', 'm', 'ช', 'ชาย', 'male'].map(sexFromText)).toEqual(['M', 'M', 'M', 'M', 'M']);
    expect(['F', 'ญ', 'หญิง', 'Female'].map(sexFromText)).toEqual(['F', 'F', 'F', 'F']);
    expect(sexFromText('X')).toBeUndefined();
    expect(sexFromText('')).toBeUndefined();
  });
});
