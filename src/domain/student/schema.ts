// The student record, version 1: everything DMC keeps about a student (../shared/data/dmc-headers/).
// The minimum common fields of bundle-v1 (`student/1`) are top-level under the bundle's own names.
// Presence is not the schema's job: a draft with an empty name or no grade is a valid record, and the
// validation rules (src/domain/validation) say what must be filled before confirmation.
import { z } from 'zod';
import type { RecordHistory } from '../record-history';
import { codeSchema, gradeCodeSchema, sexCodeSchema } from '../codes';
import { idTypeSchema } from '../ids';
import { isoDateSchema } from '../thai-date';
import { addressesSchema } from './address';
import { familySchema } from './family';
import { healthSchema, welfareSchema } from './welfare';

export const STUDENT_SCHEMA_VERSION = 1;

export const STUDENT_STATUSES = ['active', 'transferred-out', 'withdrawn', 'graduated', 'dead'] as const;
export const studentStatusSchema = z.enum(STUDENT_STATUSES);
export type StudentStatus = z.infer<typeof studentStatusSchema>;

export const studentSchema = z.object({
  // `schemaVersion`, not `version`: a record's edit revision may want that name when devices sync.
  // Defaults to 1 because bundle payloads name their schema per file ("student/1"), not per record.
  schemaVersion: z.literal(STUDENT_SCHEMA_VERSION).default(STUDENT_SCHEMA_VERSION),
  /** Stable key of the record: a UUID in the app; outside files may bring their own. */
  id: z.string().min(1),

  idType: idTypeSchema,
  idNo: z.string(),
  /** เลขประจำตัวนักเรียน, the school's own number. */
  studentNo: z.string().default(''),
  /** The label (เด็กหญิง), as bundles carry it. */
  prefix: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  firstNameEn: z.string().default(''),
  lastNameEn: z.string().default(''),
  sex: sexCodeSchema.nullable(),
  birthDate: isoDateSchema.nullable(),
  bloodGroup: codeSchema('bloodGroup').nullable().default(null),
  nationality: codeSchema('nationality').nullable().default(null),
  // DMC's เชื้อชาติ uses the nationality list.
  ethnicity: codeSchema('nationality').nullable().default(null),
  religion: codeSchema('religion').nullable().default(null),

  grade: gradeCodeSchema.nullable(),
  room: z.string(),
  status: studentStatusSchema,
  /** The date the student entered this school. */
  enteredOn: isoDateSchema.nullable().default(null),

  family: familySchema.prefault({}),
  addresses: addressesSchema.prefault({}),
  welfare: welfareSchema.prefault({}),
  health: healthSchema.prefault({}),

  // Both below are left out unless needed, so records without them stay byte-for-byte as before.
  /** What a file wrote in a field that matched no code or was impossible, by record path ("family.mother.occupation"
   * → "ค้าขาย"): the field itself is blank, the text is kept and shown until someone picks a value. */
  // null (a removal as the change history and sync carry it) reads as absent.
  unmatched: z
    .record(z.string(), z.string())
    .nullish()
    .transform((v) => v ?? undefined)
    .optional(),
  /** A 13-digit number kept although it fails its check, with the user's reason; it covers only that number. */
  idOverride: z
    .object({ idNo: z.string(), reason: z.string().trim().min(1) })
    .nullish()
    .transform((v) => v ?? undefined)
    .optional(),
});
export type Student = z.infer<typeof studentSchema>;

/**
 * How a stored or received student record of an older version becomes the current one (record-history.ts):
 * `upgrades[n]` takes version n − 1 to n. Version 1 is the first; a change to the shape above adds a step here.
 */
export const studentHistory: RecordHistory = { name: 'student', version: STUDENT_SCHEMA_VERSION, upgrades: {} };
export type StudentInput = z.input<typeof studentSchema>;

/** The bundle's minimum fields, blank: what a new record starts from. */
const blankMinimum = {
  idType: 'I',
  idNo: '',
  prefix: '',
  firstName: '',
  lastName: '',
  sex: null,
  birthDate: null,
  grade: null,
  room: '',
  status: 'active',
} as const satisfies Omit<StudentInput, 'id'>;

/** A new record for the UI and tests; throws if `fields` do not fit the schema. */
export function newStudent(id: string, fields: Partial<Omit<StudentInput, 'id'>> = {}): Student {
  return studentSchema.parse({ ...blankMinimum, ...fields, id });
}
