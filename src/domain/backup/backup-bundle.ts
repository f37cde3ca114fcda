// A backup: the whole database as a `backup` bundle (bundle-v1), signed by the device ("export") and
// encrypted with the spec's ECDH-ES scheme to a key made for this one backup, whose private half travels
// in the statement wrapped by the passphrase (tabian-wrapped-key/1: PBKDF2-SHA-256 ≥ 600,000 → AES-256-GCM).
// The database rides in payload/school.json (schema school/1) as the extra field `database`, which
// readers of version 1 ignore; so a backup verifies with the same verifyBundle and `tabian bundle verify`.
import { z } from 'zod';
import { fromUtf8, utf8, type Bytes } from '../bundle/bytes';
import { createBundle } from '../bundle/create';
import { generateSigningKey, type SigningKey } from '../bundle/keys';
import { unwrapPrivateKey, wrapPrivateKey, wrappedKeySchema, WRAP_ITERATIONS } from '../bundle/key-wrap';
import { schoolPayloadSchema, type PayloadFile } from '../bundle/payloads';
import type { Statement } from '../bundle/statement';
import { inspectBundle, verifyBundle } from '../bundle/verify';

export const BACKUP_KEY_FIELD = 'passphraseKey';
/** A passphrase shorter than this is refused: the file alone must not give the data away. */
export const MIN_BACKUP_PASSPHRASE = 10;
/** A file asking for more PBKDF2 rounds than this would hold the screen for minutes: refused unread. */
export const MAX_BACKUP_ITERATIONS = 10 * WRAP_ITERATIONS;

/** Every store's rows as JSON values (Blobs and bytes already encoded, see encodeValue). */
export const databaseDumpSchema = z.object({
  version: z.number().int().positive(),
  stores: z.record(z.string(), z.array(z.unknown())),
});
export type DatabaseDump = z.infer<typeof databaseDumpSchema>;

export interface BackupInput {
  dump: DatabaseDump;
  school: z.input<typeof schoolPayloadSchema>;
  academicYear: number;
  asOf: string;
  sequence: number;
  previous: string | null;
  device: { key: SigningKey; name: string };
  passphrase: string;
  now: Date;
  bundleId: string;
  app: Statement['app'];
  random: (n: number) => Bytes;
  iterations?: number;
}

export async function makeBackup(
  input: BackupInput,
): Promise<{ bytes: Bytes; statement: Statement; statementSha256: string }> {
  if (input.passphrase.length < MIN_BACKUP_PASSPHRASE) throw new RangeError('passphrase too short');
  const recipient = await generateSigningKey(true);
  const wrapped = await wrapPrivateKey(
    recipient.privateKey,
    recipient,
    input.passphrase,
    input.random,
    input.iterations ?? WRAP_ITERATIONS,
  );
  const school = schoolPayloadSchema.parse(input.school);
  // Written by hand, not by payloadFile: the schema would strip the `database` field.
  const file: PayloadFile = {
    path: 'payload/school.json',
    schema: 'school/1',
    bytes: utf8(JSON.stringify({ ...school, database: input.dump })),
    records: 1,
  };
  const at = input.now.toISOString();
  const counts: Statement['counts'] = {
    stores: Object.keys(input.dump.stores).length,
    students: input.dump.stores['students']?.length ?? 0,
    [BACKUP_KEY_FIELD]: wrapped,
  };
  const created = await createBundle(
    {
      kind: 'backup',
      bundleId: input.bundleId,
      createdAt: at,
      app: input.app,
      school: { code: school.code, smis: school.smis, name: school.name },
      district: school.district,
      academicYear: input.academicYear,
      round: null,
      asOf: input.asOf,
      sequence: input.sequence,
      previous: input.previous,
      counts,
      files: [file],
      signers: [{ key: input.device.key, role: 'device', name: input.device.name, act: 'export', at }],
      encryptTo: { keyid: recipient.keyid, spki: recipient.spki },
    },
    input.random,
  );
  return { bytes: created.bytes, statement: created.statement, statementSha256: created.statementSha256 };
}

export type BackupProblem = 'backup.file' | 'backup.passphrase' | 'backup.damaged';
export type OpenedBackup =
  { ok: true; dump: DatabaseDump; statement: Statement } | { ok: false; problem: BackupProblem; detail: string | null };

/**
 * Reads a backup: the statement, the passphrase opens the wrapped key, then the whole bundle is verified
 * (signatures, hashes, decryption, schemas) before anything is returned. Trust and chain are not checked:
 * the old device's key is not enrolled anywhere, and a backup stands on its own.
 */
function databaseOf(text: string | null): unknown {
  try {
    return text === null ? null : (JSON.parse(text) as { database?: unknown }).database;
  } catch {
    return null;
  }
}

export async function openBackup(bytes: Bytes, passphrase: string): Promise<OpenedBackup> {
  const looked = await inspectBundle(bytes);
  if (!looked.statement) return { ok: false, problem: 'backup.file', detail: looked.reason };
  if (looked.statement.kind !== 'backup' || !looked.statement.encryption)
    return { ok: false, problem: 'backup.file', detail: `kind ${looked.statement.kind}` };
  const wrapped = wrappedKeySchema.safeParse(looked.statement.counts[BACKUP_KEY_FIELD]);
  if (!wrapped.success) return { ok: false, problem: 'backup.file', detail: 'no passphrase key' };
  if (wrapped.data.iterations > MAX_BACKUP_ITERATIONS)
    return { ok: false, problem: 'backup.file', detail: `${wrapped.data.iterations} PBKDF2 iterations` };
  if (wrapped.data.keyid !== looked.statement.encryption.recipient)
    return { ok: false, problem: 'backup.damaged', detail: 'passphrase key is not the recipient' };
  const privateKey = await unwrapPrivateKey(wrapped.data, passphrase, 'decrypt');
  if (!privateKey) return { ok: false, problem: 'backup.passphrase', detail: null };
  const verified = await verifyBundle(bytes, { decryptionKey: { keyid: wrapped.data.keyid, privateKey } });
  if (!verified.valid || !verified.payload || !verified.statement)
    return { ok: false, problem: 'backup.damaged', detail: `${verified.reason}: ${verified.detail ?? ''}` };
  const file = verified.payload.find((f) => f.schema === 'school/1');
  const text = file ? fromUtf8(file.bytes) : null;
  const dump = databaseDumpSchema.safeParse(databaseOf(text));
  if (!dump.success) return { ok: false, problem: 'backup.damaged', detail: 'no database in payload/school.json' };
  return { ok: true, dump: dump.data, statement: verified.statement };
}
