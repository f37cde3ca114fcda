// The payload schemas of bundle-v1 and the step-5 check that every record parses against its file's
// schema. A file is JSON Lines ("lines", one record per '\n'-ended line) or one JSON document.
import { z } from 'zod';
import { measurementHistory } from '../measure/measurement';
import { canUpgrade, upgradeRecord, type RecordHistory } from '../record-history';
import { movementHistory, movementSchema } from '../year/movement';
import { acknowledgementSchema, findingSchema } from '../district/findings-payload';
import { findingReplySchema } from '../district/finding-reply';
import { keyGrantSchema, nationalFindingSchema } from '../district/national-finding';
import { studentHistory, studentSchema } from '../student/schema';
import { buildingSchema, equipmentSchema } from '../assets/schema';
import { assetPhotoPayloadSchema, assetSurveyPayloadSchema } from '../assets/payload';
import { screeningCountsSchema } from '../screening/counts';
import { screeningSchema } from '../screening/schema';
import { photoPayloadSchema } from '../photo/payload';
import { staffSchema } from '../staff/schema';
import { technologySchema } from '../staff/technology';
import { isoDateSchema } from '../thai-date';
import { fromUtf8, utf8, type Bytes } from './bytes';
import { parseJsonStrict } from './json';
import { operationSchema } from './operation';
import { trustListSchema } from './trust';
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
  id: true,
  studentId: true,
  kind: true,
  effectiveOn: true,
  cause: true,
  school: true,
  reversedAt: true,
});

export const measurementPayloadSchema = z.object({
  id: z.string().min(1),
  studentId: z.string().min(1),
  measuredOn: isoDateSchema,
  weightKg: z.number().positive().nullable(),
  heightCm: z.number().positive().nullable(),
});

export const PAYLOAD_SCHEMAS = {
  'student/1': { shape: 'lines', schema: studentSchema, history: studentHistory },
  'school/1': { shape: 'document', schema: schoolPayloadSchema },
  'movement/1': { shape: 'lines', schema: movementPayloadSchema, history: movementHistory },
  'measurement/1': { shape: 'lines', schema: measurementPayloadSchema, history: measurementHistory },
  'operation/1': { shape: 'lines', schema: operationSchema },
  'finding/1': { shape: 'lines', schema: findingSchema },
  'acknowledgement/1': { shape: 'document', schema: acknowledgementSchema },
  'finding-reply/1': { shape: 'lines', schema: findingReplySchema },
  // District export (decision 32): the district's enrolled school keys, the content keys granted above, and
  // each carried bundle as its own unchanged bytes; national findings go back to a district.
  'trust/1': { shape: 'document', schema: trustListSchema },
  'key-grant/1': { shape: 'lines', schema: keyGrantSchema },
  'bundle/1': { shape: 'bundle', schema: z.instanceof(Uint8Array) },
  'national-finding/1': { shape: 'lines', schema: nationalFindingSchema },
  'asset-survey/1': { shape: 'document', schema: assetSurveyPayloadSchema },
  'building/1': { shape: 'lines', schema: buildingSchema },
  'equipment/1': { shape: 'lines', schema: equipmentSchema },
  'asset-photo/1': { shape: 'lines', schema: assetPhotoPayloadSchema },
  // Poor-student screening counts (issue 20): no names, incomes, photos or places.
  'screening-counts/1': { shape: 'document', schema: screeningCountsSchema },
  'staff/1': { shape: 'lines', schema: staffSchema },
  'technology/1': { shape: 'document', schema: technologySchema },
  // Whole photos (sync to the school's main device, full records to the district) and whole screenings (full
  // records only): never in a submission (decision 0038).
  'photo/1': { shape: 'lines', schema: photoPayloadSchema },
  'screening/1': { shape: 'lines', schema: screeningSchema },
} as const;
export type PayloadSchemaName = keyof typeof PAYLOAD_SCHEMAS;
export type PayloadRecord<N extends PayloadSchemaName> = z.infer<(typeof PAYLOAD_SCHEMAS)[N]['schema']>;

const isKnown = (name: string): name is PayloadSchemaName => Object.hasOwn(PAYLOAD_SCHEMAS, name);
const historyOf = (name: PayloadSchemaName): RecordHistory | undefined =>
  (PAYLOAD_SCHEMAS[name] as { history?: RecordHistory }).history;

/**
 * A file's schema name as this app reads it: the current name, or an older version of a record type whose
 * history upgrades it (`student/1` once `student/2` exists), read as the current one from that version.
 */
export function resolvePayloadSchema(name: string): { schema: PayloadSchemaName; from: number } | null {
  const m = /^([a-z-]+)\/(\d{1,4})$/.exec(name);
  if (!m) return null;
  const from = Number(m[2]);
  if (isKnown(name)) return { schema: name, from };
  const current = (Object.keys(PAYLOAD_SCHEMAS) as PayloadSchemaName[]).find((k) => k.startsWith(`${m[1]}/`));
  if (!current) return null;
  const history = historyOf(current);
  return history && canUpgrade(history, from) ? { schema: current, from } : null;
}
const EXTENSION = { lines: '.jsonl', document: '.json', bundle: '.tabian' } as const;

