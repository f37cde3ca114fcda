// The term's movement report: who came, who left and why, with counts per grade.
import type { GradeCode } from '../codes';
import type { RoundId } from '../calendar';
import { addDays } from '../thai-date';
import { isLeaving, isReversed, type Movement } from './movement';
import { previousRound, roundOf } from './round';
import { compareGrades } from './classes';

export interface GradeMovements {
  grade: GradeCode | null;
  arrived: number;
  left: number;
  byCause: Record<string, number>;
}
export interface MovementReport {
  /** Movements count when effective after `after` and on or before `upTo`. */
  after: string;
  upTo: string;
  arrivals: Movement[];
  departures: Movement[];
  byGrade: GradeMovements[];
}

/** The ISO date after `iso`. */
export const nextDay = (iso: string): string => addDays(iso, 1);

/** A round's period: from the day after the previous round's as-of date (`after`) up to its own. */
export function roundPeriod(academicYear: number, round: RoundId): { after: string; from: string; upTo: string } {
  const prev = previousRound(academicYear, round);
  const after = roundOf(prev.academicYear, prev.round).asOf;
  return { after, from: nextDay(after), upTo: roundOf(academicYear, round).asOf };
}

export function movementReport(movements: readonly Movement[], after: string, upTo: string): MovementReport {
  const standing = movements
    .filter((m) => !isReversed(m) && m.effectiveOn > after && m.effectiveOn <= upTo)
    .sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0));
  const grades = new Map<string, GradeMovements>();
  for (const m of standing) {
    const key = m.student.grade ?? '';
    const g = grades.get(key) ?? { grade: m.student.grade, arrived: 0, left: 0, byCause: {} };
    if (isLeaving(m.kind)) {
      g.left++;
      const cause = m.cause ?? m.kind;
      g.byCause[cause] = (g.byCause[cause] ?? 0) + 1;
    } else g.arrived++;
    grades.set(key, g);
  }
  return {
    after,
    upTo,
    arrivals: standing.filter((m) => !isLeaving(m.kind)),
    departures: standing.filter((m) => isLeaving(m.kind)),
    byGrade: [...grades.values()].sort((a, b) => compareGrades(a.grade, b.grade)),
  };
}
