// Geometry of a growth chart: reference lines from the WHO tables, the student's points, axes. Pure, so the
// component only draws and tests can check the numbers.
import type { SexCode } from '../../../domain/codes';
import { ageInDays, monthsFromDays } from '../../../domain/growth/age';
import { indicatorRange, referenceCurves } from '../../../domain/growth/curves';
import type { GrowthReferences, Indicator } from '../../../domain/growth/tables';

export interface GrowthPoint {
  measuredOn: string;
  weightKg: number | null;
  heightCm: number | null;
}

// The Department of Health's cut-offs for BMI and height; weight-for-age has no Thai categories here.
export const CHART_Z: Record<Indicator, readonly number[]> = {
  bmi: [-2, -1.5, 0, 1.5, 2, 3],
  height: [-2, -1.5, 0, 1.5, 2],
  weight: [-2, 0, 2],
};

export interface ChartModel {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  lines: { z: number; d: string; labelY: number }[];
  /** The band between −1.5 and +1.5 SD (normal), as a closed path; null for weight. */
  band: string | null;
  xTicks: { x: number; years: number }[];
  yTicks: { y: number; value: number }[];
  points: { cx: number; cy: number; value: number; measuredOn: string }[];
  trail: string;
}

const valueOf = (p: GrowthPoint, indicator: Indicator): number | null => {
  if (indicator === 'weight') return p.weightKg;
  if (indicator === 'height') return p.heightCm;
  return p.weightKg !== null && p.heightCm ? p.weightKg / (p.heightCm / 100) ** 2 : null;
};

function niceStep(span: number): number {
  const raw = span / 6;
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((k) => k * p).find((s) => s >= raw)!;
}

const fmt = (n: number): string => n.toFixed(1);

// Labels at the line ends at least one text line apart (−1.5 and −2 often end a few pixels apart).
const LABEL_GAP = 15;
function spread<T extends { labelY: number }>(lines: T[]): T[] {
  const byY = [...lines].sort((a, b) => a.labelY - b.labelY);
  for (let i = 1; i < byY.length; i++) byY[i]!.labelY = Math.max(byY[i]!.labelY, byY[i - 1]!.labelY + LABEL_GAP);
  return lines;
}

export interface ChartInput {
  refs: GrowthReferences;
  sex: SexCode;
  birthDate: string;
  indicator: Indicator;
  points: readonly GrowthPoint[];
  /** Age to centre on when there are no points (e.g. today). */
  today: string;
  width: number;
  height: number;
}

export function chartModel({ refs, sex, birthDate, indicator, points, today, width, height }: ChartInput): ChartModel {
  const [lo, hi] = indicatorRange(refs, indicator);
  const data = points
    .filter((p) => p.measuredOn >= birthDate)
    .map((p) => ({
      ageMonths: monthsFromDays(ageInDays(birthDate, p.measuredOn)),
      value: valueOf(p, indicator),
      measuredOn: p.measuredOn,
    }))
    .filter(
      (p): p is { ageMonths: number; value: number; measuredOn: string } =>
        p.value !== null && p.ageMonths >= lo && p.ageMonths <= hi,
    );
  const todayAge = monthsFromDays(ageInDays(birthDate, today < birthDate ? birthDate : today));
  const ages = data.length > 0 ? data.map((p) => p.ageMonths) : [Math.min(Math.max(todayAge, lo), hi)];
  let from = Math.min(...ages) - 6;
  let to = Math.max(...ages) + 6;
  if (to - from < 36) [from, to] = [(from + to) / 2 - 18, (from + to) / 2 + 18];
  // Whole years, within what the reference covers, at least three years wide.
  from = Math.max(lo, Math.floor(from / 12) * 12);
  to = Math.min(hi, Math.ceil(to / 12) * 12);
  if (to - from < 36) [from, to] = from === lo ? [lo, Math.min(hi, lo + 36)] : [Math.max(lo, to - 36), to];
  const zs = CHART_Z[indicator];
  const curves = referenceCurves(refs, sex, indicator, from, to, zs);
  const values = [...curves.flatMap((c) => c.points.map((p) => p.value)), ...data.map((p) => p.value)];
  const step = niceStep(Math.max(...values) - Math.min(...values) || 1);
  const vMin = Math.floor(Math.min(...values) / step) * step;
  const vMax = Math.ceil(Math.max(...values) / step) * step;
  const plot = { left: 44, top: 26, right: width - 52, bottom: height - 34 };
  const x = (m: number) => plot.left + ((m - from) / (to - from || 1)) * (plot.right - plot.left);
  const y = (v: number) => plot.bottom - ((v - vMin) / (vMax - vMin || 1)) * (plot.bottom - plot.top);
  const path = (pts: { ageMonths: number; value: number }[]) =>
    pts.map((p, i) => `${i ? 'L' : 'M'}${fmt(x(p.ageMonths))} ${fmt(y(p.value))}`).join(' ');
  const lines = spread(curves.map((c) => ({ z: c.z, d: path(c.points), labelY: y(c.points.at(-1)?.value ?? vMin) })));
  const lower = curves.find((c) => c.z === -1.5);
  const upper = curves.find((c) => c.z === 1.5);
  const band =
    lower && upper ? `${path(upper.points)} ${path([...lower.points].reverse()).replace(/^M/, 'L')} Z` : null;
  const xTicks: ChartModel['xTicks'] = [];
  for (let m = Math.ceil(from / 12) * 12; m <= to; m += 12) xTicks.push({ x: x(m), years: m / 12 });
  const yTicks: ChartModel['yTicks'] = [];
  for (let v = vMin; v <= vMax + 1e-9; v += step) yTicks.push({ y: y(v), value: Math.round(v * 100) / 100 });
  const sorted = [...data].sort((a, b) => a.ageMonths - b.ageMonths);
  return {
    width,
    height,
    plot,
    lines,
    band,
    xTicks,
    yTicks,
    points: sorted.map((p) => ({ cx: x(p.ageMonths), cy: y(p.value), value: p.value, measuredOn: p.measuredOn })),
    trail: path(sorted),
  };
}
