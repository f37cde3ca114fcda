// Age and body-size norms behind the warnings. Deliberately coarse: they catch typing errors, not growth
// problems (the measurement issue adds WHO z-scores for that).
import type { GradeCode } from '../codes';
import { ageOn } from '../thai-date';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Completed years from birth to `on` (both ISO dates, birth not after on): ageOn's years, without building
 * two date objects per record, which a district of 100,000 records feels. Compared as "MM-DD" text.
 */
export function yearsOn(birthIso: string, onIso: string): number {
  if (!ISO.test(birthIso) || !ISO.test(onIso)) return ageOn(birthIso, onIso).years;
  const years = Number(onIso.slice(0, 4)) - Number(birthIso.slice(0, 4));
  return onIso.slice(5) < birthIso.slice(5) ? years - 1 : years;
}

/** How far, in completed years, an age may lie outside the usual range before age.grade_mismatch. */
export const AGE_TOLERANCE_YEARS = 2;

/**
 * Usual completed age on any as-of date of the year: อ.1 3–4, ป.1 6–7, one more per grade up to ม.6 17–18.
 * ปวช.1–3 parallel ม.4–6. The range is two years wide because the as-of dates run from June to March.
 */
export function usualAge(grade: GradeCode): { min: number; max: number } {
  const step = Number(grade) - 1;
  const min = 3 + (step >= 15 ? step - 3 : step);
  return { min, max: min + 1 };
}

export function ageFitsGrade(ageYears: number, grade: GradeCode): boolean {
  const { min, max } = usualAge(grade);
  return ageYears >= min - AGE_TOLERANCE_YEARS && ageYears <= max + AGE_TOLERANCE_YEARS;
}

export interface BodyBounds {
  weightKg: [number, number];
  heightCm: [number, number];
}

// At the youngest and oldest age of each band the limits lie about 5 SD or more from the WHO 2006/2007
// median (e.g. 11 y 11 m: height median 149–151 cm, SD 7 cm, +6 SD 191 cm), so a value outside is a typo.
const BANDS: readonly { upTo: number; bounds: BodyBounds }[] = [
  { upTo: 5, bounds: { weightKg: [5, 50], heightCm: [65, 145] } },
  { upTo: 11, bounds: { weightKg: [9, 120], heightCm: [85, 195] } },
  { upTo: Infinity, bounds: { weightKg: [20, 200], heightCm: [105, 215] } },
];
const ANY_AGE: BodyBounds = { weightKg: [5, 200], heightCm: [60, 215] };

/** Plausible weight and height for a completed age in years; without an age, bounds for any pupil. */
export function bodyBounds(ageYears: number | null): BodyBounds {
  if (ageYears === null) return ANY_AGE;
  return BANDS.find((b) => ageYears <= b.upTo)!.bounds;
}

export const within = (value: number, [min, max]: [number, number]): boolean => value >= min && value <= max;
