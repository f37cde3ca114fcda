// Encryption at rest in the storage layer: a Dexie middleware seals rows of the personal-data stores on
// the way into IndexedDB and opens them on the way out, so every repository, search and duplicate check
// above works on clear records while the disk holds ciphertext. The data key lives only in memory, from
// sign-in to lock. With the vault on and locked, personal stores refuse to be written rather than write
// clear text. With the vault on, a clear row in a personal store is refused as damaged (someone with the
// files planted it), except while rows are known to wait for sealing (a restore, turning on).
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTableSchema, Dexie, Middleware } from 'dexie';
import type { SealContext } from '../domain/vault/seal';
import { SEALED, VaultError } from '../domain/vault/sealed';

// The cipher loads with the first key (a sign-in), not with the first screen.
type Sealing = typeof import('../domain/vault/seal');
let sealing: Sealing | null = null;
import { StorageError } from './errors';

/** Stores holding children's personal data (names, IDs, addresses, family, health, evidence). */
export const SEALED_STORES: readonly string[] = [
  'students',
  'audit',
  'movements',
  'rounds',
  'attendance',
  'results',
  'incoming',
  'corrections',
  'measurements',
  'ops',
  'findings',
  // A school's own copies of its submissions, sync and findings bundles (stored as bytes while sealed).
  'bundles',
  // Home photos and poor-student screenings (income, family, GPS): decisions 0028 and 0029.
  'photos',
  'screenings',
  // The staff roster: names, ID numbers, birth dates and phones of adults, sealed like the children's.
  'staff',
];

interface VaultState {
  enabled: boolean;
  key: Uint8Array | null;
  acceptClear: boolean;
  minFormat: number;
  /** The same key for WebCrypto (rows sealed ahead of their transaction); not extractable. */
  native: CryptoKey | null;
  /** Changes with every key and every switch on or off: a row sealed ahead under an older one is refused. */
  generation: number;
}
const state: VaultState = { enabled: false, key: null, acceptClear: true, minFormat: 1, native: null, generation: 0 };

export const vaultStatus = (): { enabled: boolean; open: boolean } => ({
  enabled: state.enabled,
  open: state.key !== null,
});
export function setVaultEnabled(enabled: boolean): void {
  if (enabled !== state.enabled) state.generation++;
  state.enabled = enabled;
}
/**
 * What the stored vault setting says rows look like: whether clear rows may still be there (`pending`),
 * and the oldest seal format still accepted. Set when the database opens and after each rewrite.
 */
export function setSealPolicy(policy: { pending: boolean; sealFormat: number }): void {
  state.acceptClear = policy.pending;
  state.minFormat = policy.sealFormat;
}
export async function openVault(key: Uint8Array): Promise<void> {
  sealing ??= await import('../domain/vault/seal');
  state.native = await crypto.subtle.importKey('raw', key.slice(), 'AES-GCM', false, ['encrypt']);
  state.key = key.slice();
  state.generation++;
}
/** Forgets the key (lock, sign-out); the bytes are overwritten, not just dropped. */
export function closeVault(): void {
  state.key?.fill(0);
  state.key = null;
  state.native = null;
  state.generation++;
}
/** The open data key, for wrapping it for another user. */
export function openKey(): Uint8Array | null {
  return state.key ? state.key.slice() : null;
}

const nonce = () => crypto.getRandomValues(new Uint8Array(12));

function contextOf(schema: DBCoreTableSchema): SealContext {
  const paths = [schema.primaryKey.keyPath, ...schema.indexes.map((i) => i.keyPath)]
    .flat()
    .filter((p): p is string => typeof p === 'string');
  return {
    store: schema.name,
    primaryKey: schema.primaryKey.keyPath as string,
    clear: [...new Set(paths.map((p) => p.split('.')[0]!))],
  };
}

function open(ctx: SealContext, value: unknown): unknown {
  if (value === undefined || value === null || typeof value !== 'object') return value;
  if (!(SEALED in value)) {
    if (state.enabled && !state.acceptClear)
      throw new StorageError('storage.damaged', new VaultError('vault.damaged', `a clear row in sealed ${ctx.store}`));
    return value;
  }
  if (!state.key) throw new StorageError('storage.locked', new Error(`${ctx.store} is sealed and the vault is locked`));
  try {
    return sealing!.openRow(value as Record<string, unknown>, ctx, state.key, state.minFormat);
  } catch (e) {
    if (e instanceof VaultError) throw new StorageError('storage.damaged', e);
    throw e;
  }
}

