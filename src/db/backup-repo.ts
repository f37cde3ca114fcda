// The whole database in and out, for backups: every store read in one transaction and written back in
// one transaction (all or nothing). Blobs and byte arrays become tagged base64 so the dump is plain JSON.
// Keys: only people's PIN-wrapped keys travel; a device's own non-extractable keys never leave it and
// are kept on restore (a new device signs with its own key).
import { blobBytes } from './blob-bytes';
import { fromBase64, toBase64 } from '../domain/bundle/bytes';
import type { DatabaseDump } from '../domain/backup/backup-bundle';
import Dexie from 'dexie';
import { checkRows, type RowProblem } from './row-schemas';
import { TabianDb, VAULT_SETTING } from './database';
import { guarded } from './errors';
import type { KeyRow } from './key-repo';
import { DEVICE_ONLY_SETTINGS } from './op-log';
import { closeVault, setSealPolicy, setVaultEnabled, vaultStatus } from './vault';

const LAST_BACKUP = 'backup.last';
/** Stores a backup leaves out: the sync operation log is rebuilt by new edits. */
const SKIPPED = new Set<string>();

export interface LastBackup {
  at: string;
  sequence: number;
  statementSha256: string;
  fileName: string;
}

// `buffer`: an ArrayBuffer (a correction's evidence); before it was tagged, evidence bytes were lost.
type Tagged = { $bytes: string; type?: string; blob?: true; buffer?: true };
const TAG_KEYS = new Set(['$bytes', 'type', 'blob', 'buffer']);
const isTagged = (v: unknown): v is Tagged =>
  typeof v === 'object' &&
  v !== null &&
  typeof (v as Tagged).$bytes === 'string' &&
  Object.keys(v).every((k) => TAG_KEYS.has(k));

// Bytes made in another realm (a worker, the vault's cipher under jsdom) fail instanceof: check the tag, as
// the photo schema does, or a photo's bytes would be written as an object of numbers and refused at restore.
const tagOf = (v: unknown): string => Object.prototype.toString.call(v);

async function encodeValue(v: unknown): Promise<unknown> {
  if (v instanceof Blob) return { $bytes: toBase64(new Uint8Array(await blobBytes(v))), type: v.type, blob: true };
  if (v instanceof Uint8Array || tagOf(v) === '[object Uint8Array]') return { $bytes: toBase64(v as Uint8Array) };
  if (v instanceof ArrayBuffer || tagOf(v) === '[object ArrayBuffer]')
    return { $bytes: toBase64(new Uint8Array(v as ArrayBuffer)), buffer: true };
  if (Array.isArray(v)) return Promise.all(v.map(encodeValue));
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = await encodeValue(x);
    return out;
  }
  return v;
}

function decodeValue(v: unknown): unknown {
  if (isTagged(v)) {
    const bytes = fromBase64(v.$bytes) ?? new Uint8Array(0);
    if (v.buffer) return bytes.slice().buffer;
    return v.blob ? new Blob([bytes as Uint8Array<ArrayBuffer>], { type: v.type ?? '' }) : bytes;
  }
  if (Array.isArray(v)) return v.map(decodeValue);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, decodeValue(x)]));
  return v;
}

const portableKey = (k: KeyRow): KeyRow | null => (k.wrapped ? { ...k, signKey: null, decryptKey: null } : null);

/** Every store's rows, read in one transaction (so the copy is consistent), then encoded. */
export async function dumpDatabase(db: TabianDb): Promise<DatabaseDump> {
  const tables = db.tables.filter((t) => !SKIPPED.has(t.name));
  const raw = await guarded(() =>
    db.transaction('r', tables, async () => {
      const out: Record<string, unknown[]> = {};
      for (const t of tables) out[t.name] = await t.toArray();
      return out;
    }),
  );
  if (raw['keys']) raw['keys'] = (raw['keys'] as KeyRow[]).flatMap((k) => portableKey(k) ?? []);
  const stores: Record<string, unknown[]> = {};
  for (const [name, rows] of Object.entries(raw)) stores[name] = (await encodeValue(rows)) as unknown[];
  return { version: db.verno, stores };
}

export class BackupVersionError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'BackupVersionError';
  }
}

/** Rows that do not fit their store's schema (at the latest version): the backup is refused whole. */
export class BackupRowsError extends Error {
  constructor(readonly problems: RowProblem[]) {
    super(problems.map((p) => `${p.store}[${p.index}] ${p.path}: ${p.message}`).join('; '));
    this.name = 'BackupRowsError';
  }
}

