// The district's import: many .tabian files verified one by one in the worker (the page stores each
// before sending the next, so memory holds one bundle at a time), each outcome recorded whole, then
// held bundles looked at again (a missing sequence may have arrived in the same batch).
import { appDb } from '../../db/database';
import {
  discardQuarantined,
  quarantine,
  recheckHeld,
  recordIncoming,
  type BundleRow,
  type RecordOutcome,
} from '../../db/bundle-repo';
import { saveSchools } from '../../db/district-school-repo';
import { decryptionKeys } from '../../db/key-repo';
import { trustList } from '../../db/trust-repo';
import type { IncomingReason } from '../../domain/district/incoming';
import { summarySchema } from '../../domain/district/summary';
import type { RoundId } from '../../domain/calendar';
import { districtWorker } from './district-worker';
// Components name these rows' types through the service, never through src/db (decision 0036).
export type { BundleRow } from '../../db/bundle-repo';

export interface FileResult {
  /** Position in the batch, from 1: two files may share a name. */
  n: number;
  fileName: string;
  outcome: RecordOutcome;
  /** The bundles row the file became (its statement hash, or file:<hash> when rejected). */
  id: string;
  school: { code: string; name: string } | null;
  academicYear: number | null;
  round: RoundId | null;
  sequence: number | null;
  /** Students counted on the bundle's as-of date; null when the payload could not be read. */
  students: number | null;
  reason: IncomingReason | null;
  detail: string | null;
  fingerprints: string[];
}

/** The import's results after an enrolment accepted some of its held files: those rows now read accepted. */
export function withEnrolled(results: readonly FileResult[], accepted: readonly BundleRow[]): FileResult[] {
  const byId = new Map(accepted.map((r) => [r.id, r]));
  return results.map((r) => {
    const row = r.outcome === 'held' ? byId.get(r.id) : undefined;
    if (!row) return r;
    const summary = summarySchema.safeParse(row.summary);
    return {
      ...r,
      outcome: 'accepted',
      reason: null,
      detail: null,
      students: summary.success ? summary.data.students : r.students,
    };
  });
}

const resultOf = (
  n: number,
  fileName: string,
  outcome: RecordOutcome,
  row: BundleRow,
  students: number | null,
  fingerprints: string[],
): FileResult => ({
  n,
  fileName,
  outcome,
  id: row.id,
  school: row.school ? { code: row.school, name: row.schoolName } : null,
  academicYear: row.academicYear,
  round: row.round,
  sequence: row.sequence,
  students,
  reason: outcome === 'duplicate' ? null : row.reason,
  detail: row.detail,
  fingerprints,
});

export interface ImportRun {
  results: FileResult[];
  released: BundleRow[];
}

/** `onResult` after each file with the files done so far, so the screen shows overall progress. */
export async function importBundleFiles(
  files: readonly File[],
  onResult: (r: FileResult, done: number) => void,
  now: () => Date = () => new Date(),
): Promise<ImportRun> {
  const db = appDb();
  const [trust, keys] = await Promise.all([trustList(db), decryptionKeys(db)]);
  const worker = districtWorker();
  const results: FileResult[] = [];
  for (const file of files) {
    // A school's full records (decision 0038) come in the same way; they are kept, never counted.
    const v = await worker.verify({ file, trust, decryptionKeys: keys, kinds: ['submission', 'full-records'] });
    const { outcome, row } = await recordIncoming(
      db,
      { ...v, roster: null },
      {
        fileName: file.name,
        file,
        receivedAt: now().toISOString(),
        summary: v.summary,
        roster: v.roster === null ? null : new Blob([v.roster], { type: 'application/json' }),
      },
    );
    if (outcome === 'accepted')
      await saveSchools(db, [{ code: row.school, smis: row.smis, name: row.schoolName }], 'bundle', now());
    const unknown = v.signers
      .filter((s) => s.trusted === false)
      .map((s) => `${s.role ?? ''} ${s.name ?? ''}: ${s.fingerprint}`.trim());
    const result = resultOf(results.length + 1, file.name, outcome, row, v.summary?.students ?? null, unknown);
    results.push(result);
    onResult(result, results.length);
  }
  const released = await recheckHeld(db, trust);
  for (const row of released)
    await saveSchools(db, [{ code: row.school, smis: row.smis, name: row.schoolName }], 'bundle', now());
  return { results, released };
}

export const loadQuarantine = (): Promise<BundleRow[]> => quarantine(appDb());
export const discard = (id: string): Promise<boolean> => discardQuarantined(appDb(), id);
