// Merging sync operations: for every (store, record, field) the operation with the latest hybrid
// logical clock wins. Results depend only on the set of operations, never on the order bundles arrive.
import { compareHlc, type Hlc } from './hlc';
import type { Operation } from './operation';

export interface Conflict {
  store: string;
  recordId: string;
  field: string;
  /** The value that stands: the latest by clock. */
  winner: Operation;
  /** Each device's latest edit since the last sync, newest first: what the officer is shown. */
  edits: Operation[];
}

export interface MergeResult {
  /** Winning operation per field, keyed by fieldKey and in key order. */
  winners: Map<string, Operation>;
  /** Fields that two or more devices set to different values since `since`, in key order. */
  conflicts: Conflict[];
}

export const fieldKey = (op: Pick<Operation, 'store' | 'recordId' | 'field'>): string =>
  JSON.stringify([op.store, op.recordId, op.field]);

/** JSON with object keys sorted: equal values, equal text. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

// One device never gives two operations the same clock; if a faulty one does, the value decides.
function order(a: Operation, b: Operation): number {
  const byClock = compareHlc(a.hlc, b.hlc);
  if (byClock !== 0) return byClock;
  const [x, y] = [canonical(a.value), canonical(b.value)];
  return x < y ? -1 : x > y ? 1 : 0;
}

const byKey = <T>([a]: [string, T], [b]: [string, T]) => (a < b ? -1 : a > b ? 1 : 0);

/** `ops`: the local log and every imported bundle's operations, in any order; `since`: the clock of the last sync. */
export function mergeOperations(ops: Iterable<Operation>, since: Hlc | null): MergeResult {
  const winners = new Map<string, Operation>();
  const recent = new Map<string, Map<string, Operation>>();
  for (const op of ops) {
    const key = fieldKey(op);
    const current = winners.get(key);
    if (!current || order(op, current) > 0) winners.set(key, op);
    if (since !== null && compareHlc(op.hlc, since) <= 0) continue;
    const perDevice = recent.get(key) ?? new Map<string, Operation>();
    const mine = perDevice.get(op.hlc.device);
    if (!mine || order(op, mine) > 0) perDevice.set(op.hlc.device, op);
    recent.set(key, perDevice);
  }
  const conflicts: Conflict[] = [];
  for (const [key, perDevice] of [...recent].sort(byKey)) {
    const edits = [...perDevice.values()].sort((a, b) => order(b, a));
    if (new Set(edits.map((e) => canonical(e.value))).size < 2) continue;
    const winner = winners.get(key)!;
    conflicts.push({ store: winner.store, recordId: winner.recordId, field: winner.field, winner, edits });
  }
  return { winners: new Map([...winners].sort(byKey)), conflicts };
}

type Json = Record<string, unknown>;

/** Records built from the winners: store → record id → fields (dotted paths become nested objects). */
export function materialize(winners: ReadonlyMap<string, Operation>): Map<string, Map<string, Json>> {
  const stores = new Map<string, Map<string, Json>>();
  for (const op of winners.values()) {
    const records = stores.get(op.store) ?? new Map<string, Json>();
    stores.set(op.store, records);
    const record = records.get(op.recordId) ?? {};
    records.set(op.recordId, record);
    const path = op.field.split('.');
    let target = record;
    for (const segment of path.slice(0, -1)) {
      const next = target[segment];
      target = (target[segment] =
        next !== null && typeof next === 'object' && !Array.isArray(next) ? next : {}) as Json;
    }
    // A copy: a later, deeper operation must not write into the winner's own value.
    target[path.at(-1)!] = op.value !== null && typeof op.value === 'object' ? structuredClone(op.value) : op.value;
  }
  return stores;
}
