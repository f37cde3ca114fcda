import { describe, expect, it } from 'vitest';
import { compareRounds, snapshotDiff } from '../../../src/domain/year/compare';
import {
  blankRound,
  certificationStale,
  certifyBlockers,
  checkWindow,
  confirmBlockers,
  overridesOf,
  previousRound,
  registerYear,
  type RoundRecord,
} from '../../../src/domain/year/round';
import { freeze } from '../../../src/domain/year/snapshot';
import { roomChecks, roomMarks, type Attendance } from '../../../src/domain/year/attendance';
import { roundChecklist, whatRemains } from '../../../src/domain/year/checklist';
import { movementReport, roundPeriod } from '../../../src/domain/year/movement-report';
import { finding } from '../../../src/domain/validation/catalogue';
import { aStudent } from '../../factories/students';
import { aMovement, reversed } from './factories';

const by = { userId: 'u1', userName: 'ครูสมใจ' };
const attest = (rows: ReturnType<typeof freeze>) => ({
  userId: 'u1',
  userName: 'ครูสมใจ',
  role: 'officer' as const,
  at: '2026-06-09T03:00:00.000Z',
  asOf: '2026-06-10',
  snapshot: rows,
});

describe('round records', () => {
  it('chain rounds across years and give each its movement period', () => {
    expect(previousRound(2569, 'term1')).toEqual({ academicYear: 2568, round: 'year-end' });
    expect(previousRound(2569, 'year-end')).toEqual({ academicYear: 2569, round: 'term2' });
    expect(roundPeriod(2569, 'term1')).toEqual({ after: '2026-03-31', from: '2026-04-01', upTo: '2026-06-10' });
    expect(roundPeriod(2569, 'term2')).toEqual({ after: '2026-06-10', from: '2026-06-11', upTo: '2026-11-10' });
    expect(roundPeriod(2570, 'year-end')).toEqual({ after: '2027-11-10', from: '2027-11-11', upTo: '2028-03-31' });
  });

  it('turn stored windows into calendar overrides for one year, and check a window', () => {
    const rec: RoundRecord = { ...blankRound(2569, 'term2'), window: { opens: '2026-10-25', deadline: '2026-11-15' } };
    expect(overridesOf([rec, { ...rec, academicYear: 2570 }], 2569)).toEqual({
      term2: { opens: '2026-10-25', deadline: '2026-11-15' },
    });
    expect(checkWindow('2026-11-15', '2026-10-25')).toBe('round.window_order');
    expect(checkWindow(null, '2026-10-25')).toBe('round.window_missing');
    expect(checkWindow('2026-11-15', '2026-11-15')).toBeNull();
  });

  it('let only staff confirm, once the checklist is clear, and never a certified round', () => {
    const blank = blankRound(2569, 'term1');
    expect(confirmBlockers(blank, true, 2569, { role: 'officer' })).toEqual([]);
    expect(confirmBlockers(blank, false, 2569, { role: 'teacher' })).toEqual(['checklist', 'not-allowed']);
    expect(confirmBlockers({ ...blank, academicYear: 2570 }, true, 2569, { role: 'director' })).toEqual([
      'year-not-started',
    ]);
    expect(confirmBlockers({ ...blank, certification: attest([]) }, true, 2569, { role: 'officer' })).toEqual([
      'certified',
    ]);
  });

  it('let the director certify only what was confirmed', () => {
    const rows = freeze([aStudent('a'), aStudent('b')]);
    const confirmed = { ...blankRound(2569, 'term1'), confirmation: attest(rows) };
    expect(certifyBlockers(blankRound(2569, 'term1'), rows)).toEqual(['not-confirmed']);
    expect(certifyBlockers(confirmed, rows)).toEqual([]);
    expect(certifyBlockers(confirmed, [rows[0]!, { ...rows[1]!, room: '2' }])).toEqual(['changed-since-confirmation']);
    expect(certifyBlockers({ ...confirmed, certification: attest(rows) }, rows)).toEqual(['certified']);
    // The roster and technology the file carries (their digest) count like the students (decision 40).
    const withEmis = { ...confirmed, confirmation: { ...attest(rows), emis: 'aa' } };
    expect(certifyBlockers(withEmis, rows, 'aa')).toEqual([]);
    expect(certifyBlockers(withEmis, rows, 'bb')).toEqual(['changed-since-confirmation']);
    // A confirmation from before the digest was kept, or no digest to compare: unchanged.
    expect(certifyBlockers(confirmed, rows, 'bb')).toEqual([]);
    const certified = { ...withEmis, certification: { ...attest(rows), emis: 'aa' } };
    expect(certificationStale(certified, 'aa')).toBe(false);
    expect(certificationStale(certified, 'bb')).toBe(true);
    expect(certificationStale(certified, null)).toBe(false);
    expect(confirmBlockers(certified, true, 2569, { role: 'officer' }, 'aa')).toEqual(['certified']);
    expect(confirmBlockers(certified, true, 2569, { role: 'officer' }, 'bb')).toEqual([]);
  });

  it('know which year the register describes', () => {
    expect(registerYear('2026-11-23', [], [])).toBe(2569);
    expect(registerYear('2027-05-20', [], [2569])).toBe(2569); // results wait for the new year
    expect(registerYear('2027-05-02', [2570], [2569])).toBe(2570); // started before 16 May
    expect(registerYear('2027-05-20', [2570], [2569])).toBe(2570);
  });
});

