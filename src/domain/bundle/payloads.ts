// The payload schemas of bundle-v1 and the step-5 check that every record parses against its file's
// schema. A file is JSON Lines ("lines", one record per '\n'-ended line) or one JSON document.
import { z } from 'zod';
import { movementSchema } from '../year/movement';
import { acknowledgementSchema, findingSchema } from '../district/findings-payload';
import { findingReplySchema } from '../district/finding-reply';
import { studentSchema } from '../student/schema';
import { staffSchema } from '../staff/schema';
import { technologySchema } from '../staff/technology';
import { isoDateSchema } from '../thai-date';
import { fromUtf8, utf8, type Bytes } from './bytes';
import { parseJsonStrict } from './json';
import { operationSchema } from './operation';
import type { FileEntry } from './statement';

export const schoolPayloadSchema = z.object({
  code: z.string().regex(/^\d{10}$/),
  smis: z.string().regex(/^\d{8}$/),
  name: z.string().min(1),
  nameEn: z.string().default(''),
  district: z.object({ code: z.string(), name: z.string() }),
  directorName: z.string(),
});

export const movementPayloadSchema = movementSchema.pick({
  id: true, studentId: true, kind: true, effectiveOn: true, cause: true, school: true, reversedAt: true,
});

export const measurementPayloadSchema = z.object({
  id: z.string().min(1),
  studentId: z.string().min(1),
  measuredOn: isoDateSchema,
  weightKg: z.number().positive().nullable(),
  heightCm: z.number().positive().nullable(),
});

export const PAYLOAD_SCHEMAS = {
  'student/1': { shape: 'lines', schema: studentSchema },
  'school/1': { shape: 'document', schema: schoolPayloadSchema },
  'movement/1': { shape: 'lines', schema: movementPayloadSchema },
  'measurement/1': { shape: 'lines', schema: measurementPayloadSchema },
  'operation/1': { shape: 'lines', schema: operationSchema },
  'finding/1': { shape: 'lines', schema: findingSchema },
  'acknowledgement/1': { shape: 'document', schema: acknowledgementSchema },
  'finding-reply/1': { shape: 'lines', schema: findingReplySchema },
  'staff/1': { shape: 'lines', schema: staffSchema },
  'technology/1': { shape: 'document', schema: technologySchema },
} as const;
export type PayloadSchemaName = keyof typeof PAYLOAD_SCHEMAS;
export type PayloadRecord<N extends PayloadSchemaName> = z.infer<(typeof PAYLOAD_SCHEMAS)[N]['schema']>;

const isKnown = (name: string): name is PayloadSchemaName => Object.hasOwn(PAYLOAD_SCHEMAS, name);
const EXTENSION = { lines: '.jsonl', document: '.json' } as const;

/** A payload file ready to go into a bundle. */
export interface PayloadFile {
  path: string;
  schema: PayloadSchemaName;
  bytes: Bytes;
  records: number;
}

/** Checks each record against the schema (a writer must never make what readers refuse) and encodes it. */
export function payloadFile<N extends PayloadSchemaName>(path: string, schema: N, records: readonly z.input<(typeof PAYLOAD_SCHEMAS)[N]['schema']>[]): PayloadFile {
  const spec = PAYLOAD_SCHEMAS[schema];
  if (!path.endsWith(EXTENSION[spec.shape])) throw new Error(`${path}: a ${schema} file ends in ${EXTENSION[spec.shape]}`);
  if (spec.shape === 'document' && records.length !== 1) throw new Error(`${path}: a ${schema} file holds one document`);
  const lines = records.map((r) => JSON.stringify(spec.schema.parse(r)));
  const text = spec.shape === 'lines' ? lines.map((l) => l + '\n').join('') : lines[0]!;
  return { path, schema, bytes: utf8(text), records: records.length };
}

export type PayloadParse =
  | { ok: true; records: unknown[] }
  | { ok: false; reason: 'file.schema' | 'record.schema' | 'record.count'; detail: string };


function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(record)'}: ${issue.message}` : 'invalid';
}

/** Step 5 for one file: every record parses against its schema, and there are as many as stated. */
export function parsePayloadFile(entry: FileEntry, bytes: Bytes): PayloadParse {
  if (!isKnown(entry.schema)) return { ok: false, reason: 'file.schema', detail: `${entry.path}: ${entry.schema}` };
  const spec = PAYLOAD_SCHEMAS[entry.schema];
  if (!entry.path.endsWith(EXTENSION[spec.shape])) return { ok: false, reason: 'file.schema', detail: `${entry.path}: ${entry.schema} wants ${EXTENSION[spec.shape]}` };
  const text = fromUtf8(bytes);
  if (text === null) return { ok: false, reason: 'record.schema', detail: `${entry.path}: not UTF-8` };
  const lines = spec.shape === 'document' ? [text] : text.split('\n');
  // The last line ends in '\n' too, which leaves one empty string after the split.
  if (spec.shape === 'lines' && lines.at(-1) === '') lines.pop();
  const records: unknown[] = [];
  for (let i = 0; i < lines.length; i++) {
    const where = spec.shape === 'lines' ? `${entry.path} line ${i + 1}` : entry.path;
    const json = parseJsonStrict(lines[i]!);
    if (!json.ok) return { ok: false, reason: 'record.schema', detail: `${where}: ${json.duplicate === null ? 'not JSON' : `key ${JSON.stringify(json.duplicate)} appears twice`}` };
    const parsed = spec.schema.safeParse(json.value);
    if (!parsed.success) return { ok: false, reason: 'record.schema', detail: `${where}: ${firstIssue(parsed.error)}` };
    records.push(parsed.data);
  }
  if (records.length !== entry.records) return { ok: false, reason: 'record.count', detail: `${entry.path}: ${records.length} records, statement says ${entry.records}` };
  return { ok: true, records };
}
