// Which chain a bundle belongs to is domain/bundle/chains.ts's; re-exported here for the district's readers.
export { chainKeyOf } from '../bundle/chains';

/** The most frequent date, the latest among equals: the as-of date most schools reported. */
export function commonAsOf(dates: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(d, (counts.get(d) ?? 0) + 1);
  let best: string | null = null;
  for (const [d, n] of counts) {
    const bestN = best === null ? 0 : counts.get(best)!;
    if (n > bestN || (n === bestN && best !== null && d > best)) best = d;
  }
  return best;
}
