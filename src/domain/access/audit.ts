import { z } from 'zod';
import { hlcSchema } from '../bundle/hlc';

// Who changed what, when: one entry per save, with every changed field old → new.

// merge / remove / restore: a record merged into another, removed as entered by mistake, or brought back (decision 16).
export const auditActionSchema = z.enum([
  'create',
  'update',
  'move-room',
  'rename',
  'status',
  'merge',
  'remove',
  'restore',
]);
export type AuditAction = z.infer<typeof auditActionSchema>;

// `hlc` on a change: a synced edit applied here keeps the clock it was made with (src/domain/bundle/local-ops.ts).
export const fieldChangeSchema = z.object({
  field: z.string(),
  from: z.unknown(),
  to: z.unknown(),
  hlc: hlcSchema.optional(),
});
export type FieldChange = z.infer<typeof fieldChangeSchema>;

export const auditEntrySchema = z.object({
  id: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
  userId: z.string().min(1),
  userName: z.string(),
  recordType: z.literal('student'),
  recordId: z.string().min(1),
  action: auditActionSchema,
  changes: z.array(fieldChangeSchema),
  note: z.string().nullable(),
  /** The sync clock of a local edit: the audit log doubles as this device's operation log. */
  hlc: hlcSchema.optional(),
  /** On the survivor's merge entry: the id of the record merged into it (its history reads as this one's). */
  mergedFrom: z.string().optional(),
  /** On a merge or removal of the record that left: every row as it was (`before`) and the keys written, per store. */
  undo: z
    .object({ before: z.record(z.string(), z.array(z.unknown())), written: z.record(z.string(), z.array(z.string())) })
    .optional(),
  /** On a restore entry: the merge or removal entry it undoes. */
  undoes: z.string().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Leaf fields by dotted path (arrays are leaves). */
export function flattenFields(value: unknown): Map<string, unknown> {
  const out = new Map<string, unknown>();
  flatten(value ?? {}, '', out);
  return out;
}

// Top-level fields that change as a whole: `unmatched` is keyed by record paths (its keys hold dots, which
// sync would otherwise rebuild as nested objects) and `idOverride` means nothing in part. Their removal is a
// change to null, which the student schema reads as absent.
const WHOLE: ReadonlySet<string> = new Set(['unmatched', 'idOverride']);

function flatten(value: unknown, prefix: string, out: Map<string, unknown>): void {
  if (isPlain(value) && !WHOLE.has(prefix)) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else out.set(prefix, value);
}

/** Field-by-field differences (dotted paths; arrays compared whole). Ignores bookkeeping fields. */
export function diffRecords(
  before: unknown,
  after: unknown,
  ignore: readonly string[] = ['updatedAt', 'revision'],
): FieldChange[] {
  const a = new Map<string, unknown>();
  const b = new Map<string, unknown>();
  flatten(before ?? {}, '', a);
  flatten(after ?? {}, '', b);
  const fields = [...new Set([...a.keys(), ...b.keys()])].filter((f) => !ignore.includes(f));
  return fields
    .filter((f) => !sameJson(a.get(f) ?? null, b.get(f) ?? null))
    .map((field) => ({ field, from: a.get(field) ?? null, to: b.get(field) ?? null }));
}

// JSON.stringify(x) === JSON.stringify(y), without writing the JSON of a string or of null (most fields;
// an import's 3,000 creates diff about 100,000 of them): two strings, or a string and null, differ exactly
// when they are not identical.
function sameJson(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if ((typeof x === 'string' || x === null) && (typeof y === 'string' || y === null)) return false;
  return JSON.stringify(x) === JSON.stringify(y);
}
