// This device's sync clock and operation log. Called inside the caller's transaction (settings and ops
// included), so that an edit, the clock that orders it and its operations commit together or not at all.
import { toHex } from '../domain/bundle/bytes';
import { changedOps } from '../domain/bundle/local-ops';
import { tickHlc, type Hlc } from '../domain/bundle/hlc';
import type { Operation } from '../domain/bundle/operation';
import type { TabianDb } from './database';
import type { OpRow } from './rows';

/** Settings keys: this device's id in clocks, and the latest clock it gave out or saw. */
export const DEVICE_SETTING = 'sync.device';
export const CLOCK_SETTING = 'sync.clock';
/** Settings that belong to this device, never carried by a backup into another. */
export const DEVICE_ONLY_SETTINGS: readonly string[] = [DEVICE_SETTING, CLOCK_SETTING, 'sync.exported', 'sync.merged'];

export type { OpRow };
export const opId = (op: Operation): string =>
  JSON.stringify([op.hlc.device, op.hlc.wall, op.hlc.counter, op.store, op.recordId, op.field]);

/** This device's id in clocks: 16 random hex digits made once (a restored backup keeps the device's own). */
export async function localDevice(db: TabianDb): Promise<string> {
  const row = await db.settings.get(DEVICE_SETTING);
  if (typeof row?.value === 'string') return row.value;
  const id = toHex(crypto.getRandomValues(new Uint8Array(8)));
  await db.settings.put({ key: DEVICE_SETTING, value: id });
  return id;
}

/** `n` fresh clocks of this device, each later than every clock it gave out or saw. */
export async function tickClocks(db: TabianDb, n: number, now: Date): Promise<Hlc[]> {
  if (n === 0) return [];
  const device = await localDevice(db);
  let clock = ((await db.settings.get(CLOCK_SETTING))?.value as Hlc | undefined) ?? null;
  const out: Hlc[] = [];
  for (let i = 0; i < n; i++) out.push((clock = tickHlc(clock, device, now.getTime())));
  await db.settings.put({ key: CLOCK_SETTING, value: clock });
  return out;
}

export async function appendOps(db: TabianDb, ops: readonly Operation[]): Promise<void> {
  if (ops.length) await db.ops.bulkPut(ops.map((op) => ({ ...op, id: opId(op) })));
}

/**
 * `n` clocks as tickClocks would give them now, read without writing anything (decision 33: they are sealed
 * into entries before the transaction that stores them). Null when this device has no id yet.
 */
export async function peekClocks(
  db: TabianDb,
  n: number,
  now: Date,
): Promise<{ clocks: Hlc[]; seen: Hlc | null } | null> {
  const [device, clock] = await Promise.all([db.settings.get(DEVICE_SETTING), db.settings.get(CLOCK_SETTING)]);
  if (typeof device?.value !== 'string') return null;
  const seen = (clock?.value as Hlc | undefined) ?? null;
  const clocks: Hlc[] = [];
  let last = seen;
  for (let i = 0; i < n; i++) clocks.push((last = tickHlc(last, device.value, now.getTime())));
  return { clocks, seen };
}

/**
 * Inside the transaction that stores entries stamped by peekClocks: stores the last of their clocks, as
 * tickClocks would have, if no clock was given out or seen since the peek; false (nothing written) otherwise.
 */
export async function claimClocks(
  db: TabianDb,
  peeked: { clocks: readonly Hlc[]; seen: Hlc | null },
): Promise<boolean> {
  const now = ((await db.settings.get(CLOCK_SETTING))?.value as Hlc | undefined) ?? null;
  if (JSON.stringify(now) !== JSON.stringify(peeked.seen)) return false;
  if (peeked.clocks.length) await db.settings.put({ key: CLOCK_SETTING, value: peeked.clocks.at(-1)! });
  return true;
}

/**
 * Logs a whole record's save for sync (screenings, buildings, sites, photos: decision 0038): its changed fields
 * as operations with one new clock, or nothing when nothing changed. Inside the caller's transaction on
 * settings and ops, beside the record's own put.
 */
export async function logRecordSave(
  db: TabianDb,
  store: string,
  recordId: string,
  before: object | null,
  after: object,
  by: string,
  now: Date,
): Promise<void> {
  const probe = changedOps(store, recordId, before, after, { wall: 0, counter: 0, device: '-' }, by);
  if (!probe.length) return;
  const [hlc] = await tickClocks(db, 1, now);
  await appendOps(
    db,
    probe.map((op) => ({ ...op, hlc: hlc! })),
  );
}
