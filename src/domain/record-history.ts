// Records that can evolve (issue 19 §6): each versioned record type keeps, in its own file beside its
// schema, the numbered steps that turn an older version into the next one (tldraw's record files). Every
// reader of old data — rows stored by an earlier app, payload files of an older bundle, a backup's dump —
// runs the steps from the record's version up to the latest before parsing it with the current schema.
// A record written before its type had a version field is version 1: every type started there.

/** Turns a record of version n − 1 into version n. Pure: it returns a new object. */
export type Upgrade = (record: Record<string, unknown>) => Record<string, unknown>;

export interface RecordHistory {
  /** The record type, as payload schemas name it ('student' of 'student/1'). */
  name: string;
  /** The latest version, the one the current schema parses. */
  version: number;
  /** `upgrades[n]` upgrades version n − 1 to n; one for each n from 2 (or the oldest readable) to `version`. */
  upgrades: Readonly<Record<number, Upgrade>>;
}

export type Upgraded =
  | { ok: true; record: unknown; from: number; steps: number[] }
  | { ok: false; problem: 'record.newer' | 'record.no_upgrade'; detail: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The version a record says it has (`schemaVersion`), else 1. */
export function versionOf(record: unknown): number {
  const v = isObject(record) ? record['schemaVersion'] : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 1;
}

/**
 * Runs every step from `from` (the record's own version unless a file names it) to the latest. A record
 * of a newer version than this app knows is refused rather than read as something it is not; anything
 * that is not an object is passed on for the schema to refuse.
 */
export function upgradeRecord(history: RecordHistory, record: unknown, from: number = versionOf(record)): Upgraded {
  if (from > history.version)
    return {
      ok: false,
      problem: 'record.newer',
      detail: `${history.name}/${from}: this app reads up to ${history.name}/${history.version}`,
    };
  if (!isObject(record) || from === history.version) return { ok: true, record, from, steps: [] };
  let next = record;
  const steps: number[] = [];
  for (let v = from + 1; v <= history.version; v++) {
    const step = history.upgrades[v];
    if (!step)
      return { ok: false, problem: 'record.no_upgrade', detail: `${history.name}/${v - 1} → ${v}: no upgrade` };
    next = step(next);
    steps.push(v);
  }
  // From version 2 on, every record carries its version (a type without the field gains it with its first step).
  return { ok: true, record: { ...next, schemaVersion: history.version }, from, steps };
}

/** Versions between 2 and the latest with no step: a history with a gap cannot bring a version-1 record up. */
export function missingUpgrades(history: RecordHistory): number[] {
  const missing: number[] = [];
  for (let v = 2; v <= history.version; v++) if (!history.upgrades[v]) missing.push(v);
  return missing;
}

/** Whether a record of version `from` can be brought to the latest (every step there), without running any. */
export function canUpgrade(history: RecordHistory, from: number): boolean {
  if (from > history.version || from < 0) return false;
  for (let v = from + 1; v <= history.version; v++) if (!history.upgrades[v]) return false;
  return true;
}

/** An old-version error thrown by `upgradeOrThrow`, for readers that throw (repositories). */
export class RecordVersionError extends Error {}

/** The record brought to the latest version, or a RecordVersionError: for stored rows, where a refusal is a damaged database. */
export function upgradeOrThrow(history: RecordHistory, record: unknown): unknown {
  const r = upgradeRecord(history, record);
  if (!r.ok) throw new RecordVersionError(r.detail);
  return r.record;
}

/** A stored row read as the current record: upgraded, then parsed by the current schema (which throws when damaged). */
export function parseUpgraded<T>(history: RecordHistory, schema: { parse: (value: unknown) => T }, row: unknown): T {
  return schema.parse(upgradeOrThrow(history, row));
}
