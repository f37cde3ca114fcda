// The vault's setting and its life: made with the first user of a new school, unlocked at sign-in with
// the user's PIN, a wrap added for every user created or given a new PIN while it is open, and every
// personal store rewritten when it is turned on or off (or after a restore brought clear rows, or rows
// remain in the seal format that did not bind their clear fields). Wraps use the user's PIN key (decision
// 20); an older PBKDF2 wrap is replaced at the sign-in that opens it. The data key exists in every
// installation, with the vault on or off and in a district (decision 26): the device's and district's
// private keys are sealed under it, so it is opened at every sign-in; `enabled` only says whether personal
// rows are sealed with it too.
import {
  isLegacyWrap,
  passkeyOf,
  unwrapDataKey,
  vaultSettingSchema,
  wrapDataKey,
  type PasskeyRequest,
  type PinSecret,
  type VaultSetting,
  type WrappedKey,
} from '../domain/vault/data-key';
import { VAULT_SETTING, type TabianDb } from './database';
import { guarded } from './errors';
import { openKey, openVault, SEALED_STORES, setSealPolicy, setVaultEnabled, vaultStatus } from './vault';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

export async function loadVaultSetting(db: TabianDb): Promise<VaultSetting | null> {
  const row = await guarded(() => db.settings.get(VAULT_SETTING));
  const parsed = vaultSettingSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : null;
}

const putSetting = (db: TabianDb, value: VaultSetting) => guarded(() => db.settings.put({ key: VAULT_SETTING, value }));

export type Unlock = { ok: true } | { ok: false; problem: 'vault.no_wrap' | 'vault.wrong_key' | 'vault.passkey' };

/** Asks the user's passkey for its PRF output (WebAuthn, in the UI); null when it is not given. */
export type PasskeyPrompt = (request: PasskeyRequest) => Promise<Uint8Array | null>;
/** The PIN secret at sign-in, and how to ask for a passkey when the user's wrap needs one. */
export type UnlockSecret = PinSecret & { passkey?: PasskeyPrompt };

/** The user's wrap opened: with the passkey's PRF output when the wrap needs it (decision 26). */
async function openWrap(wrap: WrappedKey, secret: UnlockSecret): Promise<Uint8Array | 'passkey' | null> {
  const request = passkeyOf(wrap);
  if (!request) return unwrapDataKey(wrap, secret);
  const prf = secret.passkey ? await secret.passkey(request) : null;
  if (!prf) return 'passkey';
  return unwrapDataKey(wrap, { ...secret, prf });
}

/**
 * A data key for an installation that has none (a district, a school that turned the vault off in an
 * earlier release, which deleted the key): not sealing rows, only the device's keys. Opened for this user.
 */
export async function startDataKey(db: TabianDb, userId: string, pinKey: Uint8Array): Promise<void> {
  const key = random(32);
  await putSetting(db, {
    version: 1,
    enabled: false,
    wraps: { [userId]: await wrapDataKey(key, pinKey, random) },
    pending: false,
    sealFormat: 2,
  });
  await openVault(key);
  key.fill(0);
}

/** With the vault off: the data key opens for the device's keys when this user has a wrap; sign-in never depends on it. */
async function openKeysOnly(
  db: TabianDb,
  setting: VaultSetting | null,
  userId: string,
  secret: UnlockSecret,
): Promise<Unlock> {
  if (!setting) {
    await startDataKey(db, userId, secret.pinKey);
    return { ok: true };
  }
  const wrap = setting.wraps[userId];
  const key = wrap ? await openWrap(wrap, secret) : null;
  if (!key || key === 'passkey') return { ok: true };
  if (isLegacyWrap(wrap!))
    await putSetting(db, {
      ...setting,
      wraps: { ...setting.wraps, [userId]: await wrapDataKey(key, secret.pinKey, random) },
    });
  await openVault(key);
  key.fill(0);
  return { ok: true };
}

/** Opens the vault for a user whose PIN was just checked; rows a restore left clear, or sealed in format 1, are sealed now. */
export async function unlockVault(
  db: TabianDb,
  userId: string,
  secret: UnlockSecret,
  onProgress?: (done: number, total: number) => void,
): Promise<Unlock> {
  let setting = await loadVaultSetting(db);
  if (!setting?.enabled) return openKeysOnly(db, setting, userId, secret);
  const wrap = setting.wraps[userId];
  if (!wrap) return { ok: false, problem: 'vault.no_wrap' };
  const key = await openWrap(wrap, secret);
  if (key === 'passkey') return { ok: false, problem: 'vault.passkey' };
  if (!key) return { ok: false, problem: 'vault.wrong_key' };
  if (isLegacyWrap(wrap)) {
    // The PBKDF2 wrap would stay a cheaper target than the new PIN hash: replace it now.
    setting = { ...setting, wraps: { ...setting.wraps, [userId]: await wrapDataKey(key, secret.pinKey, random) } };
    await putSetting(db, setting);
  }
  setVaultEnabled(true);
  await openVault(key);
  key.fill(0);
  if (setting.pending || setting.sealFormat < 2) await resealAll(db, setting, onProgress);
  return { ok: true };
}

