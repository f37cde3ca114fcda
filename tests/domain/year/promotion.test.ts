import { describe, expect, it } from 'vitest';
import { planNewYear, topGradeOf, nextGrade } from '../../../src/domain/year/promotion';
import { applyPlan } from '../../../src/domain/year/new-year';
import { roomResults } from '../../../src/domain/year/results';
import type { Incoming } from '../../../src/domain/year/incoming';
import { newStudent } from '../../../src/domain/student/schema';
import { aStudent } from '../../factories/students';

const by = { userId: 'u1', userName: 'ครูสมใจ' };
const at = '2027-05-02T03:00:00.000Z';
const students = [
  aStudent('p1', { grade: '04', room: '1', firstName: 'ก้อง' }),
  aStudent('p2', { grade: '04', room: '1' }),
  aStudent('g6', { grade: '09', room: '1' }),
  aStudent('k3', { grade: '03', room: 'อนุบาล' }),
  aStudent('top', { grade: '07', room: '1' }),
  aStudent('gone', { grade: '04', room: '1', status: 'transferred-out' }),
];
const results = roomResults(['p1', 'p2', 'g6', 'k3', 'top'], new Set(['p2']), 2569, { at, by });
const options = { fromYear: 2569, effectiveOn: '2027-05-16', topGrade: null };

describe('planning the new year', () => {
  it('promotes who passed, keeps repeaters, graduates terminal grades, skips who left', () => {
    const plan = planNewYear(students, results, options);
    expect(plan.toYear).toBe(2570);
    expect(plan.promoted.map((p) => `${p.id} ${p.from.grade}/${p.from.room}→${p.to!.grade}/${p.to!.room}`)).toEqual([
      'p1 04/1→05/1',
      'top 07/1→08/1',
    ]);
    expect(plan.promoted[0]!.name).toBe('เด็กหญิงก้อง ใจดี');
    expect(plan.repeating.map((p) => `${p.id} ${p.to!.grade}`)).toEqual(['p2 04']);
    expect(plan.graduating.map((p) => p.id)).toEqual(['g6', 'k3']);
    expect(plan.unresolved).toEqual([]);
    expect(plan.rooms).toEqual([
      { from: { grade: '04', room: '1' }, to: { grade: '05', room: '1' }, students: 1 },
      { from: { grade: '07', room: '1' }, to: { grade: '08', room: '1' }, students: 1 },
    ]);
  });

  it("graduates the school's top grade, and carries a room under a new name", () => {
    const plan = planNewYear(students, results, { ...options, topGrade: '07', roomNames: { '04/1': 'ทานตะวัน' } });
    expect(plan.graduating.map((p) => p.id)).toEqual(['g6', 'k3', 'top']);
    expect(plan.promoted.map((p) => p.to)).toEqual([{ grade: '05', room: 'ทานตะวัน' }]);
  });

  it('lists students it cannot place: no result, no grade', () => {
    const plan = planNewYear([...students, aStudent('x'), aStudent('y', { grade: null })], results, options);
    expect(plan.unresolved.map((u) => `${u.id}:${u.why}`)).toEqual(['x:no-result', 'y:no-grade']);
  });

  it('finds the top grade from the levels taught, else the highest grade present', () => {
    expect(topGradeOf(['kindergarten', 'primary'], [])).toBe('09');
    expect(topGradeOf([], students)).toBe('09');
    expect(topGradeOf([], [])).toBeNull();
    expect(nextGrade('15')).toBe('16');
    expect(nextGrade('18')).toBeNull();
  });
});

describe('applying the plan', () => {
  const applicant: Incoming = {
    id: 'new1',
    academicYear: 2570,
    student: newStudent('new1', { firstName: 'ต้นกล้า', grade: '04', room: '1' }),
    addedAt: '2027-03-10T03:00:00.000Z',
    addedBy: by,
    enrolledAt: null,
  };

  it('moves promoted students, graduates with a movement on the first day, and enrols applicants', () => {
    const plan = planNewYear(students, results, { ...options, incoming: [applicant] });
    expect(plan.enrolling.map((e) => e.id)).toEqual(['new1']);
    let n = 0;
    const applied = applyPlan(students, [applicant], plan, { at, by, newId: () => `g${++n}` });
    const after = new Map(applied.students.map((s) => [s.id, s]));
    expect(after.get('p1')).toMatchObject({ grade: '05', room: '1', status: 'active' });
    expect(after.get('g6')).toMatchObject({ grade: '09', status: 'graduated' });
    expect(after.get('new1')).toMatchObject({ status: 'active', enteredOn: '2027-05-16' });
    expect(after.has('p2')).toBe(false);
    expect(applied.before.map((s) => s.id)).toEqual(['p1', 'top', 'g6', 'k3']);
    expect(applied.created).toEqual(['new1']);
    expect(applied.movements.map((m) => `${m.studentId} ${m.kind} ${m.effectiveOn} ${m.reason}`)).toEqual([
      'g6 graduation 2027-05-16 สำเร็จการศึกษาชั้น ป.6 ปีการศึกษา 2569',
      'k3 graduation 2027-05-16 สำเร็จการศึกษาชั้น อ.3 ปีการศึกษา 2569',
    ]);
    expect(applied.enrolled[0]!.enrolledAt).toBe(at);
  });

  it('refuses a plan with unresolved students', () => {
    const plan = planNewYear([aStudent('x')], [], options);
    expect(() => applyPlan([aStudent('x')], [], plan, { at, by, newId: () => 'm' })).toThrow(RangeError);
  });
});
