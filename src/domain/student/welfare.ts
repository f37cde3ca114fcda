import { z } from 'zod';
import { codeSchema } from '../codes';
import { isoDateSchema } from '../thai-date';

const km = z.number().nonnegative().nullable().default(null);

// DMC's welfare columns: disadvantage (99 = none), disability (99 = none), the four shortages (1/0), boarding.
export const welfareSchema = z.object({
  disadvantage: codeSchema('disadvantage').nullable().default(null),
  disability: codeSchema('disability').nullable().default(null),
  shortages: z
    .object({
      uniform: z.boolean().default(false),
      stationery: z.boolean().default(false),
      textbooks: z.boolean().default(false),
      lunch: z.boolean().default(false),
    })
    .prefault({}),
  boarding: z.boolean().default(false),
  /** Home to school by road type: ถนนลูกรัง, ถนนลาดยาง, ทางน้ำ. */
  distanceKm: z.object({ laterite: km, asphalt: km, water: km }).prefault({}),
  travelMinutes: z.number().nonnegative().nullable().default(null),
  travelMode: codeSchema('travelMode').nullable().default(null),
});
export type Welfare = z.infer<typeof welfareSchema>;

/** The latest measurement only; the measurement issue adds the history. */
export const healthSchema = z.object({
  weightKg: z.number().positive().nullable().default(null),
  heightCm: z.number().positive().nullable().default(null),
  measuredOn: isoDateSchema.nullable().default(null),
});
export type Health = z.infer<typeof healthSchema>;
