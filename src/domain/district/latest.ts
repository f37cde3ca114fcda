// Which of a round's submissions counts for a school at the district: the latest accepted one of its
// chain (a resubmission replaces the earlier file; a held or rejected one never counts). Over stored
// bundle rows, described here by the fields these rules read.
import { compareRoundRefs, type RoundId, type RoundRef } from '../calendar';
import { roundKey } from '../year/round';

export interface StoredBundle {
  direction: 'in' | 'out';
  kind: string;
  status: string;
  school: string;
  sequence: number | null;
  academicYear: number | null;
  round: RoundId | null;
}

export const isSubmission = (r: Pick<StoredBundle, 'direction' | 'kind'>): boolean =>
  r.direction === 'in' && r.kind === 'submission';
export const inRound = (r: Pick<StoredBundle, 'academicYear' | 'round'>, ref: RoundRef): boolean =>
  r.academicYear === ref.academicYear && r.round === ref.round;

/** Each school's latest accepted submission of the round. */
export function latestAccepted<R extends StoredBundle>(rows: readonly R[], ref: RoundRef): Map<string, R> {
  const latest = new Map<string, R>();
  for (const r of rows) {
    if (!isSubmission(r) || r.status !== 'accepted' || !inRound(r, ref)) continue;
    const known = latest.get(r.school);
    if (!known || (known.sequence ?? 0) < (r.sequence ?? 0)) latest.set(r.school, r);
  }
  return latest;
}

/** A round the officer can pick, with how many schools' submissions were accepted for it. */
export type RoundChoice = RoundRef & { schools: number };

/** Rounds with accepted submissions, and `current` (the calendar's) even without any, newest first. */
export function roundsReceived(rows: readonly StoredBundle[], current: RoundRef): RoundChoice[] {
  const key = (r: RoundRef) => roundKey(r.academicYear, r.round);
  const refs = new Map<string, RoundChoice>([
    [key(current), { academicYear: current.academicYear, round: current.round, schools: 0 }],
  ]);
  const schools = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!isSubmission(r) || r.status !== 'accepted' || !r.round || !r.academicYear) continue;
    const ref = { academicYear: r.academicYear, round: r.round };
    const set = schools.get(key(ref)) ?? new Set();
    schools.set(key(ref), set.add(r.school));
    refs.set(key(ref), { ...ref, schools: set.size });
  }
  return [...refs.values()].sort((a, b) => compareRoundRefs(b, a));
}
