// The district's view of a round, read from the stored bundles: each school's latest accepted
// submission, the status board, and the cross-school check (in the worker, cached until a new
// submission arrives or a pair is dismissed).
import { appDb } from '../../db/database';
import { listBundles, type BundleRow } from '../../db/bundle-repo';
import { dismissedPairKeys, dismissPair as dismiss } from '../../db/dismissed-repo';
import { compareRoundRefs, roundStatus, type RoundRef } from '../../domain/calendar';
import { commonAsOf } from '../../domain/district/chains';
import type { DistrictPair } from '../../domain/district/cross-check';
import { session } from '../state/session.svelte';
import { todayIso } from './clock';
import { districtWorker } from './district-worker';

export type { RoundRef };
/** A round the officer can pick, with how many schools' submissions were accepted for it. */
export type RoundChoice = RoundRef & { schools: number };
export const roundKeyOf = (r: RoundRef): string => `${r.academicYear}/${r.round}`;

export const isSubmission = (r: BundleRow) => r.direction === 'in' && r.kind === 'submission';
export const inRound = (r: BundleRow, ref: RoundRef) => r.academicYear === ref.academicYear && r.round === ref.round;

/** Each school's latest accepted submission of the round. */
export function latestAccepted(rows: readonly BundleRow[], ref: RoundRef): Map<string, BundleRow> {
  const latest = new Map<string, BundleRow>();
  for (const r of rows) {
    if (!isSubmission(r) || r.status !== 'accepted' || !inRound(r, ref)) continue;
    const known = latest.get(r.school);
    if (!known || (known.sequence ?? 0) < (r.sequence ?? 0)) latest.set(r.school, r);
  }
  return latest;
}

/** Rounds with accepted submissions, and the calendar's current (or next) round, newest first. */
export async function knownRounds(now: Date = new Date()): Promise<RoundChoice[]> {
  const rows = await listBundles(appDb(), { direction: 'in' });
  const status = roundStatus(todayIso(now));
  const current = status.current ?? status.next;
  const refs = new Map<string, RoundChoice>([[roundKeyOf(current), { academicYear: current.academicYear, round: current.round, schools: 0 }]]);
  const schools = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!isSubmission(r) || r.status !== 'accepted' || !r.round || !r.academicYear) continue;
    const ref = { academicYear: r.academicYear, round: r.round };
    const set = schools.get(roundKeyOf(ref)) ?? new Set();
    schools.set(roundKeyOf(ref), set.add(r.school));
    refs.set(roundKeyOf(ref), { ...ref, schools: set.size });
  }
  return [...refs.values()].sort((a, b) => compareRoundRefs(b, a));
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
export async function crossCheckRound(ref: RoundRef, onProgress: (f: number) => void = () => {}): Promise<RoundCheck | null> {
  const db = appDb();
  const latest = [...latestAccepted(await listBundles(db, { direction: 'in' }), ref).values()].filter((r) => r.roster);
  if (latest.length === 0) return null;
  const dismissed = [...(await dismissedPairKeys(db))].sort();
  const basis = `${roundKeyOf(ref)}#${latest.map((r) => r.id).sort().join(',')}#${dismissed.join(',')}`;
  if (cached?.basis === basis) return cached;
  const asOf = commonAsOf(latest.map((r) => r.asOf!))!;
  const result = await districtWorker().crossCheck({
    schools: latest.map((r) => ({ school: { code: r.school, name: r.schoolName }, roster: r.roster! })), asOf, dismissed,
  }, onProgress);
  cached = { ref, asOf, pairs: result.pairs, schools: result.schools, students: result.students, unreadable: result.unreadable, basis };
  return cached;
}

/** "Not the same person": a possible duplicate the officer checked; the same ID can never be dismissed. */
export async function dismissPair(pair: DistrictPair): Promise<void> {
  if (pair.rule !== 'person.possible_duplicate') return;
  await dismiss(appDb(), pair.key, session.user?.id ?? '', new Date());
}
