// The bridge between records and sync operations. A device's own student edits are not logged twice: an
// audit entry that carries a clock is the operation log (one field change = one operation). Small records
// (measurements, sessions) become one operation per field. Applying merged winners yields the fields to
// change, each with the clock it was made with, so that applying is itself order-independent.
import { flattenFields, type AuditEntry } from '../access/audit';
import type { Hlc } from './hlc';
import { canonical } from './merge';
import { operationSchema, type Operation } from './operation';

type Json = Operation['value'];
const asJson = (v: unknown): Json => (v === undefined ? null : (v as Json));

/** Keeps what the wire format accepts; a field name outside it (none in our schemas) is not synced. */
const valid = (ops: Operation[]): Operation[] => ops.filter((op) => operationSchema.safeParse(op).success);

/** The operations an audit entry stands for: its changes that carry a clock (their own, or the entry's). */
export function auditOps(entry: AuditEntry): Operation[] {
  return valid(
    entry.changes.flatMap((c) => {
      const hlc = c.hlc ?? entry.hlc;
      return hlc
        ? [
            {
              store: 'students',
              recordId: entry.recordId,
              field: c.field,
              value: asJson(c.to),
              hlc,
              by: entry.userName,
            },
          ]
        : [];
    }),
  );
}

/** One operation per leaf field of a whole record, all with one clock. */
export function recordOps(store: string, recordId: string, record: object, hlc: Hlc, by: string): Operation[] {
  return valid(
    [...flattenFields(record)].map(([field, value]) => ({ store, recordId, field, value: asJson(value), hlc, by })),
  );
}

/** The winners whose value differs from the record's: what applying them changes. */
export function changedWinners(current: object | null, winners: Iterable<Operation>): Operation[] {
  const fields = flattenFields(current);
  return [...winners].filter((op) => canonical(fields.get(op.field) ?? null) !== canonical(op.value));
}

type Plain = Record<string, unknown>;

/** A copy of `record` with the dotted field set (objects on the way are copied, never shared). */
export function withField<T extends object>(record: T, field: string, value: unknown): T {
  const path = field.split('.');
  const root: Plain = { ...(record as Plain) };
  let target = root;
  for (const segment of path.slice(0, -1)) {
    const next = target[segment];
    target = (target[segment] =
      next !== null && typeof next === 'object' && !Array.isArray(next) ? { ...(next as Plain) } : {}) as Plain;
  }
  target[path.at(-1)!] = value !== null && typeof value === 'object' ? structuredClone(value) : value;
  return root as T;
}

/**
 * The operations a save of a whole record on this device stands for (screenings, buildings, sites): one per
 * leaf field whose value differs from what was stored, all with one clock; every field for a new record.
 */
export function changedOps(
  store: string,
  recordId: string,
  before: object | null,
  after: object,
  hlc: Hlc,
  by: string,
): Operation[] {
  return changedWinners(before, recordOps(store, recordId, after, hlc, by));
}
