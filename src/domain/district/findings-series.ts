// A school's findings of one round are a running, numbered series (decision 18): "รับทราบ" sends the first
// findings bundle of the school's findings chain, and every later finding (a late school duplicating one of
// this school's children) makes the next one (sequence 2, 3 …). Each bundle carries the whole current list,
// since the school replaces a round's findings with the latest bundle's; what is new is what no earlier
// bundle of the round carried.

/** One findings bundle the district made for a school's round, as its outgoing row remembers it. */
export interface SentFindings {
  sequence: number;
  findingIds: readonly string[];
  at: string;
  /** Whether it carried the acknowledgement (the first of a round does). */
  acknowledged: boolean;
}

export interface SeriesState {
  /** Findings bundles made for this round, oldest first. */
  sent: SentFindings[];
  /** Findings of the round's current cross-check for this school. */
  open: number;
  /** Ids of current findings that no bundle of the round carried yet. */
  fresh: string[];
  /** Whether a bundle of the round carried the acknowledgement. */
  acknowledged: boolean;
}

export function seriesState(current: readonly { id: string }[], sent: readonly SentFindings[]): SeriesState {
  const carried = new Set(sent.flatMap((s) => s.findingIds));
  return {
    sent: [...sent].sort((a, b) => a.sequence - b.sequence),
    open: current.length,
    fresh: current.filter((f) => !carried.has(f.id)).map((f) => f.id),
    acknowledged: sent.some((s) => s.acknowledged),
  };
}

/**
 * Whether the district should make the next bundle of the series: only once the round is acknowledged (the
 * acknowledgement itself carries the first list) and only for findings no bundle carried.
 */
export const needsNextBundle = (state: SeriesState): boolean => state.acknowledged && state.fresh.length > 0;

/** A submission received after the round's deadline; both dates are local calendar dates (YYYY-MM-DD). */
export const isLate = (receivedOn: string, deadline: string): boolean => receivedOn > deadline;
