// The nutrition report counts what each student's latest measurement in the period says, per room, grade,
// school and over schools (the district), with the period before and the children to follow up.
import { describe, expect, it } from 'vitest';
import { referenceAt } from '../../../src/domain/growth/assess';
import { ageInDays } from '../../../src/domain/growth/age';
import { lmsValue, restrictedValue } from '../../../src/domain/growth/lms';
import { lmsAt } from '../../../src/domain/growth/tables';
import { growthReport, latestIn, type ReportMeasurement, type ReportStudent } from '../../../src/domain/measure/report';
import { refs } from '../growth/who-tables';

const period = { from: '2026-05-16', to: '2026-07-31' };
const previous = { from: '2026-02-01', to: '2026-05-15' };

/** Weight and height that give these BMI-for-age and height-for-age z on that date. */
function body(s: ReportStudent, on: string, zBmi: number, zHeight: number): { weightKg: number; heightCm: number } {
  const at = referenceAt(refs, ageInDays(s.birthDate!, on))!;
  const heightCm = lmsValue(zHeight, lmsAt(at.data.height, s.sex!, at.age)!);
  const bmi = restrictedValue(zBmi, lmsAt(at.data.bmi, s.sex!, at.age)!);
  return { heightCm, weightKg: bmi * (heightCm / 100) ** 2 };
}

let n = 0;
const kid = (sex: 'M' | 'F' | null, grade: '02' | '04' | '09', room: string, school = ''): ReportStudent => ({
  id: `k${++n}`,
  school,
  studentNo: String(1000 + n),
  prefix: sex === 'M' ? 'เด็กชาย' : 'เด็กหญิง',
  firstName: `ชื่อ${n}`,
  lastName: 'ใจดี',
  sex,
  birthDate: grade === '02' ? '2021-03-01' : grade === '04' ? '2019-03-01' : '2014-03-01',
  grade,
  room,
});

const a = kid('M', '04', '1'); // normal, normal → สูงดีสมส่วน
const b = kid('M', '04', '1'); // thin, short
const c = kid('F', '04', '1'); // obese, tall; before: overweight
const d = kid('F', '04', '1'); // absent this period; measured before
const e = kid('F', '04', '2'); // overweight, normal
const f = kid('M', '09', '1'); // rather-thin, rather-short
const g = kid(null, '09', '1'); // no sex: measured, not assessable
const h = kid('F', '02', '1'); // kindergarten, WHO 2006: normal, rather-tall
const students = [a, b, c, d, e, f, g, h];

const at = (s: ReportStudent, on: string, zBmi: number, zHeight: number): ReportMeasurement => ({
  studentId: s.id,
  measuredOn: on,
  ...body(s, on, zBmi, zHeight),
});
const measurements: ReportMeasurement[] = [
  at(a, '2026-05-20', 0.3, 0.2),
  at(b, '2026-05-20', -2.5, -2.4),
  at(c, '2026-03-05', 2.5, 2.2),
  at(c, '2026-05-20', 3.4, 2.2),
  at(d, '2026-03-05', -2.2, 0),
  at(e, '2026-05-21', 2.4, 0.1),
  at(f, '2026-06-02', -1.7, -1.8),
  { studentId: g.id, measuredOn: '2026-06-02', weightKg: 30, heightCm: 130 },
  at(h, '2026-05-20', 0, 1.8),
  // Outside both periods: ignored.
  at(a, '2025-09-20', -3, -3),
];

const report = growthReport({ students, measurements, period, previous, refs });
const line = (kind: string, grade: string | null = null, room: string | null = null) =>
  report.lines.find((l) => l.kind === kind && l.grade === grade && l.room === room)!;

