// DMC data-collection rounds of the Thai school year (ปีการศึกษา, counted in BE).
import { daysBetween, isIsoDate, toBuddhistYear, toGregorianYear } from './thai-date';

/** The rounds of a school year in their order; every round enum (records, statements, payloads) derives from it. */
export const ROUNDS = ['term1', 'term2', 'year-end'] as const;
export type RoundId = (typeof ROUNDS)[number];
export const roundIds: readonly RoundId[] = ROUNDS;

/** One round of one academic year. */
export interface RoundRef {
  academicYear: number;
  round: RoundId;
}

/** A round's place in its year: term 1 is 0, year-end 2. */
export const roundIndex = (round: RoundId): number => ROUNDS.indexOf(round);

/** Older rounds first: by academic year, then by the round's place in the year. */
export const compareRoundRefs = (a: RoundRef, b: RoundRef): number =>
  a.academicYear - b.academicYear || roundIndex(a.round) - roundIndex(b.round);

export interface Round {
  round: RoundId;
  academicYear: number;
  /** The date whose headcount the round reports (ข้อมูล ณ วันที่). */
  asOf: string;
  opens: string;
  deadline: string;
}

export interface RoundState extends Round {
  state: 'past' | 'open' | 'upcoming';
  /** Days from today to the deadline (0 on the deadline itself); null once past. */
  daysLeft: number | null;
}

/** The ministry moves the windows each year; these replace the defaults for one academic year. */
export type RoundOverrides = Partial<Record<RoundId, Partial<Pick<Round, 'opens' | 'deadline'>>>>;

export interface RoundStatus {
  academicYear: number;
  rounds: RoundState[];
  /** The round whose window contains today. */
  current: RoundState | null;
  /** The round with the nearest deadline today or later, possibly next year's term 1. */
  next: RoundState;
}

/** Academic year N (BE) runs from 16 May of CE year N−543 to 15 May of the next. */
export function academicYearOf(iso: string): number {
  if (!isIsoDate(iso)) throw new RangeError(`not an ISO date: "${iso}"`);
  const y = Number(iso.slice(0, 4));
  return toBuddhistYear(iso.slice(5) >= '05-16' ? y : y - 1);
}

export function roundsOf(academicYearBE: number, overrides: RoundOverrides = {}): Round[] {
  const y = toGregorianYear(academicYearBE);
  const defaults: Round[] = [
    { round: 'term1', academicYear: academicYearBE, asOf: `${y}-06-10`, opens: `${y}-05-16`, deadline: `${y}-06-10` },
    // Term 2 teaching starts on 1 November; the October break belongs to no round.
    { round: 'term2', academicYear: academicYearBE, asOf: `${y}-11-10`, opens: `${y}-11-01`, deadline: `${y}-11-10` },
    {
      round: 'year-end',
      academicYear: academicYearBE,
      asOf: `${y + 1}-03-31`,
      opens: `${y + 1}-03-01`,
      deadline: `${y + 1}-04-30`,
    },
  ];
  const rounds = defaults.map((r) => ({ ...r, ...overrides[r.round] }));
  for (const r of rounds) {
    if (!isIsoDate(r.opens) || !isIsoDate(r.deadline)) throw new RangeError(`bad override for ${r.round}`);
  }
  return rounds;
}

function stateOn(todayIso: string, r: Round): RoundState {
  if (todayIso > r.deadline) return { ...r, state: 'past', daysLeft: null };
  const daysLeft = daysBetween(todayIso, r.deadline);
  return { ...r, state: todayIso >= r.opens ? 'open' : 'upcoming', daysLeft };
}

/** Overrides apply to the academic year containing today; next year's term 1 uses the defaults. */
export function roundStatus(todayIso: string, overrides: RoundOverrides = {}): RoundStatus {
  const academicYear = academicYearOf(todayIso);
  const rounds = roundsOf(academicYear, overrides).map((r) => stateOn(todayIso, r));
  const nextYearTerm1 = stateOn(todayIso, roundsOf(academicYear + 1)[0]!);
  // Overridden windows may overlap or reorder, so pick by date rather than by position.
  const byDeadline = (a: RoundState, b: RoundState) => daysBetween(b.deadline, a.deadline);
  const open = rounds.filter((r) => r.state === 'open').sort(byDeadline);
  const pending = [...rounds, nextYearTerm1].filter((r) => r.state !== 'past').sort(byDeadline);
  return { academicYear, rounds, current: open[0] ?? null, next: pending[0]! };
}

export function roundLabel(round: RoundId, locale: 'th' | 'en' = 'th'): string {
  const labels: Record<RoundId, [th: string, en: string]> = {
    term1: ['ภาคเรียนที่ 1', 'Term 1'],
    term2: ['ภาคเรียนที่ 2', 'Term 2'],
    'year-end': ['สิ้นปีการศึกษา', 'End of year'],
  };
  return labels[round][locale === 'th' ? 0 : 1];
}
