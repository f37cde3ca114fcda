import { describe, expect, it } from 'vitest';
import { countByGradeAndSex, countsOn, freeze, snapshotOn } from '../../../src/domain/year/snapshot';
import { aStudent } from '../../factories/students';
import { aMovement, reversed } from './factories';

const TERM1 = '2026-06-10';
const ids = (list: { id: string }[]) => list.map((s) => s.id);

describe('the as-of rule', () => {
  it('counts a student with no entry date and no movement on any date', () => {
    expect(countsOn(aStudent('a'), [], '1990-01-01')).toBe(true);
  });

  it('counts a student who enters on the as-of date, not one who enters the day after', () => {
    expect(countsOn(aStudent('a', { enteredOn: '2026-06-10' }), [], TERM1)).toBe(true);
    expect(countsOn(aStudent('a', { enteredOn: '2026-06-11' }), [], TERM1)).toBe(false);
  });

  it('does not count a student who leaves on the as-of date, but does the day before it', () => {
    const s = aStudent('a', { status: 'transferred-out' });
    expect(countsOn(s, [aMovement('a', 'transfer-out', '2026-06-10')], TERM1)).toBe(false);
    expect(countsOn(s, [aMovement('a', 'transfer-out', '2026-06-11')], TERM1)).toBe(true);
  });

  it('ignores a reversed movement: the student counts as if it had never been recorded', () => {
    const out = reversed(aMovement('a', 'transfer-out', '2026-06-01'));
    expect(countsOn(aStudent('a'), [out], TERM1)).toBe(true);
  });

  it('counts a transfer in only from its effective date', () => {
    const s = aStudent('a', { enteredOn: '2026-07-01' });
    const arrival = aMovement('a', 'transfer-in', '2026-07-01');
    expect(countsOn(s, [arrival], TERM1)).toBe(false);
    expect(countsOn(s, [arrival], '2026-11-10')).toBe(true);
  });

  it('counts a student who died from the day of death on as not present', () => {
    const s = aStudent('a', { status: 'dead' });
    const death = aMovement('a', 'death', '2026-09-02');
    expect(countsOn(s, [death], '2026-09-01')).toBe(true);
    expect(countsOn(s, [death], '2026-09-02')).toBe(false);
  });

  it('counts graduates on the year-end date when the graduation takes effect at the new year', () => {
    const s = aStudent('a', { status: 'graduated', grade: '09' });
    const graduation = aMovement('a', 'graduation', '2027-05-16');
    expect(countsOn(s, [graduation], '2027-03-31')).toBe(true);
    expect(countsOn(s, [graduation], '2027-06-10')).toBe(false);
  });

  it('follows a student who left and came back', () => {
    const s = aStudent('a', { enteredOn: '2025-05-16' });
    const moves = [aMovement('a', 'transfer-out', '2026-07-01'), aMovement('a', 'transfer-in', '2026-12-01')];
    expect([TERM1, '2026-11-10', '2027-03-31'].map((d) => countsOn(s, moves, d))).toEqual([true, false, true]);
  });

  it('counts a student arriving by a transfer in (without an entry date) only from it', () => {
    const s = aStudent('a');
    expect(countsOn(s, [aMovement('a', 'transfer-in', '2026-07-01')], TERM1)).toBe(false);
  });

  it('never counts a student whose status says they left when no movement says when', () => {
    expect(countsOn(aStudent('a', { status: 'withdrawn' }), [], TERM1)).toBe(false);
  });

  it('takes the snapshot of a whole school in input order', () => {
    const students = [
      aStudent('a'),
      aStudent('b', { status: 'withdrawn' }),
      aStudent('c', { enteredOn: '2026-06-11' }),
      aStudent('d'),
    ];
    const movements = [
      aMovement('b', 'withdrawal', '2026-06-10', { cause: 'over_age' }),
      reversed(aMovement('d', 'death', '2026-06-01')),
    ];
    expect(ids(snapshotOn(students, movements, TERM1))).toEqual(['a', 'd']);
  });
});

describe('counts and frozen rows', () => {
  it('counts by grade in grade order, both sexes always present', () => {
    const students = [
      aStudent('a', { grade: '10', sex: 'M' }),
      aStudent('b', { grade: '04' }),
      aStudent('c', { grade: '04', sex: 'M' }),
      aStudent('d', { grade: null }),
    ];
    expect(countByGradeAndSex(students)).toEqual([
      ['04', { M: 1, F: 1 }],
      ['10', { M: 1, F: 0 }],
    ]);
  });

  it('freezes the fields a round certifies, sorted by id', () => {
    const [row] = freeze([aStudent('z', { idNo: '1101700012344', room: '2' })]);
    expect(row).toEqual({
      id: 'z',
      idNo: '1101700012344',
      prefix: 'เด็กหญิง',
      firstName: 'มาลี',
      lastName: 'ใจดี',
      sex: 'F',
      birthDate: '2019-03-20',
      grade: '04',
      room: '2',
    });
  });
});