describe('differences', () => {
  it('show what changed since a round was certified', () => {
    const [a, b, c] = freeze([aStudent('a'), aStudent('b'), aStudent('c')]);
    const diff = snapshotDiff([a!, b!], [{ ...a!, firstName: 'มาลิน' }, c!]);
    expect(diff.added.map((r) => r.id)).toEqual(['c']);
    expect(diff.removed.map((r) => r.id)).toEqual(['b']);
    expect(diff.changed).toEqual([
      { row: { ...a!, firstName: 'มาลิน' }, fields: [{ field: 'firstName', from: 'มาลี', to: 'มาลิน' }] },
    ]);
  });

  it('compare two rounds: joined, left with the movement, missing without one', () => {
    const [a, b, c, d] = freeze([aStudent('a'), aStudent('b'), aStudent('c'), aStudent('d')]);
    const out = aMovement('b', 'transfer-out', '2026-08-01');
    const arrival = aMovement('d', 'transfer-in', '2026-09-01');
    const undone = reversed(aMovement('c', 'death', '2026-09-01'));
    const early = aMovement('c', 'transfer-out', '2026-06-10');
    const cmp = compareRounds([a!, b!, c!], [a!, d!], [out, arrival, undone, early], '2026-06-10', '2026-11-10');
    expect(cmp.joined).toEqual([{ row: d, movement: arrival }]);
    expect(cmp.left).toEqual([{ row: b, movement: out }]);
    expect(cmp.missing).toEqual([c]);
  });

  it('report the movements of a period by grade and cause, ignoring reversed ones', () => {
    const moves = [
      aMovement('a', 'transfer-in', '2026-07-01'),
      aMovement('b', 'transfer-out', '2026-08-01', {
        student: { prefix: '', firstName: 'บี', lastName: '', sex: 'M', grade: '09', room: '1' },
      }),
      aMovement('c', 'dropout', '2026-11-10', { cause: 'dropout' }),
      reversed(aMovement('d', 'death', '2026-09-01')),
      aMovement('e', 'death', '2026-11-11'),
    ];
    const report = movementReport(moves, '2026-06-10', '2026-11-10');
    expect(report.arrivals.map((m) => m.studentId)).toEqual(['a']);
    expect(report.departures.map((m) => m.studentId)).toEqual(['b', 'c']);
    expect(report.byGrade).toEqual([
      { grade: '04', arrived: 1, left: 1, byCause: { dropout: 1 } },
      { grade: '09', arrived: 0, left: 1, byCause: { transfer: 1 } },
    ]);
  });
});

describe('the checklist', () => {
  const counted = [
    aStudent('a', { room: '1' }),
    aStudent('b', { room: '1' }),
    aStudent('c', { grade: '10', room: '1' }),
  ];
  const row = (grade: '04' | '10', marks: Attendance['marks']): Attendance => ({
    key: `2569/term1/${grade}/1`,
    academicYear: 2569,
    round: 'term1',
    grade,
    room: '1',
    marks,
    checkedAt: '2026-06-10T03:00:00.000Z',
    checkedBy: by,
  });

  it('counts a room as checked when every counted student in it has a mark', () => {
    const checks = roomChecks(counted, [row('04', roomMarks(['a', 'b'], new Set(['b']))), row('10', {})]);
    expect(checks).toEqual([
      { grade: '04', room: '1', students: 2, marked: 2, absent: 1, done: true },
      { grade: '10', room: '1', students: 1, marked: 0, absent: 0, done: false },
    ]);
  });

  it('is ready only with no errors, every room checked and no duplicate left', () => {
    const done = roomChecks(counted, [
      row('04', roomMarks(['a', 'b'], new Set())),
      row('10', roomMarks(['c'], new Set())),
    ]);
    expect(roundChecklist([finding('prefix.unknown', 'a')], 0, done)).toMatchObject({
      errors: 0,
      warnings: 1,
      ready: true,
    });
    expect(roundChecklist([finding('name.missing', 'a')], 0, done).ready).toBe(false);
    expect(roundChecklist([], 1, done).ready).toBe(false);
    expect(roundChecklist([], 0, roomChecks(counted, [])).roomsToCheck).toHaveLength(2);
  });
});

describe('what remains', () => {
  const clear = roundChecklist([], 0, []);
  const base = {
    yearAhead: false,
    yearEnd: false,
    checklist: clear,
    resultsMissing: 0,
    confirmed: false,
    certified: false,
  };
  it('lists the work in order, and nothing once certified', () => {
    const busy = roundChecklist([finding('name.missing', 'a')], 2, roomChecks([aStudent('a')], []));
    expect(
      whatRemains({ ...base, yearAhead: true, yearEnd: true, checklist: busy, resultsMissing: 3 }).map(
        (i) => `${i.id}:${i.n}`,
      ),
    ).toEqual(['start-year:0', 'errors:1', 'duplicates:2', 'attendance:1', 'results:3', 'confirm:0']);
    expect(whatRemains({ ...base, confirmed: true })).toEqual([{ id: 'certify', n: 0 }]);
    expect(whatRemains({ ...base, resultsMissing: 4 })).toEqual([{ id: 'confirm', n: 0 }]);
    expect(whatRemains({ ...base, confirmed: true, certified: true })).toEqual([]);
  });
});
