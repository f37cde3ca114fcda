import { describe, it, expect } from 'vitest';
import { findDuplicates, pairKey } from '../../../src/domain/duplicates/find';
import type { Student } from '../../../src/domain/student/schema';
import { aStudent, citizenId } from '../../factories/students';

const summary = (students: Student[], dismissed?: Set<string>) =>
  findDuplicates(students, dismissed).map((p) => [p.rule, p.match, ...p.ids]);

describe('pairKey', () => {
  it('is the same whichever record comes first', () => {
    expect(pairKey('b', 'a')).toBe(pairKey('a', 'b'));
    expect(pairKey('a', 'b')).toBe('a|b');
  });
});

describe('id.duplicate', () => {
  it('pairs two active records with the same ID number, however typed', () => {
    const students = [
      aStudent('a', { idNo: citizenId(1) }),
      aStudent('b', { idNo: '1-1017-00000-01-' + citizenId(1).at(-1), firstName: 'ปิติ' }),
    ];
    const [pair] = findDuplicates(students);
    expect(pair).toMatchObject({
      rule: 'id.duplicate',
      match: 'same-id',
      indexes: [0, 1],
      ids: ['a', 'b'],
      key: 'a|b',
    });
    expect(pair?.reason.en).toBe(`same ID number 1-1017-00000-01-${citizenId(1).at(-1)}`);
    expect(pair?.reason.th).toContain('เลขประจำตัวเดียวกัน');
  });
  it('ignores records that are no longer active and empty numbers', () => {
    expect(
      summary([
        aStudent('a', { idNo: citizenId(1) }),
        aStudent('b', { idNo: citizenId(1), status: 'transferred-out' }),
      ]),
    ).toEqual([]);
    expect(summary([aStudent('a', { idNo: '', firstName: 'ปิติ' }), aStudent('b', { idNo: '' })])).toEqual([]);
  });
  it('pairs each further copy with the first, and cannot be dismissed', () => {
    const copies = ['a', 'b', 'c'].map((id, i) => aStudent(id, { idNo: citizenId(1), birthDate: `201${i}-01-01` }));
    expect(summary(copies, new Set([pairKey('a', 'b')]))).toEqual([
      ['id.duplicate', 'same-id', 'a', 'b'],
      ['id.duplicate', 'same-id', 'a', 'c'],
    ]);
  });
  it('is the only pair reported when the same person has the same ID twice', () => {
    expect(summary([aStudent('a', { idNo: citizenId(1) }), aStudent('b', { idNo: citizenId(1) })])).toEqual([
      ['id.duplicate', 'same-id', 'a', 'b'],
    ]);
  });
});

describe('person.possible_duplicate', () => {
  it('pairs the same name and birth date under different IDs, saying why', () => {
    const [pair] = findDuplicates([aStudent('a'), aStudent('b', { idType: 'G', idNo: 'G644200000001' })]);
    expect(pair).toMatchObject({ rule: 'person.possible_duplicate', match: 'same-name', ids: ['a', 'b'] });
    expect(pair?.reason.en).toBe('same birth date and name, different ID numbers');
  });
  it.each([
    ['spaces', { firstName: 'มา ลี' }],
    ['a prefix in the name', { firstName: 'ด.ญ.มาลี' }],
    ['a repeated letter', { lastName: 'ใจดีี' }],
    ['a space moved between the fields', { firstName: 'มาลีใจ', lastName: 'ดี' }],
    ['the other sex', { sex: 'M' as const, prefix: 'เด็กชาย' }],
  ])('sees through %s', (_, fields) => {
    const [pair] = findDuplicates([aStudent('a'), aStudent('b', fields)]);
    expect(pair?.match).toBe('same-name');
  });
  it('explains a match made after normalising', () => {
    const [pair] = findDuplicates([aStudent('a'), aStudent('b', { firstName: 'มา ลี' })]);
    expect(pair?.reason.en).toContain('once spaces, repeated letters, tone-mark order and prefixes are ignored');
  });
  it('pairs a surname one letter apart when birth date, sex and first name agree', () => {
    const [pair] = findDuplicates([aStudent('a'), aStudent('b', { lastName: 'ใจดีย' })]);
    expect(pair).toMatchObject({ rule: 'person.possible_duplicate', match: 'close-surname' });
    expect(summary([aStudent('a'), aStudent('b', { lastName: 'ใจดื' })])).toHaveLength(1);
    expect(pair?.reason.en).toBe('same birth date, sex and first name; surnames one letter apart (ใจดี / ใจดีย)');
  });
  it('does not pair a close surname of the other sex, another birth date or a different surname', () => {
    expect(summary([aStudent('a'), aStudent('b', { lastName: 'ใจดื', sex: 'M', prefix: 'เด็กชาย' })])).toEqual([]);
    expect(summary([aStudent('a'), aStudent('b', { lastName: 'ใจดื', birthDate: '2019-03-21' })])).toEqual([]);
    expect(summary([aStudent('a'), aStudent('b', { lastName: 'ใจงาม' })])).toEqual([]);
  });
  it('never pairs twins: same surname and birth date, different first names', () => {
    const twins = [
      aStudent('a', { prefix: 'เด็กชาย', sex: 'M', firstName: 'สมชาย' }),
      aStudent('b', { firstName: 'สมหญิง' }),
      aStudent('c', { prefix: 'เด็กชาย', sex: 'M', firstName: 'ธนากร', lastName: 'ศรีสุข' }),
      aStudent('d', { prefix: 'เด็กชาย', sex: 'M', firstName: 'ธนากรณ์', lastName: 'ศรีสุข' }),
      aStudent('e', { prefix: 'เด็กชาย', sex: 'M', firstName: 'ธนาการ', lastName: 'ศรีสุข' }),
    ];
    expect(summary(twins)).toEqual([]);
  });
  it('never pairs siblings born on other days', () => {
    expect(summary([aStudent('a'), aStudent('b', { birthDate: '2017-03-20' })])).toEqual([]);
  });
  it('leaves out pairs the user dismissed, whichever way round the key was made', () => {
    const students = [aStudent('a'), aStudent('b')];
    expect(summary(students, new Set([pairKey('b', 'a')]))).toEqual([]);
  });
  it('compares only active records with a birth date and a name', () => {
    expect(summary([aStudent('a'), aStudent('b', { status: 'graduated' })])).toEqual([]);
    expect(summary([aStudent('a', { birthDate: null }), aStudent('b', { birthDate: null })])).toEqual([]);
    expect(
      summary([aStudent('a', { firstName: '', lastName: '' }), aStudent('b', { firstName: '', lastName: '' })]),
    ).toEqual([]);
  });
  it('pairs every two of three copies, in input order', () => {
    const pairs = findDuplicates([aStudent('x', { firstName: 'ปิติ' }), aStudent('a'), aStudent('b'), aStudent('c')]);
    expect(pairs.map((p) => p.indexes)).toEqual([
      [1, 2],
      [1, 3],
      [2, 3],
    ]);
  });
  it('stays linear on placeholder data: a bucket of 60 identical records gives 59 pairs', () => {
    const same = Array.from({ length: 60 }, (_, i) => aStudent(`p${i}`));
    expect(findDuplicates(same)).toHaveLength(59);
  });
  it('tells records apart by position even when they share an id', () => {
    expect(findDuplicates([aStudent('same'), aStudent('same'), aStudent('same')])).toHaveLength(3);
  });
});
