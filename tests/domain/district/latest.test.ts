import { describe, expect, it } from 'vitest';
import {
  inRound,
  isSubmission,
  latestAccepted,
  roundsReceived,
  type StoredBundle,
} from '../../../src/domain/district/latest';

const row = (school: string, sequence: number, over: Partial<StoredBundle> = {}): StoredBundle & { id: string } => ({
  id: `${school}-${sequence}`,
  direction: 'in',
  kind: 'submission',
  status: 'accepted',
  school,
  sequence,
  academicYear: 2569,
  round: 'term1',
  ...over,
});
const term1 = { academicYear: 2569, round: 'term1' } as const;

describe('which submission counts for a school', () => {
  it("is the school's latest accepted submission of the round", () => {
    const rows = [row('A', 1), row('A', 3), row('A', 2), row('B', 1)];
    const latest = latestAccepted(rows, term1);
    expect([...latest.entries()].map(([school, r]) => [school, r.id])).toEqual([
      ['A', 'A-3'],
      ['B', 'B-1'],
    ]);
  });

  it('is never a held or rejected file, another round, an outgoing bundle or another kind', () => {
    const rows = [
      row('A', 1),
      row('A', 2, { status: 'held' }),
      row('A', 3, { status: 'rejected' }),
      row('A', 4, { round: 'term2' }),
      row('A', 5, { academicYear: 2568 }),
      row('A', 6, { direction: 'out' }),
      row('A', 7, { kind: 'findings' }),
    ];
    expect(latestAccepted(rows, term1).get('A')?.id).toBe('A-1');
    expect(latestAccepted([row('C', 1, { status: 'held' })], term1).size).toBe(0);
  });

  it('reads the kind, direction and round the same way', () => {
    expect(isSubmission(row('A', 1))).toBe(true);
    expect(isSubmission(row('A', 1, { direction: 'out' }))).toBe(false);
    expect(inRound(row('A', 1), term1)).toBe(true);
    expect(inRound(row('A', 1), { academicYear: 2569, round: 'term2' })).toBe(false);
  });
});

describe('the rounds a district can pick', () => {
  it('are those with accepted submissions and the current one, newest first, with their schools counted once', () => {
    const rows = [
      row('A', 1),
      row('A', 2),
      row('B', 1),
      row('A', 1, { round: 'year-end', academicYear: 2568 }),
      row('C', 1, { round: 'term2', status: 'held' }),
    ];
    expect(roundsReceived(rows, { academicYear: 2569, round: 'term2' })).toEqual([
      { academicYear: 2569, round: 'term2', schools: 0 },
      { academicYear: 2569, round: 'term1', schools: 2 },
      { academicYear: 2568, round: 'year-end', schools: 1 },
    ]);
  });
});
