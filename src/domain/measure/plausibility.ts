// The checks that ask "แน่ใจไหม?" before an entry moves on. They catch typing errors, not growth problems:
// outside WHO's plausible range (WHO's flags), a fifth more or less weight than last time, a centimetre
// shorter than last time, metres typed for centimetres, weight and height swapped.
import type { SexCode } from '../codes';
import { assessGrowth } from '../growth/assess';
import type { GrowthReferences } from '../growth/tables';
import { ageOn } from '../thai-date';
import { bodyBounds, within } from '../validation/norms';
import type { PreviousValues } from './measurement';

export type PlausibilityCode =
  | 'weight.implausible'
  | 'weight.jump'
  | 'height.implausible'
  | 'height.shrunk'
  | 'height.metres'
  | 'bmi.implausible'
  | 'swapped';

export interface PlausibilityInput {
  sex: SexCode | null;
  birthDate: string | null;
  measuredOn: string;
  weightKg: number | null;
  heightCm: number | null;
  previous: PreviousValues | null;
}

/** A weight change beyond this share of the last weight asks again. */
export const WEIGHT_JUMP = 0.2;
/** A height this much below the last one asks again (measuring error is a few millimetres). */
export const HEIGHT_SHRINK_CM = 1;
/** A value this close to the other field's last value looks like the wrong field. */
const SWAP_NEAR = 5;

const near = (a: number, b: number | null | undefined): boolean =>
  b !== null && b !== undefined && Math.abs(a - b) <= SWAP_NEAR;

function whoFlagsOf(
  input: PlausibilityInput,
  weightKg: number | null,
  heightCm: number | null,
  refs: GrowthReferences,
) {
  if (!input.sex || !input.birthDate || input.birthDate > input.measuredOn) return null;
  return assessGrowth(
    { sex: input.sex, birthDate: input.birthDate, measuredOn: input.measuredOn, weightKg, heightCm },
    refs,
  ).flags;
}

function bounds(input: PlausibilityInput) {
  const age =
    input.birthDate && input.birthDate <= input.measuredOn ? ageOn(input.birthDate, input.measuredOn).years : null;
  return bodyBounds(age);
}

/** Checks for the weight just typed (stage 'weight') or the height just typed with the weight of the same entry. */
export function plausibilityChecks(
  input: PlausibilityInput,
  stage: 'weight' | 'height',
  refs: GrowthReferences,
): PlausibilityCode[] {
  const out: PlausibilityCode[] = [];
  const prev = input.previous;
  const { weightKg: w, heightCm: h } = input;
  if (stage === 'weight') {
    if (w === null) return out;
    // With last time's height, the BMI catches a weight that WHO's weight-for-age (to 10 years) cannot.
    const flags = whoFlagsOf(input, w, prev?.heightCm ?? null, refs);
    const implausible = flags
      ? flags.includes('weightForAge.implausible') || flags.includes('bmiForAge.implausible')
      : false;
    if (implausible || !within(w, bounds(input).weightKg)) out.push('weight.implausible');
    if (prev?.weightKg && Math.abs(w - prev.weightKg) > prev.weightKg * WEIGHT_JUMP) out.push('weight.jump');
    if (near(w, prev?.heightCm) && !near(w, prev?.weightKg)) out.push('swapped');
    return out;
  }
  if (h === null) return out;
  if (h < 3) return ['height.metres'];
  const flags = whoFlagsOf(input, w, h, refs);
  if (flags?.includes('heightForAge.implausible') || !within(h, bounds(input).heightCm)) out.push('height.implausible');
  if (prev?.heightCm && h < prev.heightCm - HEIGHT_SHRINK_CM) out.push('height.shrunk');
  if (flags?.includes('bmiForAge.implausible')) out.push('bmi.implausible');
  const swapped = w !== null ? w > h : near(h, prev?.weightKg) && !near(h, prev?.heightCm);
  if (swapped) out.push('swapped');
  return out;
}
