// The staff record, version 1: one person who works at the school, for the EMIS personnel round (as of 10 June).
// Everyone the school has, in budget or not: civil-service teachers, administrators, assistant teachers,
// government and permanent employees, temporary staff and contract teachers (../shared/research/obec-systems.md §3).
// Status changes only through dated movements, as for students, so a headcount can be asked of any date.
import { z } from 'zod';
import { sexCodeSchema } from '../codes';
import { isoDateSchema } from '../thai-date';

export const STAFF_SCHEMA_VERSION = 1;

export const PERSONNEL_TYPES = [
  'civil-teacher',
  'administrator',
  'assistant-teacher',
  'government-employee',
  'permanent-employee',
  'temporary-employee',
  'contract-teacher',
  'other',
] as const;
export const personnelTypeSchema = z.enum(PERSONNEL_TYPES);
export type PersonnelType = z.infer<typeof personnelTypeSchema>;

/** ผู้บริหาร: the director or a deputy; the headcount counts them apart. */
export const ADMIN_POSITIONS = ['director', 'deputy-director'] as const;

/** วิทยฐานะ by คศ. level: คศ.1 (no standing yet) … คศ.5 (เชี่ยวชาญพิเศษ). */
export const STANDINGS = ['k1', 'k2', 'k3', 'k4', 'k5'] as const;
export const standingSchema = z.enum(STANDINGS);
export type Standing = z.infer<typeof standingSchema>;

export const FUNDING = ['budget', 'school-income', 'local-government', 'donation', 'other'] as const;

export const STAFF_MOVEMENT_KINDS = ['move-in', 'move-out', 'retire', 'leave', 'death'] as const;
export const staffMovementSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(STAFF_MOVEMENT_KINDS),
  /** The first day in the new state: leaving on the as-of date means not counted on it. */
  effectiveOn: isoDateSchema,
  /** The other school, for moves. */
  school: z.string().default(''),
  reversedAt: z.string().nullable().default(null),
});
export type StaffMovement = z.infer<typeof staffMovementSchema>;

export const staffSchema = z.object({
  schemaVersion: z.literal(STAFF_SCHEMA_VERSION).default(STAFF_SCHEMA_VERSION),
  id: z.string().min(1),
  idNo: z.string().default(''),
  prefix: z.string().default(''),
  firstName: z.string(),
  lastName: z.string(),
  firstNameEn: z.string().default(''),
  lastNameEn: z.string().default(''),
  sex: sexCodeSchema.nullable().default(null),
  birthDate: isoDateSchema.nullable().default(null),
  personnelType: personnelTypeSchema,
  /** For administrators: director or deputy; for others a free-text position (ครู, ธุรการ …). */
  position: z.string().default(''),
  standing: standingSchema.nullable().default(null),
  positionNo: z.string().default(''),
  funding: z.enum(FUNDING).nullable().default(null),
  startedAtSchoolOn: isoDateSchema.nullable().default(null),
  startedServiceOn: isoDateSchema.nullable().default(null),
  education: z.object({ level: z.string().default(''), major: z.string().default('') }).prefault({}),
  subjects: z.array(z.string()).default([]),
  classesTaught: z.array(z.string()).default([]),
  /** Rooms as "grade/room" keys, the same keys as the rooms store. */
  homerooms: z.array(z.string()).default([]),
  phone: z.string().default(''),
  movements: z.array(staffMovementSchema).default([]),
  /** The app user this person signs in as, when they use Tabian. */
  userId: z.string().nullable().default(null),
});
export type Staff = z.infer<typeof staffSchema>;
export type StaffInput = z.input<typeof staffSchema>;
