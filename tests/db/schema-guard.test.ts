// "Additive only" as a test, not a comment (issue 19 §6, like Actual's schema guard): every store and index
// ever released is in the committed snapshot, a store once deleted is never defined again, and an index
// once dropped (its name is its key path) is never defined again with another meaning. A new migration adds its line to the snapshot.
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/db/migrations';
import snapshot from './schema-snapshot.json';

interface Released {
  version: number;
  definition: string | null;
}

/** Every store definition each version set, in order. */
function history(): Record<string, Released[]> {
  const out: Record<string, Released[]> = {};
  for (const m of migrations)
    for (const [store, definition] of Object.entries(m.stores))
      (out[store] ??= []).push({ version: m.version, definition });
  return out;
}
const indexesOf = (definition: string): string[] =>
  definition
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

describe('the database schema', () => {
  it('matches the committed snapshot of every released version (update the snapshot with a new migration)', () => {
    expect(history()).toEqual(snapshot);
  });
  it('never brings back a deleted store', () => {
    for (const [store, versions] of Object.entries(history())) {
      const deleted = versions.findIndex((v) => v.definition === null);
      if (deleted >= 0) expect(versions.slice(deleted + 1), store).toEqual([]);
    }
  });
  it("keeps each store's primary key, and never brings back an index it dropped", () => {
    for (const [store, versions] of Object.entries(history())) {
      const defs = versions.flatMap((v) => (v.definition === null ? [] : [indexesOf(v.definition)]));
      expect(new Set(defs.map((d) => d[0])).size, store).toBe(1);
      const retired = new Set<string>();
      for (const [i, d] of defs.entries()) {
        for (const index of d)
          expect(retired.has(index), `${store}: index "${index}" was dropped, then defined again`).toBe(false);
        for (const index of defs[i - 1] ?? []) if (!d.includes(index)) retired.add(index);
      }
    }
  });
});
