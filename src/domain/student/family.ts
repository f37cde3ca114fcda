import { z } from 'zod';
import { codeSchema } from '../codes';

// Columns of DMC's 76-column export: ID, prefix, names, occupation, monthly income and phone of each adult.
export const personSchema = z.object({
  prefix: z.string().default(''),
  firstName: z.string().default(''),
  lastName: z.string().default(''),
  idNo: z.string().default(''),
  occupation: codeSchema('occupation').nullable().default(null),
  /** Baht a month. */
  income: z.number().nonnegative().nullable().default(null),
  phone: z.string().default(''),
});
export type Person = z.infer<typeof personSchema>;

export const guardianSchema = personSchema.extend({
  relation: codeSchema('guardianRelation').nullable().default(null),
});
export type Guardian = z.infer<typeof guardianSchema>;

const count = z.number().int().nonnegative().nullable().default(null);

export const siblingsSchema = z.object({
  olderBrothers: count,
  youngerBrothers: count,
  olderSisters: count,
  youngerSisters: count,
  /** เป็นบุตรคนที่: 1 for the eldest. */
  childNumber: z.number().int().positive().nullable().default(null),
});
export type Siblings = z.infer<typeof siblingsSchema>;

export const familySchema = z.object({
  father: personSchema.prefault({}),
  mother: personSchema.prefault({}),
  guardian: guardianSchema.prefault({}),
  parentsMaritalStatus: codeSchema('parentsMaritalStatus').nullable().default(null),
  siblings: siblingsSchema.prefault({}),
});
export type Family = z.infer<typeof familySchema>;
