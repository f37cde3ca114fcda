// Children counted once across schools: every open cross-school pair joins its two records, so a child
// two (or three) schools count is one child. Dismissed pairs were never found, so they stay two children.
import type { DistrictPair } from './cross-check';

const sideKey = (side: DistrictPair['sides'][number]): string => `${side.school.code}\u0000${side.row[0]}`;

/** How many counted records the pairs make redundant (a group of n records joined by pairs counts n − 1). */
export function redundantRecords(pairs: readonly DistrictPair[]): number {
  const parent = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(k, root);
    return root;
  };
  let joins = 0;
  for (const p of pairs) {
    const [a, b] = p.sides.map(sideKey) as [string, string];
    for (const k of [a, b]) if (!parent.has(k)) parent.set(k, k);
    const [ra, rb] = [find(a), find(b)];
    if (ra === rb) continue;
    parent.set(ra, rb);
    joins++;
  }
  return joins;
}

/** `submitted`: the records as the schools counted them; the result is the children after the cross-check. */
export function distinctChildren(submitted: number, pairs: readonly DistrictPair[]): number {
  return submitted - redundantRecords(pairs);
}

/** A report's two counts: as the schools submitted, and children after the cross-check, with the open pairs. */
export interface CountedOnce {
  submitted: number;
  distinct: number;
  pairs: readonly DistrictPair[];
}

export const countedOnce = (submitted: number, pairs: readonly DistrictPair[]): CountedOnce => ({
  submitted,
  distinct: distinctChildren(submitted, pairs),
  pairs,
});
