// One change on one device: a field of a record set to a value at a hybrid-logical-clock time.
// Sync bundles carry them (payload/operations.jsonl, schema operation/1).
import { z } from 'zod';
import { hlcSchema } from './hlc';

// Dotted path into the record ("health.weightKg"); no segment may reach an object's prototype.
const FIELD = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*$/;
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export const operationSchema = z.object({
  /** Which kind of record: "students", "measurements", … */
  store: z.string().regex(/^[a-z][a-z0-9-]*$/),
  recordId: z.string().min(1),
  field: z
    .string()
    .regex(FIELD)
    .refine((f) => f.split('.').every((s) => !FORBIDDEN.has(s)), 'reserved name'),
  value: z.json(),
  hlc: hlcSchema,
  /** The user who made the change on that device. */
  by: z.string(),
});
export type Operation = z.infer<typeof operationSchema>;
