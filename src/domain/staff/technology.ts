// The school's technology as of a date (technology/1): computers by purpose × source × state, tablets,
// internet connections and the local network, as EMIS's technology form asks (../shared/research/obec-systems.md §3).
// Each update starts from the last record (carryOver), so a term's update is a few taps.
import { z } from 'zod';
import { isoDateSchema } from '../thai-date';

export const TECHNOLOGY_SCHEMA_VERSION = 1;

const count = z.number().int().nonnegative().default(0);
const byState = z.object({ working: count, broken: count }).prefault({});
/** Bought with OBEC's budget, or the school's own money and donations. */
const bySource = z.object({ obec: byState, own: byState }).prefault({});

export const CONNECTION_TYPES = ['fibre', 'adsl', 'mobile', 'satellite', 'leased', 'other'] as const;

export const connectionSchema = z.object({
  provider: z.string().trim().default(''),
  type: z.enum(CONNECTION_TYPES).default('fibre'),
  downMbps: z.number().nonnegative().nullable().default(null),
  upMbps: z.number().nonnegative().nullable().default(null),
  /** MOENet (the ministry's network) costs the school nothing; otherwise the school pays monthlyBaht. */
  moenet: z.boolean().default(false),
  monthlyBaht: z.number().nonnegative().nullable().default(null),
});
export type Connection = z.infer<typeof connectionSchema>;

export const technologySchema = z.object({
  schemaVersion: z.literal(TECHNOLOGY_SCHEMA_VERSION).default(TECHNOLOGY_SCHEMA_VERSION),
  asOf: isoDateSchema,
  computers: z.object({ teaching: bySource, administration: bySource }).prefault({}),
  tablets: byState,
  connections: z.array(connectionSchema).default([]),
  lan: z.boolean().default(false),
  wifi: z.boolean().default(false),
  wifiPoints: count,
  recordedAt: z.string().default(''),
  recordedBy: z.string().default(''),
});
export type Technology = z.infer<typeof technologySchema>;
export type TechnologyInput = z.input<typeof technologySchema>;

/** A new record as of `asOf` with everything the last one said (an empty form when there is none). */
export function carryOver(last: Technology | null, asOf: string): Technology {
  return technologySchema.parse({ ...(last ?? {}), asOf, recordedAt: '', recordedBy: '' });
}

export interface ComputerTotals {
  working: number;
  broken: number;
  total: number;
}
export function computerTotals(t: Technology): ComputerTotals {
  let working = 0;
  let broken = 0;
  for (const purpose of [t.computers.teaching, t.computers.administration]) {
    for (const source of [purpose.obec, purpose.own]) {
      working += source.working;
      broken += source.broken;
    }
  }
  return { working, broken, total: working + broken };
}
