// Encryption at rest in the storage layer: a Dexie middleware seals rows of the personal-data stores on
// the way into IndexedDB and opens them on the way out, so every repository, search and duplicate check
// above works on clear records while the disk holds ciphertext. The data key lives only in memory, from
// sign-in to lock. With the vault on and locked, personal stores refuse to be written rather than write
// clear text. With the vault on, a clear row in a personal store is refused as damaged (someone with the
// files planted it), except while rows are known to wait for sealing (a restore, turning on).
import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTableSchema, Middleware } from 'dexie';
import type { SealContext } from '../domain/vault/seal';
import { SEALED, VaultError } from '../domain/vault/sealed';

// The cipher loads with the first key (a sign-in), not with the first screen.
type Sealing = typeof import('../domain/vault/seal');
let sealing: Sealing | null = null;
import { StorageError } from './errors';

/** Stores holding children's personal data (names, IDs, addresses, family, health, evidence). */
export const SEALED_STORES: readonly string[] = [
  'students', 'audit', 'movements', 'rounds', 'attendance', 'results', 'incoming', 'corrections', 'measurements', 'ops', 'findings',
  // A school's own copies of its submissions, sync and findings bundles (stored as bytes while sealed).
  'bundles',
  // The staff roster: names, ID numbers, birth dates and phones of adults, sealed like the children's.
  'staff',
];

interface VaultState { enabled: boolean; key: Uint8Array | null; acceptClear: boolean; minFormat: number }
const state: VaultState = { enabled: false, key: null, acceptClear: true, minFormat: 1 };

export const vaultStatus = (): { enabled: boolean; open: boolean } => ({ enabled: state.enabled, open: state.key !== null });
export function setVaultEnabled(enabled: boolean): void {
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
  state.key = key.slice();
}
/** Forgets the key (lock, sign-out); the bytes are overwritten, not just dropped. */
export function closeVault(): void {
  state.key?.fill(0);
  state.key = null;
}
/** The open data key, for wrapping it for another user. */
export function openKey(): Uint8Array | null {
  return state.key ? state.key.slice() : null;
}

const nonce = () => crypto.getRandomValues(new Uint8Array(12));

function contextOf(schema: DBCoreTableSchema): SealContext {
  const paths = [schema.primaryKey.keyPath, ...schema.indexes.map((i) => i.keyPath)].flat().filter((p): p is string => typeof p === 'string');
  return { store: schema.name, primaryKey: schema.primaryKey.keyPath as string, clear: [...new Set(paths.map((p) => p.split('.')[0]!))] };
}

function open(ctx: SealContext, value: unknown): unknown {
  if (value === undefined || value === null || typeof value !== 'object') return value;
  if (!(SEALED in value)) {
    if (state.enabled && !state.acceptClear) throw new StorageError('storage.damaged', new VaultError('vault.damaged', `a clear row in sealed ${ctx.store}`));
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

function seal(ctx: SealContext, req: DBCoreMutateRequest): DBCoreMutateRequest {
  if ((req.type !== 'add' && req.type !== 'put') || !state.enabled) return req;
  if (!state.key) throw new StorageError('storage.locked', new Error(`${ctx.store} is sealed and the vault is locked`));
  const key = state.key;
  return { ...req, values: req.values.map((v) => sealing!.sealRow(v as Record<string, unknown>, ctx, key, nonce())) };
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
    query: (req) => table.query(req).then((res) => (req.values ? { ...res, result: res.result.map((v) => open(ctx, v)) } : res)),
    openCursor: (req) => table.openCursor(req).then((cursor) => {
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
