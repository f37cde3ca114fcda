import type { TabianDb } from './database';
import { guarded } from './errors';

/** Keys of pairs a user marked "not the same person"; duplicate detection skips them. */
export async function dismissedPairKeys(db: TabianDb): Promise<Set<string>> {
  return new Set(await guarded(() => db.dismissedPairs.toCollection().primaryKeys()));
}

export async function dismissPair(db: TabianDb, key: string, userId: string, now: Date): Promise<void> {
  await guarded(() => db.dismissedPairs.put({ key, userId, at: now.toISOString() }));
}

export async function undismissPair(db: TabianDb, key: string): Promise<void> {
  await guarded(() => db.dismissedPairs.delete(key));
}
