// Where each student's screening stands this year, for the homeroom teacher's class list and the officer's
// whole-school view: done (nothing missing), partly (started, something missing), not visited (no record),
// not needed (the teacher said so).
import { assessScreening } from './assess';
import type { Screening } from './schema';

export const SCREENING_STATES = ['done', 'partly', 'not-visited', 'not-needed'] as const;
export type ScreeningState = (typeof SCREENING_STATES)[number];

export function screeningState(s: Screening | null | undefined): ScreeningState {
  if (!s) return 'not-visited';
  if (s.notNeeded) return 'not-needed';
  return assessScreening(s).problems.length === 0 ? 'done' : 'partly';
}

export type ScreeningProgress = Record<ScreeningState, number> & { total: number };

/** Counts per state of a list of students (each with their screening of the year, or none). */
export function progressOf(states: readonly ScreeningState[]): ScreeningProgress {
  const out: ScreeningProgress = { done: 0, partly: 0, 'not-visited': 0, 'not-needed': 0, total: states.length };
  for (const s of states) out[s]++;
  return out;
}
