// What a receiver has enrolled (`tabian-trust/1`), and the one-key file a signer hands over to be
// enrolled (`tabian-public-key/1`): a trust-list entry plus its fingerprint.
import { z } from 'zod';
import { fingerprintOf } from './keys';
import { base64Schema, hex64, ROLES, type KeyEntry, type Statement } from './statement';

export const TRUST_FORMAT = 'tabian-trust/1';
export const PUBLIC_KEY_FORMAT = 'tabian-public-key/1';

export const trustedKeySchema = z.object({
  keyid: hex64,
  alg: z.literal('ES256'),
  spki: base64Schema,
  role: z.enum(ROLES),
  name: z.string().min(1),
  /** The school the key signs for; null for a district or national key. */
  school: z
    .string()
    .regex(/^\d{10}$/)
    .nullable(),
  /**
   * For a district key trusted above the district (decision 32): the one district it signs for. Left out
   * in a district's own lists; a district export is trusted only through a key that names its district.
   */
  district: z.string().min(1).optional(),
});
export type TrustedKey = z.infer<typeof trustedKeySchema>;

export const trustListSchema = z.object({ format: z.literal(TRUST_FORMAT), keys: z.array(trustedKeySchema) });
export type TrustList = z.infer<typeof trustListSchema>;

/** The district office a district key belongs to (decision 0025): a school's submissions carry its code. */
export const keyOfficeSchema = z.object({ code: z.string().regex(/^\d{2,10}$/), name: z.string().min(1) });
export type KeyOffice = z.infer<typeof keyOfficeSchema>;

/** `office`: only in a district key's file, and absent from files written before decision 0025. */
export const publicKeyFileSchema = trustedKeySchema.extend({
  format: z.literal(PUBLIC_KEY_FORMAT),
  fingerprint: z.string(),
  office: keyOfficeSchema.optional(),
});
export type PublicKeyFile = z.infer<typeof publicKeyFileSchema>;

export function publicKeyFile(key: TrustedKey, office?: KeyOffice): PublicKeyFile {
  return {
    format: PUBLIC_KEY_FORMAT,
    ...key,
    fingerprint: fingerprintOf(key.keyid),
    ...(office && key.role === 'district' ? { office } : {}),
  };
}

/**
 * A key is trusted for a bundle when it is enrolled with the same SPKI and role, for the bundle's school;
 * a findings bundle comes from the district, so its keys are enrolled with school null. A district export
 * is trusted only through an entry naming its district (per-district trust above the district).
 */
export function isTrusted(
  list: TrustList,
  key: KeyEntry,
  statement: Pick<Statement, 'kind' | 'school'> & { district?: Statement['district'] },
): boolean {
  const school = statement.kind === 'findings' || statement.school === null ? null : statement.school.code;
  return list.keys.some(
    (k) =>
      k.keyid === key.keyid &&
      k.spki === key.spki &&
      k.role === key.role &&
      k.school === school &&
      (statement.kind !== 'district-export' || k.district === statement.district?.code),
  );
}
