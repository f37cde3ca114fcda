import { describe, expect, it } from 'vitest';
import { newStudent } from '../../../src/domain/student/schema';
import { countBySex, matchesQuery, parseQuery, sortStudentsThai } from '../../../src/domain/student/search';

const student = (id: string, firstName: string, lastName: string, more: Parameters<typeof newStudent>[1] = {}) =>
  newStudent(id, { firstName, lastName, ...more });

describe('Thai class-list order', () => {
  it('sorts by given name with leading vowels under their consonant, not after ฮ', () => {
    const names = ['ไก่', 'ฮาริส', 'กานดา', 'เอกชัย', 'ขวัญใจ', 'เกศินี', 'อรุณ'];
    const sorted = sortStudentsThai(names.map((n, i) => student(`s${i}`, n, 'ใจดี'))).map((s) => s.firstName);
    expect(sorted).toEqual(['กานดา', 'เกศินี', 'ไก่', 'ขวัญใจ', 'อรุณ', 'เอกชัย', 'ฮาริส']);
  });

  it('breaks ties on the last name, then on the student number as a number', () => {
    const list = [
      student('a', 'มานะ', 'สุขใจ', { studentNo: '10' }),
      student('b', 'มานะ', 'ใจดี', { studentNo: '9' }),
      student('c', 'มานะ', 'สุขใจ', { studentNo: '9' }),
    ];
    expect(sortStudentsThai(list).map((s) => s.id)).toEqual(['b', 'c', 'a']);
  });
});

describe('search as you type', () => {
  const malee = student('s1', 'มาลี', 'ใจดี', {
    prefix: 'เด็กหญิง',
    idNo: '1112034563562',
    studentNo: '04512',
    firstNameEn: 'Malee',
  });

  it('finds by part of the first or last name, several words in any order', () => {
    expect(matchesQuery(malee, 'มาล')).toBe(true);
    expect(matchesQuery(malee, 'ใจดี มาลี')).toBe(true);
    expect(matchesQuery(malee, 'มาลี สุขใจ')).toBe(false);
    expect(matchesQuery(malee, 'malee')).toBe(true);
  });

  it('finds by the citizen ID typed with dashes, spaces or Thai digits, and by the student number', () => {
    expect(matchesQuery(malee, '1-1120-34563')).toBe(true);
    expect(matchesQuery(malee, '1 1120 34563 56 2')).toBe(true);
    expect(matchesQuery(malee, '๐๔๕๑๒')).toBe(true);
    expect(matchesQuery(malee, '4512')).toBe(true);
    expect(matchesQuery(malee, '99999')).toBe(false);
  });

  it('treats a nikhahit typed before sara aa as sara am', () => {
    const nam = student('s2', 'น้ำฝน', 'ทองคำ');
    expect(matchesQuery(nam, 'ทองค\u0E4D\u0E32')).toBe(true);
  });

  it('an empty query matches everyone', () => {
    expect(parseQuery('   ')).toEqual([]);
    expect(matchesQuery(malee, '')).toBe(true);
  });
});

describe('counts by sex', () => {
  it('counts boys, girls and records without a sex', () => {
    expect(countBySex([{ sex: 'M' }, { sex: 'F' }, { sex: 'F' }, { sex: null }])).toEqual({
      male: 1,
      female: 2,
      unknown: 1,
      total: 4,
    });
  });
});
