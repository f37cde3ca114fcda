// Reference lines for a growth chart: the value at each z from month to month, from WHO 2006 below
// 61 months and WHO 2007 from 61, with WHO's restricted spacing beyond ±3 SD for weight and BMI.
import type { SexCode } from '../codes';
import { DAYS_PER_MONTH } from './age';
import { referenceAt } from './assess';
import { lmsValue, restrictedValue } from './lms';
import { lmsAt, type GrowthReferences, type Indicator } from './tables';

export interface CurvePoint {
  ageMonths: number;
  value: number;
}
export interface Curve {
  z: number;
  points: CurvePoint[];
}

/** The age range (months) each indicator covers: weight-for-age stops at 10 years in WHO 2007. */
export function indicatorRange(refs: GrowthReferences, indicator: Indicator): [number, number] {
  return [0, refs.who2007[indicator].last];
}

export function referenceCurves(
  refs: GrowthReferences,
  sex: SexCode,
  indicator: Indicator,
  fromMonths: number,
  toMonths: number,
  zs: readonly number[],
): Curve[] {
  const [lo, hi] = indicatorRange(refs, indicator);
  const ages: number[] = [];
  for (let m = Math.max(lo, Math.floor(fromMonths)); m <= Math.min(hi, Math.ceil(toMonths)); m++) ages.push(m);
  return zs.map((z) => ({
    z,
    points: ages.flatMap((m) => {
      const at = referenceAt(refs, Math.round(m * DAYS_PER_MONTH));
      const lms = at ? lmsAt(at.data[indicator], sex, at.reference === 'WHO 2006' ? at.age : m) : null;
      if (!lms) return [];
      return [{ ageMonths: m, value: indicator === 'height' ? lmsValue(z, lms) : restrictedValue(z, lms) }];
    }),
  }));
}
