import { describe, expect, it } from 'vitest';
import { headcountOn, headcountRowOf, staffCountsOn, HEADCOUNT_ROWS } from '../../src/domain/staff/headcount';
import { staffSchema, type StaffInput } from '../../src/domain/staff/schema';

const person = (id: string, over: Partial<StaffInput>) =>
  staffSchema.parse({ id, firstName: id, lastName: 'ทดสอบ', personnelType: 'civil-teacher', sex: 'F', ...over });
const cell = (h: ReturnType<typeof headcountOn>, key: string) => h.rows.find((r) => r.key === key)!;

describe('staff as of a date', () => {
  const leaver = person('leaver', {
    standing: 'k2',
    startedAtSchoolOn: '2015-05-16',
    movements: [{ id: 'm1', kind: 'move-out', effectiveOn: '2026-06-01' }],
  });
  const newcomer = person('newcomer', {
    personnelType: 'contract-teacher',
    sex: 'M',
    funding: 'school-income',
    startedAtSchoolOn: '2026-06-10',
    movements: [{ id: 'm2', kind: 'move-in', effectiveOn: '2026-06-10' }],
  });
  const retiring = person('retiring', {
    standing: 'k3',
    startedAtSchoolOn: '2000-05-16',
    movements: [{ id: 'm3', kind: 'retire', effectiveOn: '2026-06-10' }],
  });

  it('counts a newcomer entering on the day, not a leaver who left before it or on it', () => {
    expect(staffCountsOn(newcomer, '2026-06-10')).toBe(true);
    expect(staffCountsOn(newcomer, '2026-06-09')).toBe(false);
    expect(staffCountsOn(leaver, '2026-06-10')).toBe(false);
    expect(staffCountsOn(leaver, '2026-05-31')).toBe(true);
    expect(staffCountsOn(retiring, '2026-06-10')).toBe(false);
    expect(staffCountsOn(retiring, '2026-06-09')).toBe(true);
  });
  it('ignores a reversed movement', () => {
    const undone = person('u', {
      movements: [{ id: 'm', kind: 'move-out', effectiveOn: '2026-06-01', reversedAt: '2026-06-02T03:00:00Z' }],
    });
    expect(staffCountsOn(undone, '2026-06-10')).toBe(true);
  });

  it('builds the EMIS table by sex with subtotals and a total', () => {
    const roster = [
      person('dir', { personnelType: 'administrator', position: 'director', standing: 'k3', sex: 'M' }),
      person('dep', { personnelType: 'administrator', position: 'deputy-director', standing: 'k2' }),
      person('t1', { standing: 'k2' }),
      person('t2', { standing: 'k2', sex: 'M' }),
      person('t3', {}),
      person('asst', { personnelType: 'assistant-teacher' }),
      person('clerk', { personnelType: 'temporary-employee', sex: 'M' }),
      leaver,
      newcomer,
      retiring,
    ];
    const h = headcountOn(roster, '2026-06-10');
    expect(h.rows.map((r) => r.key)).toEqual([...HEADCOUNT_ROWS]);
    expect(cell(h, 'director.k3')).toEqual({ key: 'director.k3', M: 1, F: 0, total: 1 });
    expect(cell(h, 'director.all').total).toBe(1);
    expect(cell(h, 'deputy.all')).toMatchObject({ F: 1, total: 1 });
    expect(cell(h, 'teacher.k2')).toMatchObject({ M: 1, F: 1, total: 2 });
    expect(cell(h, 'teacher.none').total).toBe(1);
    // The contract teacher who came on 10 June counts, as a temporary employee; the leaver and the retiree do not.
    expect(cell(h, 'temporary-employee')).toMatchObject({ M: 2, total: 2 });
    expect(cell(h, 'teacher.k3').total).toBe(0);
    expect(h.total).toEqual({ M: 4, F: 4, total: 8 });
  });
  it('puts a director without a standing in "unclassified" rather than losing them', () => {
    expect(headcountRowOf(person('d', { personnelType: 'administrator', position: 'director' }))).toBe('unclassified');
  });
});
