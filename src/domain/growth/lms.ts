// The LMS method (WHO 2006 and 2007): z = ((X/M)^L − 1)/(L·S), and WHO's restricted z beyond ±3 SD for
// indicators whose L is not 1 (weight, BMI), where the distance is counted in units of the SD2–SD3 interval.

export interface Lms {
  l: number;
  m: number;
  s: number;
}

/** The plain LMS z-score. */
export function lmsZ(x: number, { l, m, s }: Lms): number {
  return l === 0 ? Math.log(x / m) / s : ((x / m) ** l - 1) / (l * s);
}

/** The measurement at z on the LMS curve. */
export function lmsValue(z: number, { l, m, s }: Lms): number {
  return l === 0 ? m * Math.exp(s * z) : m * (1 + l * s * z) ** (1 / l);
}

/** WHO's restricted z: beyond ±3 SD the scale continues with the SD2–SD3 spacing (weight and BMI). */
export function restrictedZ(x: number, lms: Lms): number {
  const z = lmsZ(x, lms);
  if (z > 3) {
    const sd3 = lmsValue(3, lms);
    return 3 + (x - sd3) / (sd3 - lmsValue(2, lms));
  }
  if (z < -3) {
    const sd3 = lmsValue(-3, lms);
    return -3 + (x - sd3) / (lmsValue(-2, lms) - sd3);
  }
  return z;
}

/** The measurement at a restricted z: the inverse of restrictedZ, for drawing lines beyond ±3 SD. */
export function restrictedValue(z: number, lms: Lms): number {
  if (z > 3) {
    const sd3 = lmsValue(3, lms);
    return sd3 + (z - 3) * (sd3 - lmsValue(2, lms));
  }
  if (z < -3) {
    const sd3 = lmsValue(-3, lms);
    return sd3 + (z + 3) * (lmsValue(-2, lms) - sd3);
  }
  return lmsValue(z, lms);
}
