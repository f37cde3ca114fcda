// What a findings bundle (district → school) carries: `finding/1`, one flagged student of the receiving
// school a line, and `acknowledgement/1`, the district's receipt of one submission. A finding names the
// other school (code and name) only when the officer chose to after looking at the pair (decision 18),
// else `otherSchool` is null: "another school in this district". Never a student of the other school.
import { z } from 'zod';
import { ROUNDS } from '../calendar';
import { isoDateSchema } from '../thai-date';

const message = z.object({ th: z.string().min(1), en: z.string().min(1) });

export const FINDING_RULES = ['id.duplicate', 'person.possible_duplicate'] as const;
export const FINDING_MATCHES = ['same-id', 'same-name', 'close-surname'] as const;
export type FindingMatch = (typeof FINDING_MATCHES)[number];

export const findingSchema = z.object({
  /** Stable per pair and rule, so a later findings bundle can be compared with an earlier one. */
  id: z.string().min(1),
  /** The `id` of the school's own `student/1` record, as submitted. */
  studentId: z.string().min(1),
  rule: z.enum(FINDING_RULES),
  match: z.enum(FINDING_MATCHES),
  /** The school's own student as submitted, so the finding reads well after the record changes. */
  student: z.object({ idNo: z.string(), prefix: z.string(), firstName: z.string(), lastName: z.string() }),
  otherSchool: z.object({ code: z.string().regex(/^\d{10}$/), name: z.string().min(1) }).nullable(),
  /** Why, in words that name nothing of the other school's student. */
  reason: message,
  asOf: isoDateSchema,
});
export type FindingRecord = z.infer<typeof findingSchema>;

export const acknowledgementSchema = z.object({
  /** The submission acknowledged, named by its statement hash (the chain's own name for it). */
  submission: z.object({
    bundleId: z.uuid(),
    sequence: z.number().int().positive(),
    statementSha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  academicYear: z.number().int().min(2400).max(2800),
  round: z.enum(ROUNDS),
  asOf: isoDateSchema,
  /** Counted students in the submission, as the district recomputed them. */
  students: z.number().int().nonnegative(),
  findings: z.number().int().nonnegative(),
  officer: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
});
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;
