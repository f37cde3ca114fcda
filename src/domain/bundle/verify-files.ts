// Steps 4 and 5 of verification: the archive holds exactly the stated files, and after decryption
// (if any) every record parses against its schema.
import type { Bytes } from './bytes';
import { decryptPayload } from './encrypt';
import { sha256Hex } from './hash';
import { fingerprintOf, type Key } from './keys';
import { parsePayloadFile, type PayloadRecord, type PayloadSchemaName } from './payloads';
import { Rejection } from './reasons';
import { CIPHERTEXT_ENTRY, STATEMENT_ENTRY, type Statement } from './statement';
import { openZip, ZipRefusal, type ZipDirectory, type ZipLimits } from './zip-read';

export interface VerifiedFile {
  path: string;
  schema: PayloadSchemaName;
  /** The plaintext bytes, exactly as signed. */
  bytes: Bytes;
  /** Each record as its schema parses it (defaults filled in). */
  records: unknown[];
}

/** The records of every verified file of one schema, typed by that schema. */
export function recordsOf<N extends PayloadSchemaName>(
  payload: readonly VerifiedFile[],
  schema: N,
): PayloadRecord<N>[] {
  return payload.filter((f) => f.schema === schema).flatMap((f) => f.records as PayloadRecord<N>[]);
}

/** The district's private key for ECDH, and its keyid (which an encrypted bundle names as recipient). */
export interface DecryptionKey {
  keyid: string;
  privateKey: Key;
}

/** The content key of an encrypted bundle wrapped again to another recipient (a district export's `key-grant/1`). */
export interface ContentKeyGrant {
  recipient: string;
  epk: string;
  wrappedKey: string;
}

type Expected = readonly { path: string; sha256: string; bytes: number }[];

/**
 * Each expected file is present with the size the signed statement gives, and nothing else is (apart from
 * `ignore`), all from the directory's declared sizes: nothing is unpacked before these hold.
 */
function checkDeclared(expected: Expected, zip: ZipDirectory, ignore: string | null): void {
  for (const f of expected) {
    const size = zip.sizes.get(f.path);
    if (size === undefined) throw new Rejection('file.missing', f.path);
    if (size !== f.bytes) throw new Rejection('file.size', `${f.path}: ${size} bytes, statement says ${f.bytes}`);
  }
  const names = new Set(expected.map((f) => f.path));
  for (const name of zip.sizes.keys()) {
    if (name !== ignore && !names.has(name)) throw new Rejection('file.extra', name);
  }
}

/** Unpacks the expected files (each bounded by its signed size) and checks each hash. */
async function readChecked(expected: Expected, zip: ZipDirectory, where = ''): Promise<Map<string, Bytes>> {
  const out = new Map<string, Bytes>();
  for (const f of expected) {
    let data: Bytes;
    try {
      data = zip.read(f.path);
    } catch (e) {
      if (e instanceof ZipRefusal) throw new Rejection(e.reason, `${where}${e.detail}`);
      throw e;
    }
    if ((await sha256Hex(data)) !== f.sha256) throw new Rejection('file.hash', f.path);
    out.set(f.path, data);
  }
  return out;
}

/** Step 5: decrypts when needed (checking the inner archive as strictly as the outer one), then parses every record. */
export async function readPayload(
  statement: Statement,
  entries: ReadonlyMap<string, Bytes>,
  key: DecryptionKey | null,
  limits: ZipLimits,
  grant: ContentKeyGrant | null = null,
): Promise<VerifiedFile[]> {
  let plain = entries;
  // A grant (decision 32) stands in for the wrapped key only: the IV and the signed ciphertext stay the school's.
  const enc = statement.encryption && grant ? { ...statement.encryption, ...grant } : statement.encryption;
  if (enc) {
    if (!key) throw new Rejection('decrypt.key-missing', `recipient ${fingerprintOf(enc.recipient)}`);
    if (key.keyid !== enc.recipient)
      throw new Rejection(
        'decrypt.recipient',
        `recipient ${fingerprintOf(enc.recipient)}, key given ${fingerprintOf(key.keyid)}`,
      );
    const zip = await decryptPayload(entries.get(CIPHERTEXT_ENTRY)!, statement.bundleId, enc, key.privateKey);
    if (!zip) throw new Rejection('decrypt.failed', CIPHERTEXT_ENTRY);
    const inner = openZip(zip, limits);
    if (!inner.ok) throw new Rejection(inner.reason, `${CIPHERTEXT_ENTRY}: ${inner.detail}`);
    checkDeclared(statement.files, inner.zip, null);
    plain = await readChecked(statement.files, inner.zip, `${CIPHERTEXT_ENTRY}: `);
  }
  return statement.files.map((f) => {
    const bytes = plain.get(f.path)!;
    const parsed = parsePayloadFile(f, bytes);
    if (!parsed.ok) throw new Rejection(parsed.reason, parsed.detail);
    // An older version of a record type is read as the current one (its records were upgraded).
    return { path: f.path, schema: parsed.schema, bytes, records: parsed.records };
  });
}

/**
 * Step 4: the archive holds the statement and exactly the stated files (or the ciphertext), of the signed
 * sizes (checked on the declared sizes before anything is unpacked), then of the signed hashes.
 */
export async function checkEntries(statement: Statement, zip: ZipDirectory): Promise<Map<string, Bytes>> {
  const expected = statement.encryption ? [statement.encryption.ciphertext] : statement.files;
  checkDeclared(expected, zip, STATEMENT_ENTRY);
  return readChecked(expected, zip);
}
