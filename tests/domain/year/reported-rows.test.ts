import { describe, expect, it } from 'vitest';
import { blankRound, reportedRows, type Attestation } from '../../../src/domain/year/round';
import { freeze } from '../../../src/domain/year/snapshot';
import { aStudent } from '../../fixtures/students';

describe('what a round report counts', () => {
  const live = freeze([aStudent('s1'), aStudent('s2')]);

  it("is today's data while the round is not certified", () => {
    expect(reportedRows(blankRound(2569, 'term1'), live)).toBe(live);
  });

  it('is the certified snapshot once there is one, whatever changed since', () => {
    const snapshot = freeze([aStudent('s1', { room: '9' })]);
    const certification = { snapshot } as Attestation;
    expect(reportedRows({ ...blankRound(2569, 'term1'), certification }, live)).toBe(snapshot);
  });
});
