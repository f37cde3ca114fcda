import { describe, expect, it } from 'vitest';
import { compareRoundRefs, ROUNDS, roundIndex, type RoundRef } from '../../src/domain/calendar';
import { roundIdSchema } from '../../src/domain/year/round';
import { statementSchema } from '../../src/domain/bundle/statement';

describe('the rounds, defined once', () => {
  it('are term 1, term 2 and year-end in that order', () => {
    expect(ROUNDS).toEqual(['term1', 'term2', 'year-end']);
    expect(ROUNDS.map(roundIndex)).toEqual([0, 1, 2]);
  });

  it('are the values the round record accepts', () => {
    expect(roundIdSchema.options).toEqual([...ROUNDS]);
    expect(roundIdSchema.safeParse('term3').success).toBe(false);
  });

  it('are the values a statement accepts', () => {
    expect(statementSchema.shape.round.unwrap().options).toEqual([...ROUNDS]);
  });

  it('order refs by year, then by the round within the year', () => {
    const refs: RoundRef[] = [
      { academicYear: 2569, round: 'term1' },
      { academicYear: 2568, round: 'year-end' },
      { academicYear: 2569, round: 'year-end' },
      { academicYear: 2569, round: 'term2' },
    ];
    expect([...refs].sort(compareRoundRefs)).toEqual([
      { academicYear: 2568, round: 'year-end' },
      { academicYear: 2569, round: 'term1' },
      { academicYear: 2569, round: 'term2' },
      { academicYear: 2569, round: 'year-end' },
    ]);
  });
});
