// The signed statement of bundle-v1 (../shared/specs/bundle-v1.md, "The statement"): its schema, and
// which attestations each kind of bundle needs.
import { z } from 'zod';
import { ROUNDS } from '../calendar';
import { isoDateSchema } from '../thai-date';
import { fromBase64, isLowerHex } from './bytes';
import { unsafeNameReason } from './zip-names';

export const FORMAT = 'tabian-bundle/1';
export const STATEMENT_ENTRY = 'statement.dsse.json';
export const CIPHERTEXT_ENTRY = 'payload.enc';
export const KINDS = [
  'submission',
  'sync',
  'findings',
  'backup',
  'transfer',
  'district-export',
  'national-findings',
  'full-records',
] as const;
export const ROLES = ['staff', 'director', 'device', 'district', 'national'] as const;
export const ACTS = ['confirm-existence', 'certify', 'export', 'acknowledge', 'findings', 'forward'] as const;
/** Kinds a district office or the national office makes about a district, not about one school: `school` is null. */
export const DISTRICT_KINDS: readonly Kind[] = ['district-export', 'national-findings'];
// The rounds' one list lives with the calendar; re-exported for the statement's readers.
export { ROUNDS } from '../calendar';
export type Kind = (typeof KINDS)[number];
export type Role = (typeof ROLES)[number];
export type Act = (typeof ACTS)[number];

/** The acts each role may attest. */
export const ACTS_OF_ROLE: Readonly<Record<Role, readonly Act[]>> = {
  staff: ['confirm-existence'],
  director: ['certify'],
  device: ['export'],
  district: ['acknowledge', 'findings', 'forward'],
  // The province or national office signs only the findings it sends back to a district (decision 32).
  national: ['findings'],
};

/** Per kind, the acts that must be attested: each inner list is "one of these". */
export const REQUIRED_ACTS: Readonly<Record<Kind, readonly (readonly Act[])[]>> = {
  submission: [['confirm-existence'], ['certify']],
  sync: [['export']],
  findings: [['acknowledge', 'findings']],
  backup: [['export']],
  // A transfer is handed over by the sending school's device (decision 24): no PIN stands between a
  // departing child and the letter, and the receiver compares the fingerprint anyway.
  transfer: [['export']],
  // A district forwards its accepted round above (decision 32); the schools' own signatures travel inside.
  'district-export': [['forward']],
  'national-findings': [['findings']],
  // Screenings with names and incomes, and full photos (decision 0038): vouched for like a submission.
  'full-records': [['confirm-existence'], ['certify']],
};

export const hex64 = z.string().refine((s) => isLowerHex(s, 64), 'expected 64 lowercase hex digits');
export const base64Schema = z.string().refine((s) => fromBase64(s) !== null, 'expected standard base64');
const datetime = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();
const payloadPath = z
  .string()
  .refine(
    (p) => p.startsWith('payload/') && !p.endsWith('/') && unsafeNameReason(p) === null,
    'expected a safe name under payload/',
  );

export const keyEntrySchema = z.object({
  keyid: hex64,
  alg: z.literal('ES256'),
  spki: base64Schema,
  role: z.enum(ROLES),
  name: z.string().min(1),
});
export type KeyEntry = z.infer<typeof keyEntrySchema>;

export const attestationSchema = z.object({
  role: z.enum(ROLES),
  name: z.string().min(1),
  keyid: hex64,
  act: z.enum(ACTS),
  at: datetime,
});
export type Attestation = z.infer<typeof attestationSchema>;

export const fileEntrySchema = z.object({
  path: payloadPath,
  sha256: hex64,
  bytes: count,
  records: count,
  schema: z.string().min(1),
});
export type FileEntry = z.infer<typeof fileEntrySchema>;

export const ENCRYPTION_ALG = 'ECDH-ES+HKDF-SHA256+A256KW/A256GCM';
export const encryptionSchema = z.object({
  alg: z.literal(ENCRYPTION_ALG),
  recipient: hex64,
  epk: base64Schema,
  wrappedKey: base64Schema.refine((s) => fromBase64(s)?.length === 40, 'expected 40 bytes (a wrapped 256-bit key)'),
  iv: base64Schema.refine((s) => fromBase64(s)?.length === 12, 'expected 12 bytes'),
  ciphertext: z.object({ path: z.literal(CIPHERTEXT_ENTRY), sha256: hex64, bytes: count }),
});
export type Encryption = z.infer<typeof encryptionSchema>;

const unique = <T>(items: readonly T[], key: (t: T) => string) => new Set(items.map(key)).size === items.length;

export const statementSchema = z
  .object({
    format: z.literal(FORMAT),
    kind: z.enum(KINDS),
    bundleId: z.uuid(),
    createdAt: datetime,
    app: z.object({ name: z.string().min(1), version: z.string().min(1) }),
    school: z
      .object({ code: z.string().regex(/^\d{10}$/), smis: z.string().regex(/^\d{8}$/), name: z.string().min(1) })
      .nullable(),
    district: z.object({ code: z.string(), name: z.string() }),
    academicYear: z.number().int().min(2400).max(2800),
    round: z.enum(ROUNDS).nullable(),
    asOf: isoDateSchema,
    sequence: z.number().int().positive(),
    previous: hex64.nullable(),
    files: z.array(fileEntrySchema).refine((f) => unique(f, (x) => x.path), 'two files with one path'),
    counts: z.record(z.string(), z.unknown()),
    keys: z
      .array(keyEntrySchema)
      .min(1)
      .refine((k) => unique(k, (x) => x.keyid), 'a key listed twice'),
    attestations: z.array(attestationSchema),
    encryption: encryptionSchema.nullable(),
  })
  .superRefine((s, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if ((s.sequence === 1) !== (s.previous === null)) issue('previous', 'null exactly when sequence is 1');
    if (
      (s.kind === 'sync' || s.kind === 'backup' || s.kind === 'transfer' || s.kind === 'full-records') &&
      s.round !== null
    )
      issue('round', `null for a ${s.kind} bundle`);
    // Names, incomes and homes leave the school only sealed to the district (decision 0038).
    if (s.kind === 'full-records' && s.encryption === null)
      issue('encryption', 'a full-records bundle is encrypted to the district');
    if ((s.kind === 'submission' || DISTRICT_KINDS.includes(s.kind)) && s.round === null)
      issue('round', `a ${s.kind} names its round`);
    const districtLevel = DISTRICT_KINDS.includes(s.kind);
    if (districtLevel !== (s.school === null))
      issue('school', districtLevel ? `null for a ${s.kind} bundle` : 'a school bundle names its school');
    if (districtLevel && s.district.code === '') issue('district', `a ${s.kind} names its district`);
  });
export type Statement = z.infer<typeof statementSchema>;

/** The school of a school-level bundle (every kind but DISTRICT_KINDS, where the schema makes it null). */
export function schoolOf(s: Pick<Statement, 'school' | 'kind'>): NonNullable<Statement['school']> {
  if (!s.school) throw new Error(`a ${s.kind} bundle names no school`);
  return s.school;
}