describe('growth report', () => {
  it('lists rooms, then each grade, then the school, then the total, in grade order', () => {
    expect(report.lines.map((l) => `${l.kind}:${l.grade ?? ''}/${l.room ?? ''}`)).toEqual([
      'room:02/1',
      'grade:02/',
      'room:04/1',
      'room:04/2',
      'grade:04/',
      'room:09/1',
      'grade:09/',
      'school:/',
      'all:/',
    ]);
  });

  it('counts students, those measured, and each category by sex in a room', () => {
    const r = line('room', '04', '1').current;
    expect(r.students).toEqual({ M: 2, F: 2, total: 4 });
    expect(r.measured).toEqual({ M: 2, F: 1, total: 3 });
    expect(r.nutrition.normal).toEqual({ M: 1, F: 0, total: 1 });
    expect(r.nutrition.thin).toEqual({ M: 1, F: 0, total: 1 });
    expect(r.nutrition.obese).toEqual({ M: 0, F: 1, total: 1 });
    expect(r.height.short).toEqual({ M: 1, F: 0, total: 1 });
    expect(r.height.tall).toEqual({ M: 0, F: 1, total: 1 });
    expect(r.goodGrowth).toEqual({ M: 1, F: 0, total: 1 });
    expect(r.unassessed.total).toBe(0);
  });

  it('adds rooms into grades and grades into the school', () => {
    const g04 = line('grade', '04').current;
    expect(g04.students.total).toBe(5);
    expect(g04.measured.total).toBe(4);
    expect(g04.nutrition.overweight).toEqual({ M: 0, F: 1, total: 1 });
    const school = line('school').current;
    expect(school.students).toEqual({ M: 3, F: 4, total: 8 });
    expect(school.measured.total).toBe(7);
    expect(school.unassessed).toEqual({ M: 0, F: 0, total: 1 });
    expect(school.nutrition['rather-thin'].total).toBe(1);
    expect(school.height['rather-short'].total).toBe(1);
    expect(school.height['rather-tall'].total).toBe(1);
    expect(school.goodGrowth.total).toBe(2); // a, and the kindergarten girl (rather tall, normal BMI)
    const sum = Object.values(school.nutrition).reduce((s, t) => s + t.total, 0);
    expect(sum + school.unassessed.total).toBe(school.measured.total);
    expect(line('all').current).toEqual(school);
  });

  it('counts the period before for the same students', () => {
    const before = line('room', '04', '1').previous!;
    expect(before.measured.total).toBe(2);
    expect(before.nutrition.thin.total).toBe(1);
    expect(before.nutrition.overweight.total).toBe(1);
  });

  it('lists the children to follow up with what they were before', () => {
    expect(report.followUp.map((x) => [x.student.id, x.reasons])).toEqual([
      [b.id, ['thin', 'short']],
      [c.id, ['obese']],
      [e.id, ['obese']],
    ]);
    expect(report.followUp[1]!.before).toEqual({ nutrition: 'overweight', height: 'tall' });
    expect(report.followUp[0]!.before).toBeNull();
  });

  it('asks to measure again a value WHO flags as implausible', () => {
    const r = growthReport({
      students: [a],
      measurements: [{ studentId: a.id, measuredOn: '2026-06-01', weightKg: 24, heightCm: 12.4 }],
      period,
      previous: null,
      refs,
    });
    expect(r.followUp[0]!.reasons).toEqual(['check']);
    expect(r.lines[0]!.current.unassessed.total).toBe(1);
    expect(r.lines[0]!.previous).toBeNull();
  });

  it('adds up several schools for the district, each school with its own lines', () => {
    const other = { ...kid('M', '04', '1', '1050130002'), id: 'x1' };
    const mine = students.map((s) => ({ ...s, school: '1050130001' }));
    const r = growthReport({
      students: [...mine, other],
      measurements: [...measurements, at(other, '2026-06-01', 0, 0)],
      period,
      previous,
      refs,
    });
    const schools = r.lines.filter((l) => l.kind === 'school');
    expect(schools.map((l) => [l.school, l.current.students.total])).toEqual([
      ['1050130001', 8],
      ['1050130002', 1],
    ]);
    expect(r.lines.at(-1)!.kind).toBe('all');
    expect(r.lines.at(-1)!.current.students.total).toBe(9);
    expect(r.lines.filter((l) => l.kind === 'room' && l.grade === '04' && l.room === '1')).toHaveLength(2);
  });
});

describe('latestIn', () => {
  it('prefers the latest measurement with both values in the range', () => {
    const list = [
      { studentId: 'x', measuredOn: '2026-05-20', weightKg: 20, heightCm: 120 },
      { studentId: 'x', measuredOn: '2026-06-01', weightKg: 21, heightCm: null },
      { studentId: 'x', measuredOn: '2026-08-01', weightKg: 22, heightCm: 121 },
    ];
    expect(latestIn(list, period)?.measuredOn).toBe('2026-05-20');
    expect(latestIn(list.slice(1, 2), period)?.measuredOn).toBe('2026-06-01');
    expect(latestIn([], period)).toBeNull();
  });
});
