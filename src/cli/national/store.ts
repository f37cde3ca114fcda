// Writing verified submissions into the national database: their students (with the matching keys), their
// standing movements, and their rows in `bundles`. The rows are computed where the bundle was verified (a
// worker, `verify-pool.ts`), so the main thread only appends; one batch holds one appender per table for a
// whole transaction (a district export's bundles), because each appender's flush is a write of its own.
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { schoolOf } from '../../domain/bundle/statement';
import type { Incoming } from '../../domain/district/incoming';
import { countedOn } from '../../domain/district/roster';
import { normaliseThaiName } from '../../domain/duplicates/thai-normalise';
import { isValidCitizenId, normaliseIdInput } from '../../domain/ids';

export const statusOf = (i: Incoming): string => {
  const acts = i.statement!.attestations.map((a) => a.act);
  return acts.includes('certify') ? 'certified' : acts.includes('confirm-existence') ? 'confirmed' : 'submitted';
};

/** A student's columns after the bundle's own (student_id … name_key), in the table's order. */
type StudentRow = [
  id: string,
  idType: string,
  idNo: string,
  idValid: boolean,
  prefix: string,
  first: string,
  last: string,
  sex: string,
  birth: string,
  grade: string,
  status: string,
  enteredOn: string,
  counted: boolean,
  firstKey: string,
  lastKey: string,
  nameKey: string,
];
type MovementRow = [studentId: string, kind: string, effectiveOn: string, other: string];
export interface SubmissionRows {
  students: StudentRow[];
  movements: MovementRow[];
  counted: number;
}

/** The rows of one verified submission's roster: pure, so the worker that verified it computes them too. */
export function submissionRows(i: Incoming): SubmissionRows {
  const asOf = i.statement!.asOf;
  const students: StudentRow[] = [];
  const movements: MovementRow[] = [];
  let counted = 0;
  for (const r of i.roster?.rows ?? []) {
    const [id, idType, idNo, prefix, first, last, sex, birth, grade, status, enteredOn, moves] = r;
    const isCounted = countedOn(r, asOf);
    if (isCounted) counted++;
    const norm = normaliseIdInput(idNo);
    students.push([
      id,
      idType,
      norm,
      isValidCitizenId(norm),
      prefix,
      first,
      last,
      sex,
      birth,
      grade,
      status,
      enteredOn,
      isCounted,
      normaliseThaiName(first),
      normaliseThaiName(last),
      normaliseThaiName(`${first}${last}`),
    ]);
    for (const [kind, effectiveOn, other] of moves) movements.push([id, kind, effectiveOn, other]);
  }
  return { students, movements, counted };
}

/** The appenders of one transaction; `close` flushes them (before COMMIT). */
export class Batch {
  private constructor(
    private readonly c: DuckDBConnection,
    private readonly students: DuckDBAppender,
    private readonly movements: DuckDBAppender,
  ) {}

  static async open(c: DuckDBConnection): Promise<Batch> {
    return new Batch(c, await c.createAppender('students'), await c.createAppender('movements'));
  }

  /** Stores one accepted submission; `via` is the district export's file SHA-256 it came in ('' when sent directly). */
  async add(file: string, i: Incoming, rows: SubmissionRows, now: Date, via: string): Promise<number> {
    const s = i.statement!;
    const school = schoolOf(s);
    const round = s.round ?? '';
    const a = this.students;
    for (const r of rows.students) {
      a.appendVarchar(i.fileSha256);
      a.appendVarchar(school.code);
      a.appendVarchar(s.district.code);
      a.appendInteger(s.academicYear);
      a.appendVarchar(round);
      for (let k = 0; k < r.length; k++) {
        const v = r[k]!;
        if (typeof v === 'boolean') a.appendBoolean(v);
        else a.appendVarchar(v);
      }
      a.endRow();
    }
    const m = this.movements;
    for (const [id, kind, effectiveOn, other] of rows.movements) {
      m.appendVarchar(i.fileSha256);
      m.appendVarchar(school.code);
      m.appendVarchar(s.district.code);
      m.appendInteger(s.academicYear);
      m.appendVarchar(round);
      m.appendVarchar(id);
      m.appendVarchar(kind);
      m.appendVarchar(effectiveOn);
      m.appendVarchar(other);
      m.endRow();
    }
    await this.c.run(
      `INSERT INTO bundles (file_sha256, file, statement_sha256, school, school_name, district, district_name, academic_year, round,
         sequence, as_of, status, students, ingested_at, previous, via, nutrition)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::DATE, $12, $13, $14::TIMESTAMP, $15, $16, $17)`,
      [
        i.fileSha256,
        file,
        i.statementSha256!,
        school.code,
        school.name,
        s.district.code,
        s.district.name,
        s.academicYear,
        round,
        s.sequence,
        s.asOf,
        statusOf(i),
        rows.counted,
        now.toISOString(),
        s.previous ?? '',
        via,
        i.summary?.nutrition ? JSON.stringify(i.summary.nutrition) : '',
      ],
    );
    return rows.counted;
  }

  close(): void {
    this.students.closeSync();
    this.movements.closeSync();
  }
}

/** In one transaction: a crash never leaves a bundle's students without its row, or the reverse. */
export async function inTransaction<T>(c: DuckDBConnection, body: (batch: Batch) => Promise<T>): Promise<T> {
  await c.run('BEGIN TRANSACTION');
  try {
    const batch = await Batch.open(c);
    let out: T;
    try {
      out = await body(batch);
    } finally {
      batch.close();
    }
    await c.run('COMMIT');
    return out;
  } catch (e) {
    await c.run('ROLLBACK');
    throw e;
  }
}
