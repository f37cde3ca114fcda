// Writing one verified submission into the national database: its students (with the matching keys), its
// standing movements, and its row in `bundles`. The caller wraps it in a transaction.
import type { DuckDBConnection } from '@duckdb/node-api';
import { schoolOf } from '../../domain/bundle/statement';
import type { Incoming } from '../../domain/district/incoming';
import { countedOn } from '../../domain/district/roster';
import { normaliseThaiName } from '../../domain/duplicates/thai-normalise';
import { isValidCitizenId, normaliseIdInput } from '../../domain/ids';

export const statusOf = (i: Incoming): string => {
  const acts = i.statement!.attestations.map((a) => a.act);
  return acts.includes('certify') ? 'certified' : acts.includes('confirm-existence') ? 'confirmed' : 'submitted';
};

async function appendStudents(c: DuckDBConnection, i: Incoming): Promise<number> {
  const s = i.statement!;
  const school = schoolOf(s).code;
  const appender = await c.createAppender('students');
  let counted = 0;
  for (const r of i.roster?.rows ?? []) {
    const [id, idType, idNo, prefix, first, last, sex, birth, grade, status, enteredOn] = r;
    const isCounted = countedOn(r, s.asOf);
    if (isCounted) counted++;
    const norm = normaliseIdInput(idNo);
    appender.appendVarchar(i.fileSha256); appender.appendVarchar(school); appender.appendVarchar(s.district.code);
    appender.appendInteger(s.academicYear); appender.appendVarchar(s.round ?? ''); appender.appendVarchar(id);
    appender.appendVarchar(idType); appender.appendVarchar(norm); appender.appendBoolean(isValidCitizenId(norm));
    appender.appendVarchar(prefix); appender.appendVarchar(first); appender.appendVarchar(last); appender.appendVarchar(sex);
    appender.appendVarchar(birth); appender.appendVarchar(grade); appender.appendVarchar(status); appender.appendVarchar(enteredOn);
    appender.appendBoolean(isCounted); appender.appendVarchar(normaliseThaiName(first)); appender.appendVarchar(normaliseThaiName(last));
    appender.appendVarchar(normaliseThaiName(`${first}${last}`));
    appender.endRow();
  }
  appender.closeSync();
  return counted;
}

async function appendMovements(c: DuckDBConnection, i: Incoming): Promise<void> {
  const s = i.statement!;
  const appender = await c.createAppender('movements');
  for (const r of i.roster?.rows ?? []) {
    for (const [kind, effectiveOn, other] of r[11]) {
      appender.appendVarchar(i.fileSha256); appender.appendVarchar(schoolOf(s).code); appender.appendVarchar(s.district.code);
      appender.appendInteger(s.academicYear); appender.appendVarchar(s.round ?? ''); appender.appendVarchar(r[0]);
      appender.appendVarchar(kind); appender.appendVarchar(effectiveOn); appender.appendVarchar(other);
      appender.endRow();
    }
  }
  appender.closeSync();
}

/** Stores one accepted submission; `via` is the district export's file SHA-256 it came in ('' when sent directly). */
export async function storeSubmission(c: DuckDBConnection, file: string, i: Incoming, now: Date, via: string): Promise<number> {
  const s = i.statement!;
  const counted = await appendStudents(c, i);
  await appendMovements(c, i);
  const school = schoolOf(s);
  await c.run(
    `INSERT INTO bundles (file_sha256, file, statement_sha256, school, school_name, district, district_name, academic_year, round,
       sequence, as_of, status, students, ingested_at, previous, via, nutrition)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::DATE, $12, $13, $14::TIMESTAMP, $15, $16, $17)`,
    [i.fileSha256, file, i.statementSha256!, school.code, school.name, s.district.code, s.district.name, s.academicYear, s.round ?? '',
      s.sequence, s.asOf, statusOf(i), counted, now.toISOString(), s.previous ?? '', via,
      i.summary?.nutrition ? JSON.stringify(i.summary.nutrition) : ''],
  );
  return counted;
}

/** In one transaction: a crash never leaves a bundle's students without its row, or the reverse. */
export async function inTransaction<T>(c: DuckDBConnection, body: () => Promise<T>): Promise<T> {
  await c.run('BEGIN TRANSACTION');
  try {
    const out = await body();
    await c.run('COMMIT');
    return out;
  } catch (e) {
    await c.run('ROLLBACK');
    throw e;
  }
}
