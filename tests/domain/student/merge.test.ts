import { describe, expect, it } from 'vitest';
import {
  defaultSurvivor,
  fieldDifferences,
  isEmptyValue,
  mergedStudent,
  type Dated,
} from '../../../src/domain/student/merge';
import { newStudent } from '../../../src/domain/student/schema';

const first: Dated = {
  student: newStudent('a', {
    idNo: '1112034563562',
    prefix: 'เด็กหญิง',
    firstName: 'มาลี',
    lastName: 'ใจดี',
    sex: 'F',
    birthDate: '2018-03-20',
    grade: '04',
    room: '1',
  }),
  updatedAt: '2026-05-16T03:00:00.000Z',
};
// The same child typed again a week later: a new nickname of the room, her blood group, no birth date.
const second: Dated = {
  student: newStudent('b', {
    idNo: '1112034563562',
    prefix: 'เด็กหญิง',
    firstName: 'มาลี',
    lastName: 'ใจดีมาก',
    sex: 'F',
    birthDate: null,
    grade: '04',
    room: '2',
    bloodGroup: 'A',
  }),
  updatedAt: '2026-05-23T03:00:00.000Z',
};

describe('merging two records of one child', () => {
  it('lists only the fields that differ, never the id, the filled value over an empty one, else the newer record', () => {
    const diffs = fieldDifferences(first, second);
    expect(diffs.map((d) => d.field).sort()).toEqual(['birthDate', 'bloodGroup', 'lastName', 'room']);
    const pick = Object.fromEntries(diffs.map((d) => [d.field, d.pick]));
    expect(pick).toEqual({ birthDate: 'keep', bloodGroup: 'drop', lastName: 'drop', room: 'drop' });
  });

  it('builds the survivor from the picks, keeping its own id', () => {
    const diffs = fieldDifferences(first, second);
    const merged = mergedStudent(first.student, diffs, { lastName: 'keep' });
    expect(merged).toMatchObject({ id: 'a', lastName: 'ใจดี', birthDate: '2018-03-20', bloodGroup: 'A', room: '2' });
  });

  it('keeps a certified record as the survivor, else the more complete one, else the one entered first', () => {
    expect(defaultSurvivor(second, first, new Set(['b']))[0].student.id).toBe('b');
    expect(defaultSurvivor(first, second, new Set())[0].student.id).toBe('a'); // same count of filled fields: the earlier
    const fuller = { ...second, student: { ...second.student, birthDate: '2018-03-20' } };
    expect(defaultSurvivor(first, fuller, new Set())[0].student.id).toBe('b');
  });

  it('counts blank text, null, empty lists and false as empty', () => {
    expect([null, '', '  ', [], false].every(isEmptyValue)).toBe(true);
    expect([0, 'x', ['1'], true].some(isEmptyValue)).toBe(false);
  });
});

describe('grades a school teaches', () => {
  it("offers the grades of its levels, and keeps a record's own grade from outside them", async () => {
    const { gradesTaught } = await import('../../../src/domain/student/grades');
    expect(gradesTaught(['primary'], null)).toEqual(['04', '05', '06', '07', '08', '09']);
    expect(gradesTaught(['kindergarten', 'primary'], '10')).toEqual([
      '01',
      '02',
      '03',
      '04',
      '05',
      '06',
      '07',
      '08',
      '09',
      '10',
    ]);
  });
});