// Rows sealed by presealRows, with the store and the key generation they were sealed for.
const presealed = new WeakMap<object, { store: string; generation: number }>();

function seal(ctx: SealContext, req: DBCoreMutateRequest): DBCoreMutateRequest {
  if ((req.type !== 'add' && req.type !== 'put') || !state.enabled) {
    if (req.type === 'add' || req.type === 'put') refuseSealedAhead(req.values);
    return req;
  }
  if (!state.key) throw new StorageError('storage.locked', new Error(`${ctx.store} is sealed and the vault is locked`));
  const key = state.key;
  return {
    ...req,
    values: req.values.map((v) => {
      const ahead = presealed.get(v as object);
      if (!ahead) return sealing!.sealRow(v as Record<string, unknown>, ctx, key, nonce());
      // Sealed before this transaction: stored as it is, if for this store under the key still open.
      if (ahead.store !== ctx.store || ahead.generation !== state.generation) throw staleSeal(ctx.store);
      return v;
    }),
  };
}

const staleSeal = (store: string) =>
  new StorageError('storage.locked', new Error(`a row of ${store} was sealed under a key since closed`));
function refuseSealedAhead(values: readonly unknown[]): void {
  for (const v of values)
    if (typeof v === 'object' && v !== null && presealed.has(v)) throw staleSeal('a sealed store');
}

/**
 * Rows of a personal store sealed now, with WebCrypto, for a transaction that follows: sealing inside a
 * transaction must be synchronous (pure-JS AES-GCM, about 0.1 ms a row), while WebCrypto is native but
 * asynchronous. The rows come back as stored (the same format as sealRow) and the middleware writes them
 * unchanged, unless the key was closed or changed in between. With the vault off, the rows as they are.
 */
export async function presealRows<T extends object>(db: Dexie, store: string, rows: readonly T[]): Promise<T[]> {
  if (!state.enabled || !SEALED_STORES.includes(store)) return [...rows];
  const key = state.native;
  if (!key || !sealing)
    throw new StorageError('storage.locked', new Error(`${store} is sealed and the vault is locked`));
  const generation = state.generation;
  const ctx = contextOf(db.core.table(store).schema);
  const out = await Promise.all(
    rows.map((r) => sealing!.sealRowNative(r as Record<string, unknown>, ctx, key, nonce())),
  );
  for (const r of out) presealed.set(r, { store, generation });
  return out as T[];
}

function sealedTable(table: DBCoreTable): DBCoreTable {
  const ctx = contextOf(table.schema);
  return {
    ...table,
    mutate: (req) => {
      let sealedReq: DBCoreMutateRequest;
      try {
        sealedReq = seal(ctx, req);
      } catch (e) {
        return Promise.reject(e);
      }
      return table.mutate(sealedReq);
    },
    get: (req) => table.get(req).then((v) => open(ctx, v)),
    getMany: (req) => table.getMany(req).then((vs) => vs.map((v) => open(ctx, v))),
    query: (req) =>
      table.query(req).then((res) => (req.values ? { ...res, result: res.result.map((v) => open(ctx, v)) } : res)),
    openCursor: (req) =>
      table.openCursor(req).then((cursor) => {
        if (!cursor || req.values === false) return cursor;
        // Native getters check their receiver (Chromium throws "Illegal invocation"): read them off the cursor itself.
        return Object.create(cursor, {
          key: { get: () => cursor.key },
          primaryKey: { get: () => cursor.primaryKey },
          value: { get: () => open(ctx, cursor.value) },
        });
      }),
  };
}

/** Below Dexie's own middlewares (level -1), so hooks and caches see clear records. */
export const vaultMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'TabianVault',
  level: -2,
  create: (down) => ({
    ...down,
    table: (name) => (SEALED_STORES.includes(name) ? sealedTable(down.table(name)) : down.table(name)),
  }),
};
