// The poor-student screening record (แบบ นร./กสศ.01), version 1: one per student per academic year. Option
// codes come from the form's data file (options.ts); money is whole baht a month unless named otherwise.
// Presence is not the schema's job: a half-filled visit saved on a phone is a valid record, and the rules
// (assess.ts) say what is missing.
import { z } from 'zod';
import { gpsSchema } from '../school';
import { addressSchema } from '../student/address';
import { isoDateSchema } from '../thai-date';
import { screeningCode } from './options';

export const SCREENING_SCHEMA_VERSION = 1;

const baht = z.number().min(0).max(10_000_000).nullable().default(null);
const codes = (name: Parameters<typeof screeningCode>[0]) => z.array(screeningCode(name)).default([]);

export const memberSchema = z.object({
  name: z.string().default(''),
  relation: z.string().default(''),
  idNo: z.string().default(''),
  education: z.string().default(''),
  age: z.number().int().min(0).max(130).nullable().default(null),
  disabled: z.boolean().default(false),
  chronicIllness: z.boolean().default(false),
  income: z.object({ wages: baht, farming: baht, business: baht, welfare: baht, other: baht }).prefault({}),
});
export type HouseholdMember = z.infer<typeof memberSchema>;

const signatureSchema = z.object({
  name: z.string().default(''),
  /** Drawn on screen (a stored image's id) or signed on paper (a photo of the paper's id). */
  how: z.enum(['drawn', 'paper']),
  imageId: z.string().min(1),
  signedOn: isoDateSchema,
});

export const screeningSchema = z.object({
  schemaVersion: z.literal(SCREENING_SCHEMA_VERSION).default(SCREENING_SCHEMA_VERSION),
  id: z.string().min(1),
  studentId: z.string().min(1),
  academicYear: z.number().int().min(2400).max(2800),
  formVersion: z.string(),
  visitedOn: isoDateSchema.nullable().default(null),
  /** The homeroom teacher marked this student as not needing a screening this year (the family declined, say). */
  notNeeded: z.boolean().default(false),
  student: z
    .object({
      familyStatus: screeningCode('familyStatus').nullable().default(null),
      livesWith: screeningCode('livesWith').nullable().default(null),
      guardian: z
        .object({
          name: z.string().default(''),
          relation: z.string().default(''),
          education: z.string().default(''),
          occupation: z.string().default(''),
          phone: z.string().default(''),
          idNo: z.string().default(''),
        })
        .prefault({}),
      noCitizenId: z.boolean().default(false),
      stateWelfareCard: z.boolean().default(false),
    })
    .prefault({}),
  members: z.array(memberSchema).max(40).default([]),
  household: z
    .object({
      dependants: codes('dependants'),
      housing: screeningCode('housing').nullable().default(null),
      rentPerMonth: baht,
      floor: codes('floor'),
      walls: codes('walls'),
      roof: codes('roof'),
      toilet: z.boolean().nullable().default(null),
      farmland: screeningCode('farmland').nullable().default(null),
      water: codes('water'),
      electricity: codes('electricity'),
      vehicles: codes('vehicles'),
      appliances: codes('appliances'),
    })
    .prefault({}),
  institution: z
    .object({
      type: screeningCode('institutionType'),
      registered: z.boolean(),
      name: z.string(),
      province: z.string(),
      contact: z.string(),
      phone: z.string(),
      since: z.string(),
      boarding: z.boolean(),
      costPerStudentYear: baht,
      studentsInCare: z.number().int().min(0).nullable(),
    })
    .nullable()
    .default(null),
  travel: z
    .object({
      modes: codes('travelModes'),
      distanceKmPerDay: z.number().min(0).max(1000).nullable().default(null),
      minutesPerDay: z.number().int().min(0).max(1440).nullable().default(null),
      costPerMonth: baht,
      pocketMoneyPerDay: baht,
    })
    .prefault({}),
  address: addressSchema.prefault({}),
  gps: gpsSchema.nullable().default(null),
  photos: z
    .object({
      source: screeningCode('photoSource').nullable().default(null),
      outside: z.string().nullable().default(null),
      inside: z.string().nullable().default(null),
      /** When the home could not be photographed: the student at the school sign, and why. */
      schoolSign: z.string().nullable().default(null),
      schoolSignReason: screeningCode('schoolSignReason').nullable().default(null),
    })
    .prefault({}),
  consent: z.object({ pdpa: z.boolean().default(false), truth: z.boolean().default(false) }).prefault({}),
  signatures: z
    .object({
      teacher: signatureSchema.nullable().default(null),
      guardian: signatureSchema.nullable().default(null),
      official: signatureSchema.nullable().default(null),
    })
    .prefault({}),
});
export type Screening = z.infer<typeof screeningSchema>;
export type ScreeningInput = z.input<typeof screeningSchema>;
