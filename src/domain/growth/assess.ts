// One measurement against the WHO references: age, BMI, the three z-scores, WHO's implausibility flags and
// the Thai categories. The same function serves the app, the reports and `tabian growth`.
import type { SexCode } from '../codes';
import { ageInDays, LAST_WHO2006_DAY, monthsFromDays } from './age';
import { lmsAt, type AgeTable, type GrowthReferences, type Indicator } from './tables';
import { lmsZ, restrictedZ } from './lms';
import { heightStatus, isGoodGrowth, nutritionStatus, type HeightStatus, type NutritionStatus } from './status';

export type Reference = 'WHO 2006' | 'WHO 2007';
/** Standing (school children) or lying down (infants); WHO converts with ±0.7 cm where it differs from the table. */
export type Position = 'standing' | 'lying';

export interface GrowthInput {
  sex: SexCode;
  birthDate: string;
  measuredOn: string;
  weightKg: number | null;
  heightCm: number | null;
  position?: Position;
}

export type GrowthFlag =
  'bmiForAge.implausible' | 'heightForAge.implausible' | 'weightForAge.implausible' | 'age.out_of_range';

export interface GrowthZ {
  bmiForAge: number | null;
  heightForAge: number | null;
  weightForAge: number | null;
}

export interface GrowthResult {
  ageDays: number;
  /** Exact age in months, days / 30.4375. */
  ageMonths: number;
  reference: Reference | null;
  bmi: number | null;
  z: GrowthZ;
  flags: GrowthFlag[];
  status: { nutrition: NutritionStatus | null; height: HeightStatus | null; goodGrowth: boolean | null };
}

export const LENGTH_CORRECTION_CM = 0.7;

/** Which reference and where in its table: day of age for WHO 2006, exact month for WHO 2007. */
export function referenceAt(
  refs: GrowthReferences,
  ageDays: number,
): { reference: Reference; data: GrowthReferences['who2007']; age: number } | null {
  if (ageDays < 0) return null;
  if (ageDays <= LAST_WHO2006_DAY) return { reference: 'WHO 2006', data: refs.who2006, age: ageDays };
  const months = monthsFromDays(ageDays);
  return months <= refs.who2007.bmi.last ? { reference: 'WHO 2007', data: refs.who2007, age: months } : null;
}

// WHO 2006 tables are length up to day 730 and height after: a child measured the other way is converted.
function tableHeight(
  heightCm: number,
  ref: Reference,
  ageDays: number,
  lastLengthDay: number,
  position: Position,
): number {
  if (ref !== 'WHO 2006') return heightCm;
  if (ageDays <= lastLengthDay && position === 'standing') return heightCm + LENGTH_CORRECTION_CM;
  if (ageDays > lastLengthDay && position === 'lying') return heightCm - LENGTH_CORRECTION_CM;
  return heightCm;
}

/** One z-score from one table at an age in its unit; null outside the table or without a value. */
export function indicatorZ(
  table: AgeTable,
  sex: SexCode,
  age: number,
  x: number | null,
  indicator: Indicator,
): number | null {
  if (x === null || !(x > 0)) return null;
  const lms = lmsAt(table, sex, age);
  if (!lms) return null;
  // Height is normally distributed (L = 1): WHO restricts only weight and BMI.
  return indicator === 'height' ? lmsZ(x, lms) : restrictedZ(x, lms);
}

/** WHO's flags for implausible values: |height| > 6, weight < −6 or > 5, |BMI| > 5. */
export function whoFlags(z: GrowthZ): GrowthFlag[] {
  const flags: GrowthFlag[] = [];
  if (z.bmiForAge !== null && Math.abs(z.bmiForAge) > 5) flags.push('bmiForAge.implausible');
  if (z.heightForAge !== null && Math.abs(z.heightForAge) > 6) flags.push('heightForAge.implausible');
  if (z.weightForAge !== null && (z.weightForAge < -6 || z.weightForAge > 5)) flags.push('weightForAge.implausible');
  return flags;
}

export function assessGrowth(input: GrowthInput, refs: GrowthReferences): GrowthResult {
  const ageDays = ageInDays(input.birthDate, input.measuredOn);
  const ageMonths = monthsFromDays(ageDays);
  const at = referenceAt(refs, ageDays);
  const noZ: GrowthZ = { bmiForAge: null, heightForAge: null, weightForAge: null };
  const rawBmi =
    input.weightKg !== null && input.heightCm !== null && input.heightCm > 0
      ? input.weightKg / (input.heightCm / 100) ** 2
      : null;
  if (!at) {
    return {
      ageDays,
      ageMonths,
      reference: null,
      bmi: rawBmi,
      z: noZ,
      flags: ['age.out_of_range'],
      status: { nutrition: null, height: null, goodGrowth: null },
    };
  }
  const lastLengthDay = refs.who2006.lastLengthDay;
  const height =
    input.heightCm === null
      ? null
      : tableHeight(input.heightCm, at.reference, ageDays, lastLengthDay, input.position ?? 'standing');
  const bmi = input.weightKg !== null && height !== null && height > 0 ? input.weightKg / (height / 100) ** 2 : null;
  const z: GrowthZ = {
    bmiForAge: indicatorZ(at.data.bmi, input.sex, at.age, bmi, 'bmi'),
    heightForAge: indicatorZ(at.data.height, input.sex, at.age, height, 'height'),
    weightForAge: indicatorZ(at.data.weight, input.sex, at.age, input.weightKg, 'weight'),
  };
  const flags = whoFlags(z);
  const nutrition =
    z.bmiForAge === null || flags.includes('bmiForAge.implausible') ? null : nutritionStatus(z.bmiForAge);
  const heightCat =
    z.heightForAge === null || flags.includes('heightForAge.implausible') ? null : heightStatus(z.heightForAge);
  return {
    ageDays,
    ageMonths,
    reference: at.reference,
    bmi,
    z,
    flags,
    status: { nutrition, height: heightCat, goodGrowth: isGoodGrowth(nutrition, heightCat) },
  };
}
