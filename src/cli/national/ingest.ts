// Ingesting school submissions into the national database with the app's own verification (readIncoming:
// signatures, trust, decryption). A file already ingested (same SHA-256) changes nothing.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Bytes } from '../../domain/bundle/bytes';
import type { TrustList } from '../../domain/bundle/trust';
import type { DecryptionKey } from '../../domain/bundle/verify-files';
import { readIncoming, type Incoming } from '../../domain/district/incoming';
import { countedOn } from '../../domain/district/roster';
import { normaliseThaiName } from '../../domain/duplicates/thai-normalise';
import { isValidCitizenId, normaliseIdInput } from '../../domain/ids';

export interface IngestFile { name: string; read: () => Promise<Bytes> }
export interface IngestOptions { trust: TrustList; decryptionKeys: readonly DecryptionKey[]; now: Date; progress?: (done: number, total: number) => void }
export interface IngestResult { accepted: number; rejected: number; skipped: number; students: number }

const statusOf = (i: Incoming): string => {
  const acts = i.statement!.attestations.map((a) => a.act);
  return acts.includes('certify') ? 'certified' : acts.includes('confirm-existence') ? 'confirmed' : 'submitted';
};

async function known(c: DuckDBConnection, sha: string): Promise<boolean> {
  const r = await c.runAndReadAll('SELECT 1 FROM bundles WHERE file_sha256 = $1 UNION ALL SELECT 1 FROM rejected WHERE file_sha256 = $1', [sha]);
  return r.currentRowCount > 0;
}

async function store(c: DuckDBConnection, file: string, i: Incoming, now: Date): Promise<number> {
  const s = i.statement!;
  const asOf = s.asOf;
  const rows = i.roster?.rows ?? [];
  const appender = await c.createAppender('students');
  let counted = 0;
  for (const r of rows) {
    const [id, idType, idNo, prefix, first, last, sex, birth, grade, status, enteredOn] = r;
    const isCounted = countedOn(r, asOf);
    if (isCounted) counted++;
    const norm = normaliseIdInput(idNo);
    appender.appendVarchar(i.fileSha256); appender.appendVarchar(s.school.code); appender.appendVarchar(s.district.code);
    appender.appendInteger(s.academicYear); appender.appendVarchar(s.round ?? ''); appender.appendVarchar(id);
    appender.appendVarchar(idType); appender.appendVarchar(norm); appender.appendBoolean(isValidCitizenId(norm));
    appender.appendVarchar(prefix); appender.appendVarchar(first); appender.appendVarchar(last); appender.appendVarchar(sex);
    appender.appendVarchar(birth); appender.appendVarchar(grade); appender.appendVarchar(status); appender.appendVarchar(enteredOn);
    appender.appendBoolean(isCounted); appender.appendVarchar(normaliseThaiName(first)); appender.appendVarchar(normaliseThaiName(last));
    appender.appendVarchar(normaliseThaiName(`${first}${last}`));
    appender.endRow();
  }
  appender.closeSync();
  await c.run(
    `INSERT INTO bundles VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::DATE, $12, $13, $14::TIMESTAMP)`,
    [i.fileSha256, file, i.statementSha256!, s.school.code, s.school.name, s.district.code, s.district.name, s.academicYear, s.round ?? '', s.sequence, asOf, statusOf(i), counted, now.toISOString()],
  );
  return counted;
}

export async function ingestFiles(c: DuckDBConnection, files: readonly IngestFile[], opts: IngestOptions): Promise<IngestResult> {
  const result: IngestResult = { accepted: 0, rejected: 0, skipped: 0, students: 0 };
  for (const [n, f] of files.entries()) {
    const incoming = await readIncoming(await f.read(), { trust: opts.trust, decryptionKeys: opts.decryptionKeys, kinds: ['submission'] });
    if (await known(c, incoming.fileSha256)) result.skipped++;
    else if (!incoming.valid) {
      await c.run('INSERT INTO rejected VALUES ($1, $2, $3, $4)', [incoming.fileSha256, f.name, incoming.reason ?? 'unknown', incoming.detail ?? '']);
      result.rejected++;
    } else {
      // One transaction per bundle: a crash never leaves a bundle's students without its row, or the reverse.
      await c.run('BEGIN TRANSACTION');
      try {
        result.students += await store(c, f.name, incoming, opts.now);
        await c.run('COMMIT');
      } catch (e) {
        await c.run('ROLLBACK');
        throw e;
      }
      result.accepted++;
    }
    opts.progress?.(n + 1, files.length);
  }
  return result;
}
