// The round's status board: where each school stands, its head counts against its previous round, and
// which bundles of its chain have not arrived.
import type { Act } from '../bundle/statement';
import type { GradeCode } from '../codes';
import type { FindingReply } from './finding-reply';
import type { SeriesState } from './findings-series';
import type { BundleSummary, SexCounts } from './summary';

export const BOARD_STATUSES = ['not-submitted', 'submitted', 'confirmed', 'certified', 'acknowledged'] as const;
export type BoardStatus = (typeof BOARD_STATUSES)[number];

/** An accepted submission as the board needs it. */
export interface SubmissionInfo {
  id: string;
  bundleId: string;
  sequence: number;
  acts: readonly Act[];
  summary: BundleSummary;
  receivedAt: string;
}

export interface BoardInput {
  school: { code: string; smis: string; name: string };
  /** Accepted submissions of this round, any order. */
  submissions: readonly SubmissionInfo[];
  /** The latest accepted submission of the round before, if any. */
  previous: SubmissionInfo | null;
  /** Statement hashes of the submissions the district acknowledged, with when. */
  acknowledged: ReadonlyMap<string, string>;
  /** Sequences of the school's submission chain: accepted ones, and held ones (received, not accepted). */
  accepted: readonly number[];
  held: readonly number[];
  /** Files of this round held (unknown key, earlier bundles missing) and refused outright (damaged, a fork). */
  waiting: number;
  rejected: number;
  /** The round's first accepted submission came after its deadline (local dates: see isLate). */
  late?: boolean;
  /** The school's findings series of the round (decision 18); null before any cross-check. */
  series?: SeriesState | null;
}

export interface GradeLine {
  grade: GradeCode;
  now: SexCounts | null;
  before: SexCounts | null;
}

export interface BoardRow {
  school: BoardInput['school'];
  status: BoardStatus;
  latest: SubmissionInfo | null;
  acknowledgedAt: string | null;
  grades: GradeLine[];
  /** Sequence numbers below the highest known one that have not arrived at all. */
  missing: number[];
  held: number;
  rejected: number;
  late: boolean;
  series: SeriesState | null;
  /** The school's answers to findings, as its latest submission carried them. */
  replies: FindingReply[];
}

export function missingSequences(accepted: readonly number[], held: readonly number[]): number[] {
  const known = new Set([...accepted, ...held]);
  const top = Math.max(0, ...known);
  const out: number[] = [];
  for (let n = 1; n < top; n++) if (!known.has(n)) out.push(n);
  return out;
}

function gradeLines(now: BundleSummary | null, before: BundleSummary | null): GradeLine[] {
  const grades = new Set<GradeCode>([
    ...Object.keys(now?.byGrade ?? {}),
    ...Object.keys(before?.byGrade ?? {}),
  ] as GradeCode[]);
  return [...grades]
    .sort()
    .map((grade) => ({ grade, now: now?.byGrade[grade] ?? null, before: before?.byGrade[grade] ?? null }));
}

export function boardRow(input: BoardInput): BoardRow {
  const latest = [...input.submissions].sort((a, b) => b.sequence - a.sequence)[0] ?? null;
  const acknowledgedAt = latest ? (input.acknowledged.get(latest.id) ?? null) : null;
  let status: BoardStatus;
  if (!latest) status = input.waiting + input.rejected > 0 ? 'submitted' : 'not-submitted';
  else if (acknowledgedAt) status = 'acknowledged';
  else if (latest.acts.includes('certify')) status = 'certified';
  else if (latest.acts.includes('confirm-existence')) status = 'confirmed';
  else status = 'submitted';
  return {
    school: input.school,
    status,
    latest,
    acknowledgedAt,
    grades: gradeLines(latest?.summary ?? null, input.previous?.summary ?? null),
    missing: missingSequences(input.accepted, input.held),
    held: input.waiting,
    rejected: input.rejected,
    late: input.late ?? false,
    series: input.series ?? null,
    replies: latest?.summary.replies ?? [],
  };
}

/** The round at a glance, for the district's Home: schools by where they stand and the findings to follow. */
export interface RoundSummary {
  schools: number;
  submitted: number;
  acknowledged: number;
  late: number;
  held: number;
  rejected: number;
  openFindings: number;
  newFindings: number;
  replies: number;
}

export function roundSummary(rows: readonly BoardRow[]): RoundSummary {
  const sum = (f: (r: BoardRow) => number) => rows.reduce((n, r) => n + f(r), 0);
  return {
    schools: rows.length,
    submitted: sum((r) => (r.latest ? 1 : 0)),
    acknowledged: sum((r) => (r.status === 'acknowledged' ? 1 : 0)),
    late: sum((r) => (r.late ? 1 : 0)),
    held: sum((r) => (r.held ? 1 : 0)),
    rejected: sum((r) => (r.rejected ? 1 : 0)),
    openFindings: sum((r) => r.series?.open ?? 0),
    newFindings: sum((r) => (r.series?.acknowledged ? r.series.fresh.length : 0)),
    replies: sum((r) => r.replies.length),
  };
}
