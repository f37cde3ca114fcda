import { describe, expect, it } from 'vitest';
import { blankRound, type RoundRecord } from '../../../src/domain/year/round';
import { certifiedIds, mergeBlocker, readTombstone, removalBlocker } from '../../../src/domain/student/removal';
import { relinkRows, type RelatedRows } from '../../../src/domain/student/relink';

const row = (id: string) => ({
  id,
  idNo: '',
  prefix: '',
  firstName: '',
  lastName: '',
  sex: null,
  birthDate: null,
  grade: null,
  room: '',
});
const attest = (ids: string[]) => ({
  userId: 'd1',
  userName: 'ผอ.',
  role: 'director' as const,
  at: '2026-06-09T03:00:00.000Z',
  asOf: '2026-06-10',
  snapshot: ids.map(row),
});
const certified: RoundRecord = {
  ...blankRound(2569, 'term1'),
  confirmation: attest(['s1']),
  certification: attest(['s1']),
};
const confirmedOnly: RoundRecord = { ...blankRound(2569, 'term2'), confirmation: attest(['s2']) };

describe('removing a record', () => {
  it('is refused for a record a certified round holds, and needs a reason', () => {
    expect(removalBlocker('s1', [certified, confirmedOnly], 'พิมพ์ซ้ำ')).toEqual({
      kind: 'certified',
      rounds: ['2569/term1'],
    });
    expect(removalBlocker('s2', [certified, confirmedOnly], '  ')).toEqual({ kind: 'no-reason' });
    expect(removalBlocker('s2', [certified, confirmedOnly], 'พิมพ์ซ้ำ')).toBeNull();
    expect(certifiedIds([certified, confirmedOnly])).toEqual(new Set(['s1']));
  });

  it('refuses a merge that drops a certified record or merges a record with itself; a merge needs no reason', () => {
    expect(mergeBlocker('s2', 's1', [certified], '')).toMatchObject({ kind: 'certified' });
    expect(mergeBlocker('s1', 's2', [certified], '')).toBeNull();
    expect(mergeBlocker('s1', 's1', [], 'x')).toEqual({ kind: 'same-record' });
  });

  it('reads a tombstone value, null for an undo or anything else', () => {
    expect(readTombstone({ kind: 'merged', into: 's1', reason: '' })).toEqual({
      kind: 'merged',
      into: 's1',
      reason: '',
    });
    expect(readTombstone(null)).toBeNull();
    expect(readTombstone({ kind: 'removed', reason: '' })).toBeNull();
  });
});

describe('re-pointing rows at the survivor', () => {
  const by = { userId: 'u1', userName: 'ครู' };
  const rows: RelatedRows = {
    movements: [{ studentId: 'b', id: 'm1' } as never, { studentId: 'a', id: 'm2' } as never],
    measurements: [{ studentId: 'b', id: 'x/b' } as never],
    corrections: [],
    findings: [{ studentId: 'b', id: 'f1' } as never],
    results: [
      {
        key: '2568/b',
        academicYear: 2568,
        studentId: 'b',
        result: 'passed',
        recordedAt: '2026-03-01T00:00:00.000Z',
        recordedBy: by,
      },
      {
        key: '2569/b',
        academicYear: 2569,
        studentId: 'b',
        result: 'repeat',
        recordedAt: '2027-03-01T00:00:00.000Z',
        recordedBy: by,
      },
      {
        key: '2569/a',
        academicYear: 2569,
        studentId: 'a',
        result: 'passed',
        recordedAt: '2027-03-01T00:00:00.000Z',
        recordedBy: by,
      },
    ],
    attendance: [
      {
        key: 'k1',
        academicYear: 2569,
        round: 'term1',
        grade: '04',
        room: '1',
        marks: { b: 'present', c: 'absent' },
        checkedAt: '2026-06-10T02:00:00.000Z',
      } as never,
    ],
    measureSessions: [{ id: 'x', absent: ['b', 'a'] } as never],
  };

  it("moves every row of the dropped record; a year the survivor has a result for keeps the survivor's", () => {
    const plan = relinkRows(rows, 'b', 'a');
    expect(plan.put.movements).toEqual([{ studentId: 'a', id: 'm1' }]);
    expect(plan.put.measurements).toEqual([{ studentId: 'a', id: 'x/b' }]);
    expect(plan.put.findings).toEqual([{ studentId: 'a', id: 'f1' }]);
    expect(plan.remove.results).toEqual(['2568/b', '2569/b']);
    expect(plan.put.results).toEqual([expect.objectContaining({ key: '2568/a', studentId: 'a', academicYear: 2568 })]);
    expect(plan.put.attendance).toEqual([expect.objectContaining({ marks: { a: 'present', c: 'absent' } })]);
    expect(plan.put.measureSessions).toEqual([{ id: 'x', absent: ['a'] }]);
  });
});

describe('the duplicate rules point to the real actions', () => {
  it('name the merge and the removal, and keep "not the same person" for real twins only', async () => {
    const { RULES } = await import('../../../src/domain/validation/catalogue');
    const possible = RULES['person.possible_duplicate'].message.th;
    expect(possible).toContain('รวมเป็นระเบียนเดียว');
    expect(possible).toContain('ลบระเบียนนี้');
    expect(possible).not.toContain('ลบระเบียนที่ซ้ำ');
    expect(RULES['id.duplicate'].message.th).toContain('รวมเป็นระเบียนเดียว');
  });
});
