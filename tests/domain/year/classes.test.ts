import { describe, expect, it } from 'vitest';
import { classesOf, compareClasses, compareGrades } from '../../../src/domain/year/classes';
import type { GradeCode } from '../../../src/domain/codes';

const place = (grade: GradeCode | null, room: string) => ({ grade, room });

describe('the one class order (decision 0035)', () => {
  it('puts grades in DMC order, อ.1 before ป.1 before ม.1', () => {
    const list = [place('10', '1'), place('01', '1'), place('04', '1')];
    expect([...list].sort(compareClasses).map((p) => p.grade)).toEqual(['01', '04', '10']);
  });

  it('puts a student with no grade after every grade', () => {
    const list = [place(null, ''), place('18', '1'), place('01', '1'), place(null, '2')];
    expect([...list].sort(compareClasses)).toEqual([
      place('01', '1'),
      place('18', '1'),
      place(null, ''),
      place(null, '2'),
    ]);
    expect(compareGrades(undefined, '01')).toBeGreaterThan(0);
    expect(compareGrades('01', null)).toBeLessThan(0);
    expect(compareGrades(null, undefined)).toBe(0);
  });

  it('reads room names as people do: 2 before 10', () => {
    const list = [place('04', '10'), place('04', '2'), place('04', '1')];
    expect([...list].sort(compareClasses).map((p) => p.room)).toEqual(['1', '2', '10']);
  });

  it('groups students by class in that order and leaves out those with no grade', () => {
    const students = [place('05', '1'), place(null, '1'), place('04', '2'), place('04', '1')];
    expect(classesOf(students).map((c) => `${c.grade}/${c.room}`)).toEqual(['04/1', '04/2', '05/1']);
  });
});
