// The school's land, buildings and equipment for B-OBEC / OBEC-Asset (as of 30 October) and the ครุภัณฑ์ counts
// (twice a year). Kinds, designs and item codes come from catalogue.json; photos are ids of stored, compressed,
// sealed images (the same photo store as the screening module's), never image bytes inside a record.
import { z } from 'zod';
import { gpsSchema } from '../school';
import { isoDateSchema } from '../thai-date';
import catalogue from './catalogue.json';

const codesOf = (list: readonly (readonly string[])[]) => z.enum(list.map(([c]) => c!) as [string, ...string[]]);
export const buildingKindSchema = codesOf(catalogue.buildingKinds);
export const conditionSchema = z.enum(['good', 'fair', 'poor']);
export type Condition = z.infer<typeof conditionSchema>;

const photoSchema = z.object({ id: z.string().min(1), takenOn: isoDateSchema });

/** Area in ไร่-งาน-ตารางวา, as Thai land documents write it. */
export const landAreaSchema = z.object({
  rai: z.number().int().min(0),
  ngan: z.number().int().min(0).max(3),
  wa: z.number().min(0).max(99.99),
});

export const siteSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  land: z
    .object({
      kind: z.enum(['royal-property', 'title-deed', 'other']).nullable().default(null),
      documentNo: z.string().default(''),
      area: landAreaSchema.nullable().default(null),
    })
    .prefault({}),
  electricity: z.string().default(''),
  water: z.string().default(''),
  internet: z.string().default(''),
  foundedOn: isoDateSchema.nullable().default(null),
  classrooms: z.number().int().min(0).nullable().default(null),
  signPhoto: photoSchema.nullable().default(null),
  sitePlan: photoSchema.nullable().default(null),
  gps: gpsSchema.nullable().default(null),
});
export type Site = z.infer<typeof siteSchema>;

export const buildingSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  id: z.string().min(1),
  kind: buildingKindSchema,
  /** A design from the catalogue ("สปช. 101/26") or free text. */
  design: z.string().default(''),
  name: z.string().default(''),
  roomsByDesign: z.number().int().min(0).nullable().default(null),
  roomsActual: z.number().int().min(0).nullable().default(null),
  specialRooms: z.number().int().min(0).nullable().default(null),
  floors: z.number().int().min(1).max(20).nullable().default(null),
  /** Buddhist Era, as the form asks it. */
  builtYearBE: z.number().int().min(2400).max(2800).nullable().default(null),
  budgetBaht: z.number().min(0).nullable().default(null),
  budgetSource: z.string().default(''),
  condition: conditionSchema.nullable().default(null),
  inUse: z.boolean().default(true),
  note: z.string().default(''),
  photos: z
    .object({
      front: photoSchema.nullable(),
      back: photoSchema.nullable(),
      left: photoSchema.nullable(),
      right: photoSchema.nullable(),
    })
    .partial()
    .prefault({}),
  /** Gone (demolished, written off): kept for the history, out of the counts. */
  removedOn: isoDateSchema.nullable().default(null),
});
export type Building = z.infer<typeof buildingSchema>;

export const equipmentCountSchema = z.object({
  /** A catalogue code, or "x-…" for an item the school added. */
  code: z.string().min(1),
  name: z.string().default(''),
  usable: z.number().int().min(0),
  awaitingRepair: z.number().int().min(0),
  awaitingDisposal: z.number().int().min(0),
});
export const equipmentSchema = z.object({
  schemaVersion: z.literal(1).default(1),
  countedOn: isoDateSchema,
  items: z.array(equipmentCountSchema),
});
export type EquipmentCount = z.infer<typeof equipmentSchema>;

export { catalogue };
