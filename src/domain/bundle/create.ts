// Making a bundle: payload files and statement fields in, the signed .tabian bytes out.
// Time, bundleId and random bytes are arguments, so the same input gives the same statement.
import { toBase64, utf8, type Bytes } from './bytes';
import { signStatement } from './dsse';
import { encryptPayload } from './encrypt';
import { sha256Hex } from './hash';
import type { SigningKey } from './keys';
import type { PayloadFile } from './payloads';
import {
  CIPHERTEXT_ENTRY,
  FORMAT,
  STATEMENT_ENTRY,
  statementSchema,
  type Act,
  type Encryption,
  type Role,
  type Statement,
} from './statement';
import { writeZip, type ZipEntry } from './zip-write';

/** The media type of a .tabian file, wherever one is downloaded, shared, stored as a Blob or picked. */
export const BUNDLE_MEDIA_TYPE = 'application/vnd.tabian.bundle';

export interface BundleSigner {
  key: SigningKey;
  role: Role;
  name: string;
  act: Act;
  /** When this person attested (RFC 3339 with offset). */
  at: string;
}

export interface BundleInput {
  kind: Statement['kind'];
  bundleId: string;
  createdAt: string;
  app: Statement['app'];
  school: Statement['school'];
  district: Statement['district'];
  academicYear: number;
  round: Statement['round'];
  asOf: string;
  sequence: number;
  previous: string | null;
  counts: Statement['counts'];
  files: readonly PayloadFile[];
  signers: readonly BundleSigner[];
  /** The district key to encrypt to (its keyid and SPKI), or null for a plain bundle. */
  encryptTo: { keyid: string; spki: Bytes } | null;
}

export interface CreatedBundle {
  bytes: Bytes;
  statement: Statement;
  statementBytes: Bytes;
  /** SHA-256 of the statement bytes: the next bundle's `previous`. */
  statementSha256: string;
}

/** Signs `statement` exactly as given and zips it with `entries`; no checks (tests use it to make bad bundles). */
export async function sealBundle(
  statement: unknown,
  keys: readonly SigningKey[],
  entries: readonly ZipEntry[],
): Promise<{ bytes: Bytes; statementBytes: Bytes }> {
  const statementBytes = utf8(JSON.stringify(statement));
  const envelope = await signStatement(statementBytes, keys);
  return { bytes: writeZip([{ name: STATEMENT_ENTRY, data: envelope }, ...entries]), statementBytes };
}

function signingKeys(signers: readonly BundleSigner[]): Map<string, BundleSigner> {
  const byKey = new Map<string, BundleSigner>();
  for (const s of signers) {
    const first = byKey.get(s.key.keyid);
    if (first && first.role !== s.role) throw new Error(`one key cannot sign as ${first.role} and ${s.role}`);
    if (!first) byKey.set(s.key.keyid, s);
  }
  return byKey;
}

/** `random(n)`: n random bytes (crypto.getRandomValues in the app), for the content key and IVs. */
export async function createBundle(input: BundleInput, random: (n: number) => Bytes): Promise<CreatedBundle> {
  const payload = [...input.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const files = await Promise.all(
    payload.map(async (f) => ({
      path: f.path,
      sha256: await sha256Hex(f.bytes),
      bytes: f.bytes.length,
      records: f.records,
      schema: f.schema,
    })),
  );
  let entries: ZipEntry[] = payload.map((f) => ({ name: f.path, data: f.bytes }));
  let encryption: Encryption | null = null;
  if (input.encryptTo) {
    const { ciphertext, header } = await encryptPayload(writeZip(entries), input.bundleId, input.encryptTo, random);
    encryption = {
      ...header,
      ciphertext: { path: CIPHERTEXT_ENTRY, sha256: await sha256Hex(ciphertext), bytes: ciphertext.length },
    };
    entries = [{ name: CIPHERTEXT_ENTRY, data: ciphertext }];
  }
  const byKey = signingKeys(input.signers);
  // Keys in the order of the spec's table, so every bundle's statement reads the same way.
  const statement: Statement = {
    format: FORMAT,
    kind: input.kind,
    bundleId: input.bundleId,
    createdAt: input.createdAt,
    app: input.app,
    school: input.school,
    district: input.district,
    academicYear: input.academicYear,
    round: input.round,
    asOf: input.asOf,
    sequence: input.sequence,
    previous: input.previous,
    files,
    counts: input.counts,
    keys: [...byKey.values()].map((s) => ({
      keyid: s.key.keyid,
      alg: 'ES256',
      spki: toBase64(s.key.spki),
      role: s.role,
      name: s.name,
    })),
    attestations: input.signers.map((s) => ({ role: s.role, name: s.name, keyid: s.key.keyid, act: s.act, at: s.at })),
    encryption,
  };
  statementSchema.parse(statement);
  const { bytes, statementBytes } = await sealBundle(
    statement,
    [...byKey.values()].map((s) => s.key),
    entries,
  );
  return { bytes, statement, statementBytes, statementSha256: await sha256Hex(statementBytes) };
}
