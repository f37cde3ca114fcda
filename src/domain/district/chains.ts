// Which chain a bundle belongs to (bundle-format §8): one per school and kind, and for sync bundles one
// per school, kind and exporting device key, because tablets number their own bundles offline.
import type { Statement } from '../bundle/statement';

export function chainKeyOf(statement: Pick<Statement, 'school' | 'kind' | 'attestations' | 'district'>): string {
  // A district-level bundle (decision 32) chains per district: `district:<code>|kind`.
  const base = statement.school ? `${statement.school.code}|${statement.kind}` : `district:${statement.district.code}|${statement.kind}`;
  if (statement.kind !== 'sync') return base;
  const device = statement.attestations.find((a) => a.act === 'export')?.keyid ?? '';
  return `${base}|${device}`;
}

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
