// Taking a record out of the register: merged into another record of the same child, or removed because it
// was entered by mistake (a child who really was enrolled leaves by a movement instead). Either way the
// record's sync log gains a tombstone, so another tablet's edit of it cannot bring it back (decision 16).
import { z } from 'zod';
import type { RoundRecord } from '../year/round';

/** The field of a record's operation log that says it is gone (`null` again after an undo). */
export const TOMBSTONE_FIELD = 'tombstone';

export const tombstoneSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('merged'), into: z.string().min(1), reason: z.string() }),
  z.object({ kind: z.literal('removed'), reason: z.string().trim().min(1) }),
]);
export type Tombstone = z.infer<typeof tombstoneSchema>;

/** A tombstone operation's value read as a tombstone: null for "not gone" (none, an undo, or unreadable). */
export function readTombstone(value: unknown): Tombstone | null {
  const parsed = tombstoneSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Ids of students held in a certified (frozen) round snapshot. */
export function certifiedIds(rounds: readonly RoundRecord[]): Set<string> {
  return new Set(rounds.flatMap((r) => r.certification?.snapshot.map((row) => row.id) ?? []));
}

export type RemovalBlocker = { kind: 'certified'; rounds: string[] } | { kind: 'no-reason' } | { kind: 'same-record' };

/** Why a record may not be removed (or dropped by a merge): a certified round holds it, or no reason is given. */
export function removalBlocker(
  studentId: string,
  rounds: readonly RoundRecord[],
  reason: string,
): RemovalBlocker | null {
  const holding = rounds
    .filter((r) => r.certification?.snapshot.some((row) => row.id === studentId))
    .map((r) => r.key)
    .sort();
  if (holding.length) return { kind: 'certified', rounds: holding };
  if (!reason.trim()) return { kind: 'no-reason' };
  return null;
}

/** Why a merge that drops `dropId` into `keepId` may not go ahead. */
export function mergeBlocker(
  keepId: string,
  dropId: string,
  rounds: readonly RoundRecord[],
  reason: string,
): RemovalBlocker | null {
  if (keepId === dropId) return { kind: 'same-record' };
  return removalBlocker(dropId, rounds, reason || 'merge');
}
