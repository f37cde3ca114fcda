import { describe, expect, it } from 'vitest';
import type { DistrictPair } from '../../../src/domain/district/cross-check';
import { distinctChildren, redundantRecords } from '../../../src/domain/district/distinct';
import type { RosterRow } from '../../../src/domain/district/roster';

const row = (id: string): RosterRow => [id, 'I', '', '', '', '', '', '', '', 'active', '', []];
const pair = (a: [string, string], b: [string, string]): DistrictPair => ({
  rule: 'id.duplicate',
  match: 'same-id',
  key: `${a[1]}|${b[1]}`,
  reason: { th: '', en: '' },
  note: null,
  sides: [
    { school: { code: a[0], name: a[0] }, row: row(a[1]) },
    { school: { code: b[0], name: b[0] }, row: row(b[1]) },
  ],
});

describe('children counted once across schools', () => {
  it('counts a child two schools count once, and three schools once too', () => {
    expect(distinctChildren(10, [])).toBe(10);
    expect(distinctChildren(10, [pair(['A', '1'], ['B', '7'])])).toBe(9);
    // A–B and B–C join the same child in three schools: two redundant records, not three.
    const chain = [pair(['A', '1'], ['B', '7']), pair(['B', '7'], ['C', '3']), pair(['A', '1'], ['C', '3'])];
    expect(redundantRecords(chain)).toBe(2);
    expect(distinctChildren(10, [...chain, pair(['A', '2'], ['C', '4'])])).toBe(7);
  });

  it('keeps records of the same id in different schools apart', () => {
    expect(redundantRecords([pair(['A', '1'], ['B', '1']), pair(['C', '1'], ['D', '1'])])).toBe(2);
  });
});