/** A payload file ready to go into a bundle. */
export interface PayloadFile {
  path: string;
  schema: PayloadSchemaName;
  bytes: Bytes;
  records: number;
}

/** A whole .tabian file carried unchanged inside another bundle (`bundle/1`, one record: its bytes). */
export function carriedBundle(path: string, bytes: Bytes): PayloadFile {
  if (!path.endsWith(EXTENSION.bundle)) throw new Error(`${path}: a bundle/1 file ends in .tabian`);
  return { path, schema: 'bundle/1', bytes, records: 1 };
}

type JsonSchemaName = Exclude<PayloadSchemaName, 'bundle/1'>;

/** Checks each record against the schema (a writer must never make what readers refuse) and encodes it. */
export function payloadFile<N extends JsonSchemaName>(
  path: string,
  schema: N,
  records: readonly z.input<(typeof PAYLOAD_SCHEMAS)[N]['schema']>[],
): PayloadFile {
  const spec = PAYLOAD_SCHEMAS[schema];
  if (!path.endsWith(EXTENSION[spec.shape]))
    throw new Error(`${path}: a ${schema} file ends in ${EXTENSION[spec.shape]}`);
  if (spec.shape === 'document' && records.length !== 1)
    throw new Error(`${path}: a ${schema} file holds one document`);
  const lines = records.map((r) => JSON.stringify(spec.schema.parse(r)));
  const text = spec.shape === 'lines' ? lines.map((l) => l + '\n').join('') : lines[0]!;
  return { path, schema, bytes: utf8(text), records: records.length };
}

export type PayloadParse =
  | { ok: true; records: unknown[]; schema: PayloadSchemaName }
  | { ok: false; reason: 'file.schema' | 'record.schema' | 'record.count'; detail: string };

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || '(record)'}: ${issue.message}` : 'invalid';
}

/** Step 5 for one file: every record parses against its schema, and there are as many as stated. */
export function parsePayloadFile(entry: FileEntry, bytes: Bytes): PayloadParse {
  const resolved = resolvePayloadSchema(entry.schema);
  if (!resolved) return { ok: false, reason: 'file.schema', detail: `${entry.path}: ${entry.schema}` };
  const spec = PAYLOAD_SCHEMAS[resolved.schema];
  const history = historyOf(resolved.schema);
  if (!entry.path.endsWith(EXTENSION[spec.shape]))
    return {
      ok: false,
      reason: 'file.schema',
      detail: `${entry.path}: ${entry.schema} wants ${EXTENSION[spec.shape]}`,
    };
  // A carried bundle is one record, its bytes: the receiver verifies it as a bundle of its own.
  if (spec.shape === 'bundle') {
    return entry.records === 1
      ? { ok: true, records: [bytes], schema: resolved.schema }
      : { ok: false, reason: 'record.count', detail: `${entry.path}: 1 record, statement says ${entry.records}` };
  }
  const text = fromUtf8(bytes);
  if (text === null) return { ok: false, reason: 'record.schema', detail: `${entry.path}: not UTF-8` };
  const lines = spec.shape === 'document' ? [text] : text.split('\n');
  // The last line ends in '\n' too, which leaves one empty string after the split.
  if (spec.shape === 'lines' && lines.at(-1) === '') lines.pop();
  const records: unknown[] = [];
  for (let i = 0; i < lines.length; i++) {
    const where = spec.shape === 'lines' ? `${entry.path} line ${i + 1}` : entry.path;
    const json = parseJsonStrict(lines[i]!);
    if (!json.ok)
      return {
        ok: false,
        reason: 'record.schema',
        detail: `${where}: ${json.duplicate === null ? 'not JSON' : `key ${JSON.stringify(json.duplicate)} appears twice`}`,
      };
    // A record of an older version (the file names it) is brought up to the current one first.
    const upgraded = history ? upgradeRecord(history, json.value, resolved.from) : null;
    if (upgraded && !upgraded.ok) return { ok: false, reason: 'record.schema', detail: `${where}: ${upgraded.detail}` };
    const parsed = spec.schema.safeParse(upgraded ? upgraded.record : json.value);
    if (!parsed.success) return { ok: false, reason: 'record.schema', detail: `${where}: ${firstIssue(parsed.error)}` };
    records.push(parsed.data);
  }
  if (records.length !== entry.records)
    return {
      ok: false,
      reason: 'record.count',
      detail: `${entry.path}: ${records.length} records, statement says ${entry.records}`,
    };
  return { ok: true, records, schema: resolved.schema };
}
