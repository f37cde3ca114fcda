// Every submission this school made, per round, with its state (made · marked as sent · acknowledged),
// and each round's state for the home screen. Everything is read from the stored bundles, rounds and
// the district's findings bundles; only "marked as sent" is written, as the user's statement.
import { appDb } from '../../db/database';
import { getBundle, listBundles, markSent, type BundleRow } from '../../db/bundle-repo';
import { asBytes } from '../../domain/bundle/bytes';
import { inspectBundle } from '../../domain/bundle/verify';
import { loadProfile } from '../../db/profile-repo';
import { listRoundRows } from '../../db/round-repo';
import { acknowledgementSchema } from '../../domain/district/findings-payload';
import type { RoundId, RoundStatus } from '../../domain/calendar';
import {
  roundJourney,
  submissionState,
  workingRound,
  type RoundJourney,
  type RoundRef,
  type SubmissionState,
} from '../../domain/year/journey';
import { blankRound, roundKey, roundOf } from '../../domain/year/round';
import { session } from '../state/session.svelte';
import { todayIso } from './clock';
import { bytesOf } from './files';

export interface Submission {
  id: string;
  fileName: string;
  madeAt: string;
  sequence: number;
  encrypted: boolean;
  academicYear: number;
  round: RoundId;
  sent: { at: string; by: string } | null;
  state: SubmissionState;
}

/** The statement hashes the district acknowledged, from the accepted findings bundles of this school. */
function acknowledgedIds(rows: readonly BundleRow[]): Set<string> {
  const ids = new Set<string>();
  for (const r of rows) {
    if (r.kind !== 'findings' || r.direction !== 'in' || r.status !== 'accepted') continue;
    const ack = acknowledgementSchema.safeParse(r.summary);
    if (ack.success) ids.add(ack.data.submission.statementSha256);
  }
  return ids;
}

async function allSubmissions(): Promise<(Submission & { row: BundleRow })[]> {
  const db = appDb();
  const profile = await loadProfile(db);
  if (profile?.kind !== 'school') return [];
  const rows = await listBundles(db, { school: profile.moeCode });
  const acked = acknowledgedIds(rows);
  return rows
    .filter((r) => r.kind === 'submission' && r.direction === 'out' && r.academicYear !== null && r.round !== null)
    .map((r) => {
      const sent = r.sent ?? null;
      const acknowledged = acked.has(r.id);
      return {
        id: r.id,
        fileName: r.fileName,
        madeAt: r.receivedAt,
        sequence: r.sequence ?? 0,
        encrypted: false,
        row: r,
        academicYear: r.academicYear!,
        round: r.round!,
        sent,
        state: submissionState({ sentAt: sent?.at ?? null, acknowledged }),
      };
    })
    .sort((a, b) => b.sequence - a.sequence);
}

/** The submissions made for one round, newest first. */
export async function listSubmissions(academicYear: number, round: RoundId): Promise<Submission[]> {
  const mine = (await allSubmissions()).filter((s) => s.academicYear === academicYear && s.round === round);
  return Promise.all(
    mine.map(async ({ row, ...s }) => {
      const said = (row.summary as { encrypted?: unknown } | null)?.encrypted;
      if (typeof said === 'boolean') return { ...s, encrypted: said };
      // Made before the summary said so: the statement in the file tells.
      const opened = await inspectBundle(asBytes(await bytesOf(row.file)));
      return { ...s, encrypted: !!opened.statement?.encryption };
    }),
  );
}

/** The user says the file reached the district (sent by LINE, e-mail, a drive…). */
export async function markSubmissionSent(id: string, now: Date = new Date()): Promise<boolean> {
  return markSent(appDb(), id, { at: now.toISOString(), by: session.user?.name ?? '' });
}

/** A submission's file again, to hand over once more. */
export async function submissionBytes(id: string): Promise<Uint8Array | null> {
  const row = await getBundle(appDb(), id);
  return row?.direction === 'out' ? bytesOf(row.file) : null;
}

/** Each round's state, by roundKey, for the rounds of the calendar status and the one before them. */
export async function roundJourneys(status: RoundStatus, now: Date = new Date()): Promise<Map<string, RoundJourney>> {
  const [{ rounds }, submissions] = await Promise.all([listRoundRows(appDb()), allSubmissions()]);
  const today = todayIso(now);
  const out = new Map<string, RoundJourney>();
  const refs = [...status.rounds, status.next, roundOf(status.academicYear - 1, 'year-end')];
  for (const r of refs) {
    const key = roundKey(r.academicYear, r.round);
    const record = rounds.find((x) => x.key === key) ?? blankRound(r.academicYear, r.round);
    out.set(
      key,
      roundJourney({
        confirmed: !!record.confirmation,
        certified: !!record.certification,
        deadline: r.deadline,
        today,
        submissions: submissions
          .filter((s) => s.academicYear === r.academicYear && s.round === r.round)
          .map((s) => ({ sentAt: s.sent?.at ?? null, acknowledged: s.state === 'acknowledged' })),
      }),
    );
  }
  return out;
}

/** The round the home to-do names and the confirm page opens on (one rule for both). */
export async function currentWorkingRound(status: RoundStatus, now: Date = new Date()): Promise<RoundRef> {
  const journeys = await roundJourneys(status, now);
  return workingRound(status, (r) => journeys.get(roundKey(r.academicYear, r.round)) ?? 'not-started');
}
