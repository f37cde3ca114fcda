// Step 7: does a bundle follow on from what was already accepted from the same school and kind?
export interface ChainLink {
  sequence: number;
  statementSha256: string;
  previous: string | null;
}

export type ChainResult =
  | { status: 'follows' }
  /** The same bundle again: nothing to do. */
  | { status: 'duplicate' }
  /** Bundles from..to have not arrived; this one is held until they do. */
  | { status: 'gap'; missing: { from: number; to: number } }
  /** `kept`: the statement SHA-256 of the accepted bundle this one collides with (the first received stays). */
  | { status: 'fork'; detail: string; kept: string };

// Both statement hashes in the detail, so that the school and the district can tell the two apart.
const fork = (why: string, kept: ChainLink, refused: { statementSha256: string }): ChainResult => ({
  status: 'fork',
  kept: kept.statementSha256,
  detail: `${why}: kept ${kept.statementSha256}, refused ${refused.statementSha256}`,
});

/** `accepted`: every bundle accepted so far from this school and kind, in any order. */
export function checkChain(
  bundle: { sequence: number; previous: string | null; statementSha256: string },
  accepted: readonly ChainLink[],
): ChainResult {
  const bySequence = new Map(accepted.map((l) => [l.sequence, l]));
  const same = bySequence.get(bundle.sequence);
  if (same) {
    return same.statementSha256 === bundle.statementSha256
      ? { status: 'duplicate' }
      : fork(`another bundle ${bundle.sequence} was accepted`, same, bundle);
  }
  const last = accepted.reduce((max, l) => Math.max(max, l.sequence), 0);
  if (bundle.sequence > last + 1) return { status: 'gap', missing: { from: last + 1, to: bundle.sequence - 1 } };
  // Following on (or filling a hole): the links either side must name each other.
  const before = bySequence.get(bundle.sequence - 1);
  if (before && bundle.previous !== before.statementSha256) {
    return fork(`bundle ${bundle.sequence} does not follow the accepted bundle ${before.sequence}`, before, bundle);
  }
  const after = bySequence.get(bundle.sequence + 1);
  if (after && after.previous !== bundle.statementSha256) {
    return fork(`the accepted bundle ${after.sequence} does not follow bundle ${bundle.sequence}`, after, bundle);
  }
  return { status: 'follows' };
}
