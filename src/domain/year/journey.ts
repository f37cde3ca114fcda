// Where a round and each of its submissions stand on the way to the district: derived from what is
// stored (the round's attestations, the bundles made, the user's "marked as sent", the district's
// acknowledgement), never kept as a state of its own, so it cannot disagree with them.
import type { RoundRef, RoundState, RoundStatus } from '../calendar';

export type RoundJourney = 'not-started' | 'confirmed' | 'certified' | 'sent' | 'acknowledged' | 'missed';
export type SubmissionState = 'made' | 'sent' | 'acknowledged';

/** One submission bundle this school made, as the list of submissions shows it. */
export interface SubmissionFacts {
  sentAt: string | null;
  /** The district's acknowledgement names this submission's statement hash. */
  acknowledged: boolean;
}

export const submissionState = (s: SubmissionFacts): SubmissionState =>
  s.acknowledged ? 'acknowledged' : s.sentAt ? 'sent' : 'made';

export interface RoundFacts {
  confirmed: boolean;
  certified: boolean;
  submissions: readonly SubmissionFacts[];
  /** The round's deadline (ISO date) and today's LOCAL date. */
  deadline: string;
  today: string;
}

/**
 * The round's state. A round whose deadline has passed without a submission marked as sent is missed,
 * even when it was certified: the district has not got it, which is what the card must say.
 */
export function roundJourney(f: RoundFacts): RoundJourney {
  const states = f.submissions.map(submissionState);
  if (states.includes('acknowledged')) return 'acknowledged';
  if (states.includes('sent')) return 'sent';
  if (f.today > f.deadline) return 'missed';
  if (f.certified) return 'certified';
  return f.confirmed ? 'confirmed' : 'not-started';
}

/** Work is left on a round in this state (the home to-do and the confirm page start there). */
const unfinished = (j: RoundJourney): boolean => j !== 'sent' && j !== 'acknowledged';

export type { RoundRef };

/**
 * The round the home to-do names and the confirm page opens on: the one whose window is open; between
 * windows, the round that ended last while it is still not sent, else the next one; before this year's
 * first deadline nothing has ended, so last year's year-end when it is still not sent.
 */
export function workingRound(status: RoundStatus, journeyOf: (r: RoundRef) => RoundJourney): RoundRef {
  const ref = (r: Pick<RoundState, 'academicYear' | 'round'>): RoundRef => ({
    academicYear: r.academicYear,
    round: r.round,
  });
  if (status.current) return ref(status.current);
  const lastPast = status.rounds.filter((r) => r.state === 'past').at(-1);
  const ended = lastPast ? ref(lastPast) : { academicYear: status.academicYear - 1, round: 'year-end' as const };
  return unfinished(journeyOf(ended)) ? ended : ref(status.next);
}
