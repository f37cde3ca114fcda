// Which chain a bundle belongs to (bundle-format §8), written one way for the maker and the receiver: one
// chain per school and kind; for sync bundles one per school, kind and exporting device key, because
// tablets number their own bundles offline; a district-level bundle (decision 32) chains per district.
import type { Kind, Statement } from './statement';

/** A school's chain of one kind: `<school>|<kind>`, or `<school>|sync|<device keyid>`. */
export const schoolChain = (school: string, kind: Kind, deviceKeyid?: string): string =>
  deviceKeyid === undefined ? `${school}|${kind}` : `${school}|${kind}|${deviceKeyid}`;

/** A district's own chain of one kind: `district:<code>|<kind>`. */
export const districtChain = (district: string, kind: Kind): string => `district:${district}|${kind}`;

/** The chain a received statement names. */
export function chainKeyOf(statement: Pick<Statement, 'school' | 'kind' | 'attestations' | 'district'>): string {
  if (!statement.school) return districtChain(statement.district.code, statement.kind);
  if (statement.kind !== 'sync') return schoolChain(statement.school.code, statement.kind);
  return schoolChain(
    statement.school.code,
    'sync',
    statement.attestations.find((a) => a.act === 'export')?.keyid ?? '',
  );
}

/** The stored rows' `[school+kind]` index of a chain: a district chain's rows have no school (''). */
export function chainIndexOf(chain: string): [school: string, kind: string] {
  const [owner, kind] = chain.split('|') as [string, string];
  return [owner.startsWith('district:') ? '' : owner, kind];
}
