// The committed tables are WHO's, unchanged: every L, M, S equals ../shared/data (rerun
// scripts/build-growth-tables.mjs if this fails after the source changed).
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { lmsAt } from '../../../src/domain/growth/tables';
import { refs, whoRows } from './who-tables';

describe('the growth tables in src/domain/growth/data', () => {
  it('hold WHO 2007 exactly, month by month', () => {
    for (const [indicator, stem] of [
      ['bmi', 'bmi'],
      ['height', 'hfa'],
      ['weight', 'wfa'],
    ] as const) {
      for (const [sex, word] of [
        ['M', 'boys'],
        ['F', 'girls'],
      ] as const) {
        for (const row of whoRows(`who2007/${stem}_${word}_z_WHO2007_exp.txt`)) {
          expect(lmsAt(refs.who2007[indicator], sex, row.Month as number)).toEqual({ l: row.L, m: row.M, s: row.S });
        }
      }
    }
  });

  it('hold WHO 2006 exactly, day by day, with length up to day 730', () => {
    for (const [indicator, file] of [
      ['bmi', 'bmi_for_age'],
      ['height', 'length_for_age'],
      ['weight', 'weight_for_age'],
    ] as const) {
      for (const row of whoRows(`who2006/${file}.txt`)) {
        const sex = row.sex === 1 ? 'M' : 'F';
        expect(lmsAt(refs.who2006[indicator], sex, row.age as number)).toEqual({ l: row.l, m: row.m, s: row.s });
      }
    }
    expect(refs.who2006.lastLengthDay).toBe(730);
  });

  it('name their source, with the licence beside them', () => {
    expect(refs.who2006.source).toContain('ewheeler/pygrowup@7ce09543b7584cff3cc8c9959d2c1e5c2acf7986');
    expect(refs.who2007.source).toContain('WHO2007');
    expect(existsSync(join(process.cwd(), 'src/domain/growth/data/LICENSE.pygrowup'))).toBe(true);
  });
});
