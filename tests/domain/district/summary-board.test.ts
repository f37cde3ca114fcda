// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { boardRow, missingSequences, type SubmissionInfo } from '../../../src/domain/district/board';
import { districtReport } from '../../../src/domain/district/report';
import { summarise } from '../../../src/domain/district/summary';
import { estimateSubsidy, headsByLevel } from '../../../src/domain/district/subsidy';
import { generatedStudent } from '../../factories/district';

const AS_OF = '2026-06-10';

describe('summarise', () => {
  it("counts the students counted on the as-of date by grade and sex, welfare codes, and the year's movements", () => {
    const students = [
      generatedStudent(0, { grade: '04', welfare: { disadvantage: '09', disability: '99' } as never }),
      generatedStudent(1, { grade: '04' }),
      generatedStudent(2, { grade: null }),
      generatedStudent(3, { status: 'transferred-out' }),
      generatedStudent(4, { enteredOn: '2026-07-01' }),
    ];
    const movements = [
      { studentId: students[3]!.id, kind: 'transfer-out' as const, effectiveOn: '2026-06-01', reversedAt: null },
      { studentId: students[0]!.id, kind: 'transfer-in' as const, effectiveOn: '2025-05-20', reversedAt: null },
    ];
    const s = summarise(students, movements, 2569, AS_OF);
    expect(s).toMatchObject({
      records: 5,
      students: 3,
      noGrade: { M: 0, F: 1, unknown: 0 },
      disadvantage: { '09': 1 },
      disability: {},
    });
    expect(s.byGrade['04']).toEqual({ M: 1, F: 1, unknown: 0 });
    // The transfer-in of May 2025 belongs to the year before.
    expect(s.movements).toEqual({ 'transfer-out': 1 });
    expect(summarise(students, null, 2569, AS_OF).movements).toBeNull();
  });
});

const info = (sequence: number, acts: SubmissionInfo['acts'] = ['confirm-existence', 'certify']): SubmissionInfo => ({
  id: `h${sequence}`,
  bundleId: 'b',
  sequence,
  acts,
  receivedAt: '2026-06-11T00:00:00Z',
  summary: summarise([generatedStudent(sequence)], null, 2569, AS_OF),
});
const school = { code: '1050130001', smis: '50130001', name: 'โรงเรียนเอ' };

describe('boardRow', () => {
  it('goes from not submitted to received, certified and acknowledged, and lists the bundles that have not arrived', () => {
    const base = {
      school,
      previous: null,
      acknowledged: new Map<string, string>(),
      accepted: [],
      held: [],
      waiting: 0,
      rejected: 0,
    };
    expect(boardRow({ ...base, submissions: [] }).status).toBe('not-submitted');
    expect(boardRow({ ...base, submissions: [], held: [3], waiting: 1 })).toMatchObject({
      status: 'submitted',
      missing: [1, 2],
      held: 1,
    });
    // A bundle held for another round leaves this one "not submitted".
    expect(boardRow({ ...base, submissions: [], held: [3] }).status).toBe('not-submitted');
    expect(boardRow({ ...base, submissions: [info(1), info(2)], accepted: [1, 2] })).toMatchObject({
      status: 'certified',
      latest: { sequence: 2 },
    });
    expect(
      boardRow({ ...base, submissions: [info(1)], acknowledged: new Map([['h1', '2026-06-20T00:00:00Z']]) }),
    ).toMatchObject({ status: 'acknowledged', acknowledgedAt: '2026-06-20T00:00:00Z' });
    // A later resubmission waits for a new acknowledgement.
    expect(boardRow({ ...base, submissions: [info(1), info(2)], acknowledged: new Map([['h1', 'x']]) }).status).toBe(
      'certified',
    );
    expect(missingSequences([1, 2, 5], [7])).toEqual([3, 4, 6]);
  });

  it("sets this round's counts by grade beside the previous round's", () => {
    const row = boardRow({
      school,
      submissions: [info(1)],
      previous: info(8),
      acknowledged: new Map(),
      accepted: [1],
      held: [],
      waiting: 0,
      rejected: 0,
    });
    expect(row.grades).toEqual([
      { grade: '05', now: { M: 1, F: 0, unknown: 0 }, before: null },
      { grade: '06', now: null, before: { M: 0, F: 1, unknown: 0 } },
    ]);
  });
});

describe('district report and subsidy', () => {
  it('adds up schools, and estimates a subsidy only from the rates entered', () => {
    const a = summarise([generatedStudent(0, { grade: '01' }), generatedStudent(1, { grade: '04' })], [], 2569, AS_OF);
    const b = summarise([generatedStudent(2, { grade: '04' })], null, 2569, AS_OF);
    const rates = { rates: [{ item: 'ค่าจัดการเรียนการสอน', level: 'primary' as const, bahtPerHead: 1900 }] };
    expect(estimateSubsidy(rates, headsByLevel(a.byGrade))).toEqual({
      lines: [{ item: 'ค่าจัดการเรียนการสอน', level: 'primary', heads: 1, bahtPerHead: 1900, baht: 1900 }],
      baht: 1900,
    });
    const table = { ...rates, academicYear: 2569, source: 'ทดสอบ', enteredAt: '2026-06-20T00:00:00Z', enteredBy: 'x' };
    const report = districtReport(
      [
        { code: '2', name: 'บี', summary: b },
        { code: '1', name: 'เอ', summary: a },
      ],
      table,
      'รวม',
    );
    expect(report.schools.map((s) => s.code)).toEqual(['1', '2']);
    expect(report.grades).toEqual(['01', '04']);
    expect(report.total).toMatchObject({
      total: { M: 1, F: 2, unknown: 0 },
      heads: { kindergarten: 1, primary: 2 },
      subsidy: { baht: 3800 },
    });
    expect(report.withoutMovements).toBe(1);
    expect(districtReport([], null, 'รวม').total.heads.primary).toBe(0);
  });
});
