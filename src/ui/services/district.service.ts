// The district's view of a round, read from the stored bundles: each school's latest accepted
// submission, the status board, and the cross-school check (in the worker, cached until a new
// submission arrives or a pair is dismissed).
import { appDb } from '../../db/database';
import { listBundles } from '../../db/bundle-repo';
import { dismissedPairKeys, dismissPair as dismiss } from '../../db/dismissed-repo';
import { roundStatus, type RoundRef } from '../../domain/calendar';
import { inRound, isSubmission, latestAccepted, roundsReceived, type RoundChoice } from '../../domain/district/latest';
import { roundKey } from '../../domain/year/round';
import { commonAsOf } from '../../domain/district/chains';
import type { DistrictPair } from '../../domain/district/cross-check';
import { session } from '../state/session.svelte';
import { todayIso } from './clock';
import { districtWorker } from './district-worker';

export type { RoundRef };
export type { RoundChoice };
export const roundKeyOf = (r: RoundRef): string => roundKey(r.academicYear, r.round);

// Which submission counts for a school is the domain's (domain/district/latest.ts); re-exported for the district services.
export { inRound, isSubmission, latestAccepted };

/** Rounds with accepted submissions, and the calendar's current (or next) round, newest first. */
export async function knownRounds(now: Date = new Date()): Promise<RoundChoice[]> {
  const status = roundStatus(todayIso(now));
  const current = status.current ?? status.next;
  return roundsReceived(await listBundles(appDb(), { direction: 'in' }), {
    academicYear: current.academicYear,
    round: current.round,
  });
}

export interface RoundCheck {
  ref: RoundRef;
  asOf: string;
  pairs: DistrictPair[];
  schools: number;
  students: number;
  /** Schools whose stored roster could not be read (their bundle should be imported again). */
  unreadable: string[];
  basis: string;
}

let cached: RoundCheck | null = null;

/** The cross-school check of the round, over each school's latest accepted submission. */
export async function crossCheckRound(
  ref: RoundRef,
  onProgress: (f: number) => void = () => {},
): Promise<RoundCheck | null> {
  const db = appDb();
  const latest = [...latestAccepted(await listBundles(db, { direction: 'in' }), ref).values()].filter((r) => r.roster);
  if (latest.length === 0) return null;
  const dismissed = [...(await dismissedPairKeys(db))].sort();
  const basis = `${roundKeyOf(ref)}#${latest
    .map((r) => r.id)
    .sort()
    .join(',')}#${dismissed.join(',')}`;
  if (cached?.basis === basis) return cached;
  const asOf = commonAsOf(latest.map((r) => r.asOf!))!;
  const result = await districtWorker().crossCheck(
    {
      schools: latest.map((r) => ({ school: { code: r.school, name: r.schoolName }, roster: r.roster! })),
      asOf,
      dismissed,
    },
    onProgress,
  );
  cached = {
    ref,
    asOf,
    pairs: result.pairs,
    schools: result.schools,
    students: result.students,
    unreadable: result.unreadable,
    basis,
  };
  return cached;
}

/** "Not the same person": a possible duplicate the officer checked; the same ID can never be dismissed. */
export async function dismissPair(pair: DistrictPair): Promise<void> {
  if (pair.rule !== 'person.possible_duplicate') return;
  await dismiss(appDb(), pair.key, session.user?.id ?? '', new Date());
}
