// The shape of a row of each store at the latest schema version: what a restore checks every row of a
// backup against before writing it (issue 19 §6). Records with a domain schema use that schema (the one
// their repository parses with); bookkeeping stores get the fields their repositories rely on. Objects are
// loose: a repository's own extra fields (a student row's revision) travel as they are.
import { z } from 'zod';
import { auditEntrySchema } from '../domain/access/audit';
import { userSchema } from '../domain/access/users';
import { operationSchema } from '../domain/bundle/operation';
import { trustedKeySchema } from '../domain/bundle/trust';
import { correctionSchema } from '../domain/corrections/request';
import { districtSchoolSchema } from '../domain/district/school-list';
import { findingSchema } from '../domain/district/findings-payload';
import { measurementSchema, measureSessionSchema } from '../domain/measure/measurement';
import { assetSurveySchema } from '../domain/assets/round';
import { buildingSchema, equipmentSchema, siteSchema } from '../domain/assets/schema';
import { photoSchema } from '../domain/photo/schema';
import { deviceProfileSchema } from '../domain/school';
import { screeningSchema } from '../domain/screening/schema';
import { staffSchema } from '../domain/staff/schema';
import { technologySchema } from '../domain/staff/technology';
import { studentSchema } from '../domain/student/schema';
import { attendanceSchema } from '../domain/year/attendance';
import { incomingSchema } from '../domain/year/incoming';
import { movementSchema } from '../domain/year/movement';
import { yearStartSchema } from '../domain/year/new-year';
import { yearResultSchema } from '../domain/year/results';
import { roundRecordSchema } from '../domain/year/round';

const text = z.string().min(1);
const bytes = z.union([z.instanceof(Uint8Array), z.instanceof(ArrayBuffer)]);
const file = z.union([z.instanceof(Blob), z.instanceof(Uint8Array)]);

export const rowSchemas: Record<string, z.ZodType> = {
  profile: z.object({ key: z.literal('device'), value: deviceProfileSchema }),
  settings: z.looseObject({ key: text }),
  students: studentSchema.extend({ updatedAt: z.string(), revision: z.number().int() }),
  rooms: z.looseObject({ key: text, grade: z.string(), room: z.string() }),
  users: userSchema,
  audit: auditEntrySchema,
  dismissedPairs: z.looseObject({ key: text, at: z.string(), userId: z.string() }),
  importPresets: z.looseObject({
    id: text,
    name: z.string(),
    headers: z.array(z.string()),
    columns: z.record(z.string(), z.string()),
  }),
  corrections: correctionSchema.extend({ evidence: z.array(z.looseObject({ bytes })) }),
  movements: movementSchema,
  rounds: z.union([roundRecordSchema, yearStartSchema]),
  attendance: attendanceSchema,
  results: yearResultSchema,
  incoming: incomingSchema,
  keys: z.looseObject({
    keyid: text,
    role: z.string(),
    userId: z.string().nullable(),
    spki: text,
    wrapped: z.looseObject({ keyid: text }),
  }),
  trust: trustedKeySchema.extend({
    enrolledAt: z.string(),
    enrolledBy: z.string(),
    source: z.enum(['file', 'bundle', 'list']),
    revokedAt: z.string().nullable(),
  }),
  bundles: z.looseObject({
    id: text,
    school: z.string(),
    kind: z.string(),
    direction: z.enum(['in', 'out']),
    status: z.enum(['accepted', 'held', 'rejected', 'made']),
    chain: z.string(),
    fileName: z.string(),
    receivedAt: z.string(),
    file,
    roster: z.instanceof(Blob).nullable(),
  }),
  districtSchools: districtSchoolSchema.extend({ source: z.enum(['list', 'bundle']), updatedAt: z.string() }),
  findings: findingSchema.extend({ bundleId: text, academicYear: z.number().int(), receivedAt: z.string() }),
  measurements: measurementSchema,
  measureSessions: measureSessionSchema,
  ops: operationSchema.extend({ id: text }),
  photos: photoSchema.extend({ size: z.number().int().nonnegative() }),
  screenings: screeningSchema.extend({ updatedAt: z.string(), updatedBy: z.string() }),
  staff: staffSchema.extend({ updatedAt: z.string(), updatedBy: z.string() }),
  technology: technologySchema,
  sites: z.looseObject({ year: z.number().int(), site: siteSchema, updatedAt: z.string() }),
  buildings: z.looseObject({ key: text, year: z.number().int(), building: buildingSchema, updatedAt: z.string() }),
  equipmentCounts: equipmentSchema,
  assetSurveys: assetSurveySchema,
};

export interface RowProblem {
  store: string;
  index: number;
  path: string;
  message: string;
}

/** The first problem of each store whose rows do not fit; a store with no schema here is refused whole. */
export function checkRows(stores: Record<string, readonly unknown[]>): RowProblem[] {
  const out: RowProblem[] = [];
  for (const [store, rows] of Object.entries(stores)) {
    const schema = rowSchemas[store];
    if (!schema) {
      out.push({ store, index: -1, path: '', message: 'no row schema for this store' });
      continue;
    }
    for (let i = 0; i < rows.length; i++) {
      const r = schema.safeParse(rows[i]);
      if (r.success) continue;
      const issue = r.error.issues[0];
      out.push({ store, index: i, path: issue?.path.join('.') ?? '', message: issue?.message ?? 'invalid' });
      break;
    }
  }
  return out;
}
