import { describe, expect, it } from 'vitest';
import { readSchoolRows } from '../../../src/domain/district/school-list';

describe('readSchoolRows', () => {
  it('finds the columns by their Thai headers below a title, and reports bad rows by row number', () => {
    const read = readSchoolRows([
      ['รายชื่อโรงเรียน สพป.ทดสอบ เขต 1'],
      ['ที่', 'ชื่อโรงเรียน', 'รหัส SMIS', 'รหัสโรงเรียน 10 หลัก'],
      ['1', 'โรงเรียนบ้านเอ', '50130001', '1050130001'],
      ['2', 'โรงเรียนบ้านบี', '5013002', '1050130002'],
      ['3', 'โรงเรียนบ้านซี', '๕๐๑๓๐๐๐๓', '๑๐๕๐๑๓๐๐๐๓'],
      ['4', 'โรงเรียนบ้านเอ ซ้ำ', '50130001', '1050130001'],
      [],
    ]);
    expect(read.found).toBe(true);
    expect(read.schools).toEqual([
      { code: '1050130001', smis: '50130001', name: 'โรงเรียนบ้านเอ' },
      { code: '1050130003', smis: '50130003', name: 'โรงเรียนบ้านซี' },
    ]);
    expect(read.problems).toEqual([
      { row: 4, rule: 'school.smis' },
      { row: 6, rule: 'school.repeated' },
    ]);
  });

  it('finds the columns by what they hold when there are no headers', () => {
    const read = readSchoolRows([
      ['1050130001', 'โรงเรียนบ้านเอ', '50130001'],
      ['1050130002', 'โรงเรียนบ้านบี', '50130002'],
    ]);
    expect(read.schools.map((s) => s.smis)).toEqual(['50130001', '50130002']);
  });

  it('says so when no column of school codes is there', () => {
    expect(
      readSchoolRows([
        ['ชื่อ', 'นามสกุล'],
        ['มาลี', 'ใจดี'],
      ]),
    ).toEqual({ schools: [], problems: [], found: false });
  });
});
