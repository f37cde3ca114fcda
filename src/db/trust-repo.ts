// Public keys this device trusts (tabian-trust/1 entries): a district enrols its schools' staff and
// director keys; a school enrols its district's key. Revoked keys are kept, marked, so the history of
// who was trusted when stays readable; they no longer count for new bundles.
import { TRUST_FORMAT, type TrustedKey, type TrustList } from '../domain/bundle/trust';
import type { TabianDb } from './database';
import type { TrustRow, TrustSource } from './rows';
import { guarded } from './errors';

export type { TrustRow, TrustSource };

export interface Enrolment {
  added: TrustedKey[];
  unchanged: TrustedKey[];
  /** Keys already enrolled with another school, role or SPKI: refused, never overwritten. */
  conflicts: { key: TrustedKey; enrolled: TrustedKey }[];
}

const sameKey = (a: TrustedKey, b: TrustedKey) => a.spki === b.spki && a.role === b.role && a.school === b.school;
const entryOf = ({ keyid, alg, spki, role, name, school }: TrustRow): TrustedKey => ({
  keyid,
  alg,
  spki,
  role,
  name,
  school,
});

/**
 * Enrols keys in one transaction; a revoked key enrolled again counts again, and a key enrolled without
 * checking its fingerprint is recorded afresh once it arrives checked.
 */
export async function enrolKeys(
  db: TabianDb,
  keys: readonly TrustedKey[],
  meta: { now: Date; by: string; source: TrustSource },
): Promise<Enrolment> {
  return guarded(() =>
    db.transaction('rw', db.trust, async () => {
      const out: Enrolment = { added: [], unchanged: [], conflicts: [] };
      for (const key of keys) {
        const old = await db.trust.get(key.keyid);
        if (old && !sameKey(old, key)) out.conflicts.push({ key, enrolled: entryOf(old) });
        else if (old && old.revokedAt === null && !(old.source === 'file-unchecked' && meta.source !== old.source))
          out.unchanged.push(key);
        else {
          await db.trust.put({
            ...key,
            enrolledAt: meta.now.toISOString(),
            enrolledBy: meta.by,
            source: meta.source,
            revokedAt: null,
          });
          out.added.push(key);
        }
      }
      return out;
    }),
  );
}

export async function revokeKey(db: TabianDb, keyid: string, now: Date): Promise<void> {
  await guarded(() => db.trust.update(keyid, { revokedAt: now.toISOString() }));
}

/** Enrolled keys, optionally of one school (null: district keys), revoked ones only when asked. */
export async function listTrust(
  db: TabianDb,
  filter: { school?: string | null; revoked?: boolean } = {},
): Promise<TrustRow[]> {
  const rows = await guarded(() =>
    typeof filter.school === 'string' ? db.trust.where('school').equals(filter.school).toArray() : db.trust.toArray(),
  );
  return rows.filter((r) => (filter.school !== null || r.school === null) && (filter.revoked || r.revokedAt === null));
}

/** What verification trusts now: every enrolled, unrevoked key. */
export async function trustList(db: TabianDb): Promise<TrustList> {
  return { format: TRUST_FORMAT, keys: (await listTrust(db)).map(entryOf) };
}