/**
 * Replaces the database with a dump in one transaction: every store is cleared and refilled, except that
 * this device's own keys (non-extractable ones) stay. A dump from a newer database version, naming a store
 * its version does not have, or holding a row that does not fit its store's schema, is refused before
 * anything is touched. A dump of an older version first goes through the same migrations as a live
 * database (written into a scratch database of its version, which Dexie then upgrades).
 */
export async function restoreDatabase(db: TabianDb, dump: DatabaseDump): Promise<void> {
  if (dump.version > db.verno)
    throw new BackupVersionError(`backup of database version ${dump.version}, this app has ${db.verno}`);
  const decoded = dump.version < db.verno ? await upgraded(dump, db.verno) : decodedStores(db, dump);
  const problems = checkRows(decoded);
  if (problems.length) throw new BackupRowsError(problems);
  const tables = db.tables.filter((t) => !SKIPPED.has(t.name));
  // Rows arrive clear and the backup brings its own vault (its users' wraps of its data key): written
  // clear now, sealed at the first sign-in with the backup's PINs.
  const vault = decoded['settings']?.find((r) => (r as { key?: string }).key === VAULT_SETTING) as
    { value: { enabled?: boolean } } | undefined;
  if (vault?.value.enabled) vault.value = { ...vault.value, pending: true } as typeof vault.value;
  const was = vaultStatus().enabled;
  setVaultEnabled(false);
  try {
    await restoreTables(db, tables, decoded);
  } catch (e) {
    setVaultEnabled(was);
    throw e;
  }
  setVaultEnabled(vault?.value.enabled === true);
  // The restored rows are clear until the first sign-in seals them.
  setSealPolicy({ pending: true, sealFormat: 1 });
  closeVault();
}

function decodedStores(db: Dexie, dump: DatabaseDump): Record<string, unknown[]> {
  const names = new Set(db.tables.map((t) => t.name));
  const unknown = Object.keys(dump.stores).filter((n) => !names.has(n));
  if (unknown.length) throw new BackupVersionError(`unknown stores: ${unknown.join(', ')}`);
  return Object.fromEntries(Object.entries(dump.stores).map(([n, rows]) => [n, decodeValue(rows) as unknown[]]));
}

/** An older dump's rows after the migrations since its version, read back from a scratch database. */
async function upgraded(dump: DatabaseDump, latest: number): Promise<Record<string, unknown[]>> {
  const name = `tabian-restore-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const old = new TabianDb(name, dump.version, { scratch: true });
  try {
    const decoded = decodedStores(old, dump);
    await guarded(() =>
      old.transaction('rw', old.tables, async () => {
        for (const t of old.tables) if (decoded[t.name]?.length) await t.bulkPut(decoded[t.name]!);
      }),
    );
    old.close();
    const now = new TabianDb(name, latest, { scratch: true });
    try {
      return await guarded(() =>
        now.transaction('r', now.tables, async () => {
          const out: Record<string, unknown[]> = {};
          for (const t of now.tables) out[t.name] = await t.toArray();
          return out;
        }),
      );
    } finally {
      now.close();
    }
  } finally {
    old.close();
    await Dexie.delete(name);
  }
}

async function restoreTables(
  db: TabianDb,
  tables: TabianDb['tables'],
  decoded: Record<string, unknown[]>,
): Promise<void> {
  await guarded(() =>
    db.transaction('rw', tables, async () => {
      for (const t of tables) {
        if (t.name === 'keys') {
          const own = (await db.keys.toArray()).filter((k) => k.wrapped === null);
          await t.clear();
          await t.bulkPut(own);
        } else if (t.name === 'settings') {
          // The device's own sync identity and clock stay; the backed-up device's never arrive.
          const own = (await db.settings.bulkGet([...DEVICE_ONLY_SETTINGS])).filter((r) => !!r);
          await t.clear();
          await t.bulkPut(own);
          decoded[t.name] = (decoded[t.name] ?? []).filter(
            (r) => !DEVICE_ONLY_SETTINGS.includes((r as { key?: string }).key ?? ''),
          );
        } else {
          await t.clear();
        }
        const rows = decoded[t.name];
        if (rows?.length) await t.bulkPut(rows);
      }
    }),
  );
}

export async function lastBackup(db: TabianDb): Promise<LastBackup | null> {
  const row = await guarded(() => db.settings.get(LAST_BACKUP));
  return (row?.value as LastBackup | undefined) ?? null;
}

export async function noteBackup(db: TabianDb, last: LastBackup): Promise<void> {
  await guarded(() => db.settings.put({ key: LAST_BACKUP, value: last }));
}
