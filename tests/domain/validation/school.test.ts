import { describe, it, expect } from 'vitest';
import { pairKey } from '../../../src/domain/duplicates/find';
import { validateRecords } from '../../../src/domain/validation/records';
import { validateSchool } from '../../../src/domain/validation/school';
import { aStudent, AS_OF, citizenId } from '../../factories/students';

describe('validateSchool', () => {
  it('gives record findings with their student, and nothing for a clean school', () => {
    const result = validateSchool([aStudent('a'), aStudent('b', { firstName: 'ปิติ', room: '' })], { asOf: AS_OF });
    expect(result.findings.map((f) => [f.studentId, f.rule])).toEqual([['b', 'room.missing']]);
    expect(result.duplicates).toEqual([]);
  });

  it('adds the duplicate rule once to each record of a pair', () => {
    const students = [
      aStudent('a', { idNo: citizenId(1) }),
      aStudent('b', { idNo: citizenId(1) }),
      aStudent('c', { idNo: citizenId(1) }),
    ];
    const result = validateSchool(students, { asOf: AS_OF });
    expect(result.findings.map((f) => [f.studentId, f.rule, f.severity])).toEqual([
      ['a', 'id.duplicate', 'error'],
      ['b', 'id.duplicate', 'error'],
      ['c', 'id.duplicate', 'error'],
    ]);
    expect(result.duplicates).toHaveLength(2);
  });

  it('marks a possible duplicate as a warning on both, unless the pair was dismissed', () => {
    const students = [aStudent('a'), aStudent('b')];
    expect(validateSchool(students, { asOf: AS_OF }).findings.map((f) => [f.studentId, f.rule, f.severity])).toEqual([
      ['a', 'person.possible_duplicate', 'warning'],
      ['b', 'person.possible_duplicate', 'warning'],
    ]);
    const dismissed = validateSchool(students, { asOf: AS_OF, dismissedPairs: new Set([pairKey('a', 'b')]) });
    expect(dismissed).toEqual({ findings: [], duplicates: [] });
  });
});

describe('validateRecords', () => {
  const row = (fields: object) => ({
    idNo: citizenId(50),
    prefix: 'เด็กหญิง',
    firstName: 'มาลี',
    lastName: 'ใจดี',
    sex: 'F',
    birthDate: '2019-03-20',
    grade: '04',
    room: '1',
    ...fields,
  });

  it('reads, validates and keeps every finding at its input position', () => {
    const result = validateRecords([row({}), undefined, row({ idNo: citizenId(51), firstName: 'ปิติ', grade: '19' })], {
      asOf: AS_OF,
    });
    expect(result.students.map((s) => s?.firstName ?? null)).toEqual(['มาลี', null, 'ปิติ']);
    expect(result.findings.map((found) => found.map((f) => f.rule))).toEqual([
      [],
      ['record.unreadable'],
      ['grade.unknown'],
    ]);
  });

  it('reports an unreadable birth date once, not again as missing', () => {
    const result = validateRecords([row({ birthDate: '30/02/2562' })], { asOf: AS_OF });
    expect(result.findings[0]!.map((f) => f.rule)).toEqual(['birthdate.invalid']);
  });

  it('gives duplicate pairs input positions, past unreadable rows', () => {
    const result = validateRecords(
      [row({}), 'not a record', row({ idType: 'G', idNo: 'G644200000001', firstName: 'มา ลี' })],
      { asOf: AS_OF },
    );
    expect(result.duplicates.map((d) => [d.rule, d.indexes])).toEqual([['person.possible_duplicate', [0, 2]]]);
    expect(result.findings.map((found) => found.map((f) => f.rule))).toEqual([
      ['person.possible_duplicate'],
      ['record.unreadable'],
      ['person.possible_duplicate'],
    ]);
  });

  it('names records without an id by their row', () => {
    expect(validateRecords([row({})], { asOf: AS_OF }).students[0]?.id).toBe('row-1');
  });
});
