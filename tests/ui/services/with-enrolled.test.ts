// The import results table after an enrolment: the held rows the enrolment accepted read accepted, with
// their student count, without importing again or reloading; other rows stay as they were.
import { describe, expect, it } from 'vitest';
import type { BundleRow } from '../../../src/db/bundle-repo';
import { withEnrolled, type FileResult } from '../../../src/ui/services/bundles-in.service';

const result = (id: string, outcome: FileResult['outcome']): FileResult => ({
  n: 1,
  fileName: `${id}.tabian`,
  outcome,
  id,
  school: { code: '1050130001', name: 'โรงเรียนเอ' },
  academicYear: 2569,
  round: 'term1',
  sequence: 1,
  students: null,
  reason: outcome === 'held' ? 'key.untrusted' : null,
  detail: null,
  fingerprints: [],
});
const summary = {
  format: 'tabian-summary/1',
  asOf: '2026-06-10',
  records: 40,
  students: 40,
  byGrade: {},
  noGrade: { M: 0, F: 0, unknown: 0 },
  movements: null,
  disadvantage: {},
  disability: {},
};

describe('withEnrolled', () => {
  it('turns the held rows an enrolment accepted into accepted rows with their count', () => {
    const results = [result('a', 'held'), result('b', 'held'), result('c', 'accepted')];
    const next = withEnrolled(results, [{ id: 'a', summary } as unknown as BundleRow]);
    expect(next.map((r) => [r.id, r.outcome, r.reason])).toEqual([
      ['a', 'accepted', null],
      ['b', 'held', 'key.untrusted'],
      ['c', 'accepted', null],
    ]);
    expect(next[1]).toBe(results[1]);
    expect(next[0]!.students).toBe(40);
  });
});
