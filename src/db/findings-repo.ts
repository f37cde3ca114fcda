// School side: what the district flagged about this school's students, from its findings bundles, and
// the acknowledgement of each round. A findings bundle is stored whole (bundle-repo) in the same
// transaction as its findings, so a crash never leaves one without the other.
import { acknowledgementSchema, type Acknowledgement, type FindingRecord } from '../domain/district/findings-payload';
import type { FindingReply } from '../domain/district/finding-reply';
import type { Incoming } from '../domain/district/incoming';
import type { RoundId } from '../domain/calendar';
import { recordIncoming, type Received, type RecordOutcome } from './bundle-repo';
import type { TabianDb } from './database';
import type { BundleRow, FindingRow } from './rows';
import { guarded } from './errors';

export type { FindingRow };

/** The finding's own id as the district sent it (a row's id is prefixed with its bundle's). */
export const sentIdOf = (row: Pick<FindingRow, 'id' | 'bundleId'>): string => row.id.slice(row.bundleId.length + 1);

/**
 * Stores a verified findings bundle and, when it is accepted, its findings: they replace the findings of
 * earlier bundles for the same round, since the district sends the whole list each time and the chain
 * accepts bundles only in order. The caller holds back bundles that do not follow on (a gap).
 */
export async function acceptFindings(
  db: TabianDb,
  v: Incoming,
  received: Received,
  findings: readonly FindingRecord[],
): Promise<{ outcome: RecordOutcome; row: BundleRow }> {
  return guarded(() =>
    db.transaction('rw', db.bundles, db.findings, async () => {
      const result = await recordIncoming(db, v, received);
      if (result.outcome !== 'accepted') return result;
      const s = v.statement!;
      const older = await db.findings.filter((f) => f.academicYear === s.academicYear && f.round === s.round).toArray();
      const replies = new Map(older.filter((f) => f.reply).map((f) => [sentIdOf(f), f.reply!]));
      await db.findings.bulkDelete(older.map((f) => f.id));
      await db.findings.bulkPut(
        findings.map((f) => ({
          ...f,
          id: `${result.row.id}:${f.id}`,
          bundleId: result.row.id,
          academicYear: s.academicYear,
          round: s.round,
          receivedAt: received.receivedAt,
          reply: replies.get(f.id) ?? null,
        })),
      );
      return result;
    }),
  );
}

export async function listFindings(
  db: TabianDb,
  filter: { academicYear?: number; round?: RoundId } = {},
): Promise<FindingRow[]> {
  const rows = await guarded(() => db.findings.toArray());
  return rows.filter(
    (f) =>
      (filter.academicYear === undefined || f.academicYear === filter.academicYear) &&
      (filter.round === undefined || f.round === filter.round),
  );
}

/** Records (or replaces) the school's answer to one finding. */
export async function saveReply(db: TabianDb, rowId: string, reply: FindingReply): Promise<void> {
  await guarded(() =>
    db.transaction('rw', db.findings, async () => {
      const row = await db.findings.get(rowId);
      if (row) await db.findings.put({ ...row, reply });
    }),
  );
}

export async function findingsOfStudent(db: TabianDb, studentId: string): Promise<FindingRow[]> {
  return guarded(() => db.findings.where('studentId').equals(studentId).toArray());
}

export interface RoundAcknowledgement {
  acknowledgement: Acknowledgement;
  by: string;
  bundleId: string;
  sequence: number;
}

/** The district's latest acknowledgement of this school's round, from the accepted findings bundles. */
export async function acknowledgementOf(
  db: TabianDb,
  school: string,
  academicYear: number,
  round: RoundId,
): Promise<RoundAcknowledgement | null> {
  const rows = await guarded(() => db.bundles.where('[school+kind]').equals([school, 'findings']).toArray());
  const mine = rows
    .filter(
      (r) => r.direction === 'in' && r.status === 'accepted' && r.academicYear === academicYear && r.round === round,
    )
    .sort((a, b) => (b.sequence ?? 0) - (a.sequence ?? 0));
  for (const row of mine) {
    const parsed = acknowledgementSchema.safeParse(row.summary);
    if (parsed.success)
      return { acknowledgement: parsed.data, by: parsed.data.officer, bundleId: row.id, sequence: row.sequence ?? 0 };
  }
  return null;
}
