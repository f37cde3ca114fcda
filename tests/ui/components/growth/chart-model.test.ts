import { describe, expect, it } from 'vitest';
import { chartModel, CHART_Z } from '../../../../src/ui/components/growth/chart-model';
import { refs } from '../../../domain/growth/who-tables';

const base = { refs, sex: 'F' as const, birthDate: '2018-03-20', today: '2026-11-20', width: 400, height: 300 };
const points = [
  { measuredOn: '2025-05-20', weightKg: 21, heightCm: 118 },
  { measuredOn: '2025-11-20', weightKg: 22.5, heightCm: 121 },
  { measuredOn: '2026-11-20', weightKg: 24, heightCm: 128 },
];

describe('growth chart geometry', () => {
  it('draws the cut-off lines and the points inside the plot, oldest first', () => {
    const m = chartModel({ ...base, indicator: 'bmi', points });
    expect(m.lines.map((l) => l.z)).toEqual(CHART_Z.bmi);
    expect(m.band).toMatch(/^M.* Z$/);
    expect(m.points).toHaveLength(3);
    for (const p of m.points) {
      expect(p.cx).toBeGreaterThanOrEqual(m.plot.left);
      expect(p.cx).toBeLessThanOrEqual(m.plot.right);
      expect(p.cy).toBeGreaterThanOrEqual(m.plot.top - 0.01);
      expect(p.cy).toBeLessThanOrEqual(m.plot.bottom + 0.01);
    }
    expect(m.points.map((p) => p.measuredOn)).toEqual(points.map((p) => p.measuredOn));
    expect(m.points[2]!.value).toBeCloseTo(24 / 1.28 ** 2, 10);
    // Whole years on the age axis, at least three of them.
    expect(m.xTicks.length).toBeGreaterThanOrEqual(3);
    expect(m.xTicks.every((t) => Number.isInteger(t.years))).toBe(true);
  });

  it('puts higher values higher on the screen and the median between the cut-offs', () => {
    const m = chartModel({ ...base, indicator: 'height', points });
    expect(m.points[2]!.cy).toBeLessThan(m.points[0]!.cy);
    const y = (z: number) => m.lines.find((l) => l.z === z)!.labelY;
    expect(y(2)).toBeLessThan(y(0));
    expect(y(0)).toBeLessThan(y(-2));
  });

  it('leaves out what WHO does not cover: weight-for-age after 10 years', () => {
    const teen = chartModel({ ...base, birthDate: '2012-01-01', indicator: 'weight', points });
    expect(teen.points).toEqual([]);
    expect(teen.xTicks.at(-1)!.years).toBeLessThanOrEqual(10);
    expect(chartModel({ ...base, indicator: 'bmi', points: [] }).lines.every((l) => l.d.startsWith('M'))).toBe(true);
  });
});