/** Rewrites every personal row sealed in the current format, then records that older rows are refused. */
async function resealAll(
  db: TabianDb,
  setting: VaultSetting,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  setSealPolicy({ pending: setting.pending, sealFormat: 1 });
  await rewriteSealedStores(db, onProgress);
  const done = { ...((await loadVaultSetting(db)) ?? setting), pending: false, sealFormat: 2 as const };
  await putSetting(db, done);
  setSealPolicy({ pending: false, sealFormat: 2 });
}

/**
 * Gives a user (new, or with a new PIN) a wrap of the open key, under their PIN key and, with `passkey`,
 * that passkey's PRF output too; a wrap made without one drops the user's passkey (a new PIN is the way
 * back from a lost passkey). With the vault off and the key not open (the administrator has no wrap), the
 * user gets none: they sign in, but cannot use the device's keys.
 */
export async function addUserWrap(
  db: TabianDb,
  userId: string,
  pinKey: Uint8Array,
  passkey?: PasskeyRequest & { prf: Uint8Array },
): Promise<void> {
  const setting = await loadVaultSetting(db);
  if (!setting) return;
  const key = openKey();
  if (!key && !setting.enabled) return;
  if (!key) throw new Error('the vault is locked: only a signed-in user can give another user access');
  const wrap = await wrapDataKey(key, pinKey, random, passkey);
  key.fill(0);
  await putSetting(db, { ...setting, wraps: { ...setting.wraps, [userId]: wrap } });
}

/**
 * Turns encryption on; existing rows are sealed. The open data key is kept with every user's wrap of it
 * (the device's keys stay sealed under it); without one, a fresh key is wrapped for this user only.
 */
export async function enableVault(
  db: TabianDb,
  userId: string,
  pinKey: Uint8Array,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  const before = await loadVaultSetting(db);
  const open = before ? openKey() : null;
  const key = open ?? random(32);
  const wrap = await wrapDataKey(key, pinKey, random);
  // A wrap the user already has stays (it may need their passkey too, decision 26).
  const wraps = open && before ? { [userId]: wrap, ...before.wraps } : { [userId]: wrap };
  // Pending first: a crash before the rewrite ends is finished at the next sign-in.
  const setting: VaultSetting = { version: 1, enabled: true, wraps, pending: true, sealFormat: 1 };
  await putSetting(db, setting);
  setVaultEnabled(true);
  await openVault(key);
  key.fill(0);
  await resealAll(db, setting, onProgress);
}

/**
 * Turns encryption off: every personal store is rewritten in clear. The data key and its wraps stay (the
 * device's keys are sealed under it), and it stays open for the signed-in user.
 */
export async function disableVault(db: TabianDb, onProgress?: (done: number, total: number) => void): Promise<void> {
  if (!vaultStatus().open) throw new Error('the vault is locked');
  setVaultEnabled(false);
  try {
    await rewriteSealedStores(db, onProgress);
  } catch (e) {
    setVaultEnabled(true);
    throw e;
  }
  const setting = await loadVaultSetting(db);
  if (setting) await putSetting(db, { ...setting, enabled: false, pending: false });
}

const CHUNK = 500;

async function blobBytes(t: TabianDb['tables'][number]): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const row of (await guarded(() => t.toArray())) as { id: string; file: unknown }[]) {
    const file = row.file as Blob | null;
    if (file && !ArrayBuffer.isView(file) && typeof file.arrayBuffer === 'function')
      out.set(row.id, new Uint8Array(await file.arrayBuffer()));
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
    await guarded(() =>
      db.transaction('rw', t, async () => {
        const rows = (await t.toArray()).map((r) => (bytesOf.has(r.id) ? { ...r, file: bytesOf.get(r.id) } : r));
        for (let i = 0; i < rows.length; i += CHUNK) {
          await t.bulkPut(rows.slice(i, i + CHUNK));
          done += Math.min(CHUNK, rows.length - i);
          onProgress?.(done, total);
        }
      }),
    );
  }
}
