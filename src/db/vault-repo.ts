// The vault's setting and its life: made with the first user of a new school, unlocked at sign-in with
// the user's PIN, a wrap added for every user created or given a new PIN while it is open, and every
// personal store rewritten when it is turned on or off (or after a restore brought clear rows).
import { unwrapDataKey, vaultSettingSchema, wrapDataKey, type VaultSetting } from '../domain/vault/data-key';
import { VAULT_SETTING, type TabianDb } from './database';
import { guarded } from './errors';
import { closeVault, openKey, openVault, SEALED_STORES, setVaultEnabled, vaultStatus } from './vault';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

export async function loadVaultSetting(db: TabianDb): Promise<VaultSetting | null> {
  const row = await guarded(() => db.settings.get(VAULT_SETTING));
  const parsed = vaultSettingSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

const putSetting = (db: TabianDb, value: VaultSetting) => guarded(() => db.settings.put({ key: VAULT_SETTING, value }));

export type Unlock = { ok: true } | { ok: false; problem: 'vault.no_wrap' | 'vault.wrong_key' };

/** Opens the vault for a user whose PIN was just checked; rows a restore left clear are sealed now. */
export async function unlockVault(db: TabianDb, userId: string, pin: string, onProgress?: (done: number, total: number) => void): Promise<Unlock> {
  const setting = await loadVaultSetting(db);
  if (!setting?.enabled) return { ok: true };
  const wrap = setting.wraps[userId];
  if (!wrap) return { ok: false, problem: 'vault.no_wrap' };
  const key = await unwrapDataKey(wrap, pin);
  if (!key) return { ok: false, problem: 'vault.wrong_key' };
  setVaultEnabled(true);
  await openVault(key);
  key.fill(0);
  if (setting.pending) {
    await rewriteSealedStores(db, onProgress);
    await putSetting(db, { ...setting, pending: false });
  }
  return { ok: true };
}

/** Gives another user (new, or with a new PIN) a wrap of the open key; nothing to do with the vault off. */
export async function addUserWrap(db: TabianDb, userId: string, pin: string, iterations?: number): Promise<void> {
  const setting = await loadVaultSetting(db);
  if (!setting?.enabled) return;
  const key = openKey();
  if (!key) throw new Error('the vault is locked: only a signed-in user can give another user access');
  const wrap = await wrapDataKey(key, pin, random, iterations);
  key.fill(0);
  await putSetting(db, { ...setting, wraps: { ...setting.wraps, [userId]: wrap } });
}

/** Turns encryption on with a fresh data key wrapped for this user; existing rows are sealed. */
export async function enableVault(db: TabianDb, userId: string, pin: string, onProgress?: (done: number, total: number) => void, iterations?: number): Promise<void> {
  const key = random(32);
  const wrap = await wrapDataKey(key, pin, random, iterations);
  // Pending first: a crash before the rewrite ends is finished at the next sign-in.
  await putSetting(db, { version: 1, enabled: true, wraps: { [userId]: wrap }, pending: true });
  setVaultEnabled(true);
  await openVault(key);
  key.fill(0);
  await rewriteSealedStores(db, onProgress);
  await putSetting(db, { version: 1, enabled: true, wraps: { [userId]: wrap }, pending: false });
}

/** Turns encryption off: every personal store is rewritten in clear, then the wraps are deleted. */
export async function disableVault(db: TabianDb, onProgress?: (done: number, total: number) => void): Promise<void> {
  if (!vaultStatus().open) throw new Error('the vault is locked');
  setVaultEnabled(false);
  try {
    await rewriteSealedStores(db, onProgress);
  } catch (e) {
    setVaultEnabled(true);
    throw e;
  }
  await guarded(() => db.settings.delete(VAULT_SETTING));
  closeVault();
}

const CHUNK = 500;

async function blobBytes(t: TabianDb['tables'][number]): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const row of (await guarded(() => t.toArray())) as { id: string; file: unknown }[]) {
    const file = row.file as Blob | null;
    if (file && !ArrayBuffer.isView(file) && typeof file.arrayBuffer === 'function') out.set(row.id, new Uint8Array(await file.arrayBuffer()));
  }
  return out;
}

/** Reads every personal row (opened) and writes it back (sealed or clear, as the vault now says), store by store. */
async function rewriteSealedStores(db: TabianDb, onProgress?: (done: number, total: number) => void): Promise<void> {
  const tables = db.tables.filter((t) => SEALED_STORES.includes(t.name));
  const counts = await guarded(() => Promise.all(tables.map((t) => t.count())));
  const total = counts.reduce((a, b) => a + b, 0);
  let done = 0;
  onProgress?.(0, total);
  for (const t of tables) {
    // Blobs (bundle files) become bytes first: reading a Blob cannot happen inside the transaction.
    const bytesOf = t.name === 'bundles' ? await blobBytes(t) : new Map<string, Uint8Array>();
    // One transaction per store: a store is never half sealed, and reads tolerate clear rows meanwhile.
    await guarded(() => db.transaction('rw', t, async () => {
      const rows = (await t.toArray()).map((r) => (bytesOf.has(r.id) ? { ...r, file: bytesOf.get(r.id) } : r));
      for (let i = 0; i < rows.length; i += CHUNK) {
        await t.bulkPut(rows.slice(i, i + CHUNK));
        done += Math.min(CHUNK, rows.length - i);
        onProgress?.(done, total);
      }
    }));
  }
}
