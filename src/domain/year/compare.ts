// Differences between two lists of counted students: a certified snapshot and today's data, or two rounds.
import { isLeaving, isReversed, type Movement } from './movement';
import type { FrozenRow } from './snapshot';

export interface FieldChange {
  field: keyof FrozenRow;
  from: unknown;
  to: unknown;
}
export interface SnapshotDiff {
  added: FrozenRow[];
  removed: FrozenRow[];
  changed: { row: FrozenRow; fields: FieldChange[] }[];
}

const FIELDS: readonly (keyof FrozenRow)[] = [
  'idNo',
  'prefix',
  'firstName',
  'lastName',
  'sex',
  'birthDate',
  'grade',
  'room',
];

/** What differs between what was certified (`frozen`) and the same date counted from today's data. */
export function snapshotDiff(frozen: readonly FrozenRow[], live: readonly FrozenRow[]): SnapshotDiff {
  const before = new Map(frozen.map((r) => [r.id, r]));
  const now = new Map(live.map((r) => [r.id, r]));
  const changed: SnapshotDiff['changed'] = [];
  for (const row of live) {
    const old = before.get(row.id);
    if (!old) continue;
    const fields = FIELDS.filter((f) => old[f] !== row[f]).map((f) => ({ field: f, from: old[f], to: row[f] }));
    if (fields.length) changed.push({ row, fields });
  }
  return {
    added: live.filter((r) => !before.has(r.id)),
    removed: frozen.filter((r) => !now.has(r.id)),
    changed,
  };
}

export const isSameSnapshot = (a: readonly FrozenRow[], b: readonly FrozenRow[]): boolean => {
  const d = snapshotDiff(a, b);
  return d.added.length + d.removed.length + d.changed.length === 0;
};

export interface RoundComparison {
  /** Counted now, not before: with the arrival that explains it, or null for a new record. */
  joined: { row: FrozenRow; movement: Movement | null }[];
  /** Counted before, not now, with the movement that explains it. */
  left: { row: FrozenRow; movement: Movement }[];
  /** Counted before, not now, and no movement between the two dates says why. */
  missing: FrozenRow[];
}

/** Compares two rounds; movements count when effective after `previousAsOf` and on or before `asOf`. */
export function compareRounds(
  previous: readonly FrozenRow[],
  current: readonly FrozenRow[],
  movements: readonly Movement[],
  previousAsOf: string,
  asOf: string,
): RoundComparison {
  const inPeriod = movements.filter((m) => !isReversed(m) && m.effectiveOn > previousAsOf && m.effectiveOn <= asOf);
  const latest = (id: string, leaving: boolean): Movement | undefined =>
    inPeriod
      .filter((m) => m.studentId === id && isLeaving(m.kind) === leaving)
      .sort((a, b) => (a.effectiveOn < b.effectiveOn ? 1 : -1))[0];
  const was = new Set(previous.map((r) => r.id));
  const is = new Set(current.map((r) => r.id));
  const comparison: RoundComparison = { joined: [], left: [], missing: [] };
  for (const row of current)
    if (!was.has(row.id)) comparison.joined.push({ row, movement: latest(row.id, false) ?? null });
  for (const row of previous) {
    if (is.has(row.id)) continue;
    const movement = latest(row.id, true);
    if (movement) comparison.left.push({ row, movement });
    else comparison.missing.push(row);
  }
  return comparison;
}
