// Steps 4 and 5 of verification: the archive holds exactly the stated files, and after decryption
// (if any) every record parses against its schema.
import type { Bytes } from './bytes';
import { decryptPayload } from './encrypt';
import { sha256Hex } from './hash';
import { fingerprintOf, type Key } from './keys';
import { parsePayloadFile, type PayloadRecord, type PayloadSchemaName } from './payloads';
import { Rejection } from './reasons';
import { CIPHERTEXT_ENTRY, STATEMENT_ENTRY, type Statement } from './statement';
import { readZip, type ZipLimits } from './zip-read';

export interface VerifiedFile {
  path: string;
  schema: PayloadSchemaName;
  /** The plaintext bytes, exactly as signed. */
  bytes: Bytes;
  /** Each record as its schema parses it (defaults filled in). */
  records: unknown[];
}

/** The records of every verified file of one schema, typed by that schema. */
export function recordsOf<N extends PayloadSchemaName>(payload: readonly VerifiedFile[], schema: N): PayloadRecord<N>[] {
  return payload.filter((f) => f.schema === schema).flatMap((f) => f.records as PayloadRecord<N>[]);
}

/** The district's private key for ECDH, and its keyid (which an encrypted bundle names as recipient). */
export interface DecryptionKey { keyid: string; privateKey: Key }

/** Each expected file is present with its size and hash; nothing else is, apart from `ignore`. */
async function checkFiles(
  expected: readonly { path: string; sha256: string; bytes: number }[],
  entries: ReadonlyMap<string, Bytes>,
  ignore: string | null,
): Promise<void> {
  for (const f of expected) {
    const data = entries.get(f.path);
    if (!data) throw new Rejection('file.missing', f.path);
    if (data.length !== f.bytes) throw new Rejection('file.size', `${f.path}: ${data.length} bytes, statement says ${f.bytes}`);
    if ((await sha256Hex(data)) !== f.sha256) throw new Rejection('file.hash', f.path);
  }
  const names = new Set(expected.map((f) => f.path));
  for (const name of entries.keys()) {
    if (name !== ignore && !names.has(name)) throw new Rejection('file.extra', name);
  }
}

/** Step 5: decrypts when needed (checking the inner archive as strictly as the outer one), then parses every record. */
export async function readPayload(
  statement: Statement,
  entries: ReadonlyMap<string, Bytes>,
  key: DecryptionKey | null,
  limits: ZipLimits,
): Promise<VerifiedFile[]> {
  let plain = entries;
  const enc = statement.encryption;
  if (enc) {
    if (!key) throw new Rejection('decrypt.key-missing', `recipient ${fingerprintOf(enc.recipient)}`);
    if (key.keyid !== enc.recipient) throw new Rejection('decrypt.recipient', `recipient ${fingerprintOf(enc.recipient)}, key given ${fingerprintOf(key.keyid)}`);
    const zip = await decryptPayload(entries.get(CIPHERTEXT_ENTRY)!, statement.bundleId, enc, key.privateKey);
    if (!zip) throw new Rejection('decrypt.failed', CIPHERTEXT_ENTRY);
    const inner = readZip(zip, limits);
    if (!inner.ok) throw new Rejection(inner.reason, `${CIPHERTEXT_ENTRY}: ${inner.detail}`);
    await checkFiles(statement.files, inner.entries, null);
    plain = inner.entries;
  }
  return statement.files.map((f) => {
    const bytes = plain.get(f.path)!;
    const parsed = parsePayloadFile(f, bytes);
    if (!parsed.ok) throw new Rejection(parsed.reason, parsed.detail);
    return { path: f.path, schema: f.schema as PayloadSchemaName, bytes, records: parsed.records };
  });
}

/** Step 4: the archive holds the statement and exactly the stated files (or the ciphertext). */
export async function checkEntries(statement: Statement, entries: ReadonlyMap<string, Bytes>): Promise<void> {
  await checkFiles(statement.encryption ? [statement.encryption.ciphertext] : statement.files, entries, STATEMENT_ENTRY);
}
