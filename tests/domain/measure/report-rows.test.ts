import { describe, expect, it } from 'vitest';
import { HEIGHT_STATUSES, NUTRITION_STATUSES } from '../../../src/domain/growth/status';
import { HEIGHT_ROWS, NUTRITION_ROWS, WORKBOOK_ROWS } from '../../../src/domain/measure/report-rows';
import { emptyCounts, type GroupCounts } from '../../../src/domain/measure/tally';

// Counts where every tally is different, so a row reading the wrong one shows.
function numbered(): GroupCounts {
  const c = emptyCounts();
  let n = 1;
  const fill = (t: { M: number; F: number; total: number }) => Object.assign(t, { M: n, F: n, total: n++ });
  fill(c.students);
  fill(c.measured);
  fill(c.goodGrowth);
  fill(c.unassessed);
  for (const k of NUTRITION_STATUSES) fill(c.nutrition[k]);
  for (const k of HEIGHT_STATUSES) fill(c.height[k]);
  return c;
}

describe('the nutrition report rows, defined once', () => {
  const c = numbered();

  it('list every weight category, then good growth and those not assessed', () => {
    expect(NUTRITION_ROWS.map((r) => r.key)).toEqual([...NUTRITION_STATUSES, 'good', 'unassessed']);
    expect(NUTRITION_ROWS.map((r) => r.tally(c).total)).toEqual([
      ...NUTRITION_STATUSES.map((k) => c.nutrition[k].total),
      c.goodGrowth.total,
      c.unassessed.total,
    ]);
  });

  it('list every height category', () => {
    expect(HEIGHT_ROWS.map((r) => [r.group, r.key])).toEqual(HEIGHT_STATUSES.map((k) => ['height', k]));
    expect(HEIGHT_ROWS.map((r) => r.tally(c).total)).toEqual(HEIGHT_STATUSES.map((k) => c.height[k].total));
  });

  it('give the workbook students and measured first, every category, then good growth and not assessed', () => {
    expect(WORKBOOK_ROWS.map((r) => r.key)).toEqual([
      'students',
      'measured',
      ...NUTRITION_STATUSES,
      ...HEIGHT_STATUSES,
      'good',
      'unassessed',
    ]);
    expect(WORKBOOK_ROWS.map((r) => r.tally(c).total)).toEqual([
      1,
      2,
      ...NUTRITION_STATUSES.map((k) => c.nutrition[k].total),
      ...HEIGHT_STATUSES.map((k) => c.height[k].total),
      3,
      4,
    ]);
  });
});
