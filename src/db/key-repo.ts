// This device's own key pairs: a tablet's device key, the district's key, people's PIN-wrapped keys.
// Private keys are stored as non-extractable CryptoKeys (IndexedDB keeps them as they are) or, for a
// person, only wrapped by their PIN or passphrase; the raw private key is never written anywhere.
import { fromBase64, toBase64, type Bytes } from '../domain/bundle/bytes';
import { generateSigningKey, keyParams, type Key, type SigningKey } from '../domain/bundle/keys';
import { unwrapPrivateKey, wrapPrivateKey, type WrappedKey } from '../domain/bundle/key-wrap';
import { PIN_WRAP_ALG, unwrapWithPinKey, wrapWithPinKey, type PinWrappedKey } from '../domain/bundle/pin-key-wrap';
import type { PinSecret } from '../domain/access/pin-kdf';
import type { Role } from '../domain/bundle/statement';
import type { DecryptionKey } from '../domain/bundle/verify-files';
import type { TabianDb } from './database';
import type { KeyRow } from './rows';
import { guarded } from './errors';

export type { KeyRow };

export type DeviceKeyRole = Extract<Role, 'device' | 'district'>;

export interface NewKey {
  row: KeyRow;
  /** A passphrase-wrapped copy for safe keeping, when one was asked for (the only moment it can be made). */
  backup: WrappedKey | null;
}

/**
 * A new key pair that never leaves the device. The district's key also gets its ECDH half (same key
 * material), since schools encrypt to the key the district signs with. With `backupSecret`, a wrapped
 * copy is made before the extractable material is dropped.
 */
export async function createDeviceKey(
  db: TabianDb, opts: { role: DeviceKeyRole; name: string; now: Date; backupSecret?: string; random?: (n: number) => Bytes },
): Promise<NewKey> {
  const needsCopy = opts.role === 'district' || opts.backupSecret !== undefined;
  const key = await generateSigningKey(needsCopy);
  let signKey = key.privateKey;
  let decryptKey: Key | null = null;
  let backup: WrappedKey | null = null;
  if (needsCopy) {
    const pkcs8 = await crypto.subtle.exportKey('pkcs8', key.privateKey);
    signKey = await importPkcs8(pkcs8, 'sign');
    if (opts.role === 'district') decryptKey = await importPkcs8(pkcs8, 'decrypt');
    if (opts.backupSecret !== undefined) {
      backup = await wrapPrivateKey(key.privateKey, key, opts.backupSecret, opts.random ?? ((n) => crypto.getRandomValues(new Uint8Array(n))));
    }
  }
  const row = rowOf(key, opts.role, null, opts.name, opts.now, { signKey, decryptKey, wrapped: null });
  await putActive(db, row);
  return { row, backup };
}

function importPkcs8(pkcs8: ArrayBuffer, use: 'sign' | 'decrypt'): Promise<Key> {
  const { algorithm, usages } = keyParams(use);
  return crypto.subtle.importKey('pkcs8', pkcs8, algorithm, false, usages);
}

function rowOf(
  key: { keyid: string; spki: Bytes }, role: Role, userId: string | null, name: string, now: Date,
  secret: Pick<KeyRow, 'signKey' | 'decryptKey' | 'wrapped'>,
): KeyRow {
  return { keyid: key.keyid, role, userId, name, spki: toBase64(key.spki), createdAt: now.toISOString(), ...secret, retiredAt: null };
}

/** Stores a key as the active one of its role (and user), retiring the one before it in the same transaction. */
async function putActive(db: TabianDb, row: KeyRow): Promise<void> {
  await guarded(() => db.transaction('rw', db.keys, async () => {
    const same = await db.keys.where('role').equals(row.role).filter((k) => k.userId === row.userId && k.retiredAt === null).toArray();
    for (const old of same) await db.keys.put({ ...old, retiredAt: row.createdAt });
    await db.keys.put(row);
  }));
}

/** A person's key, stored only in its wrapped form (wrapPrivateKey made it from an extractable key). */
export async function storeWrappedKey(db: TabianDb, wrapped: WrappedKey | PinWrappedKey, opts: { role: Role; userId: string | null; name: string; now: Date }): Promise<KeyRow> {
  const row = rowOf({ keyid: wrapped.keyid, spki: fromBase64(wrapped.spki)! }, opts.role, opts.userId, opts.name, opts.now, { signKey: null, decryptKey: null, wrapped });
  await putActive(db, row);
  return row;
}

/**
 * Brings back a district key from its passphrase-wrapped backup, non-extractable as when it was made;
 * null when the passphrase is wrong.
 */
export async function restoreDistrictKey(db: TabianDb, backup: WrappedKey, secret: string, opts: { name: string; now: Date }): Promise<KeyRow | null> {
  const signKey = await unwrapPrivateKey(backup, secret, 'sign');
  const decryptKey = signKey && (await unwrapPrivateKey(backup, secret, 'decrypt'));
  if (!signKey || !decryptKey) return null;
  const row = rowOf({ keyid: backup.keyid, spki: fromBase64(backup.spki)! }, 'district', null, opts.name, opts.now, { signKey, decryptKey, wrapped: null });
  await putActive(db, row);
  return row;
}

export async function getKey(db: TabianDb, keyid: string): Promise<KeyRow | null> {
  return (await guarded(() => db.keys.get(keyid))) ?? null;
}

/** Keys of a role (and user), the active one first, then retired ones newest first. */
export async function listKeys(db: TabianDb, filter: { role?: Role; userId?: string | null } = {}): Promise<KeyRow[]> {
  const rows = await guarded(() => (filter.role ? db.keys.where('role').equals(filter.role).toArray() : db.keys.toArray()));
  return rows
    .filter((k) => filter.userId === undefined || k.userId === filter.userId)
    .sort((a, b) => Number(a.retiredAt !== null) - Number(b.retiredAt !== null) || (a.createdAt < b.createdAt ? 1 : -1));
}

/** The key a device or person signs with now, or null. */
export async function activeKey(db: TabianDb, role: Role, userId: string | null = null): Promise<KeyRow | null> {
  return (await listKeys(db, { role, userId })).find((k) => k.retiredAt === null) ?? null;
}

/** Opens a person's wrapped key with the owner's PIN secret; null when it does not open. */
function openWrapped(w: WrappedKey | PinWrappedKey, secret: string | PinSecret, extractable = false): Promise<Key | null> {
  if (w.alg === PIN_WRAP_ALG) return typeof secret === 'string' ? Promise.resolve(null) : unwrapWithPinKey(w, secret.pinKey, 'sign', extractable);
  return unwrapPrivateKey(w, typeof secret === 'string' ? secret : secret.pin, 'sign', extractable);
}

/** A stored key ready to sign; for a wrapped key, the secret opens it (null when wrong). */
export async function signingKeyOf(row: KeyRow, secret?: string | PinSecret): Promise<SigningKey | null> {
  const privateKey = row.signKey ?? (row.wrapped && secret !== undefined ? await openWrapped(row.wrapped, secret) : null);
  return privateKey ? { privateKey, keyid: row.keyid, spki: fromBase64(row.spki)! } : null;
}

/**
 * Rewraps a user's signing keys under a PIN key: at the sign-in that upgrades an older PIN (`onlyLegacy`,
 * the PBKDF2 wraps would stay cheaper to attack), or when the user changes their PIN. A key the old secret
 * does not open (wrapped under an even older PIN) is left as it is.
 */
export async function rewrapPersonKeys(db: TabianDb, userId: string, from: PinSecret, toPinKey: Uint8Array, onlyLegacy: boolean): Promise<number> {
  const rows = (await listKeys(db)).filter((k) => k.userId === userId && k.wrapped && (!onlyLegacy || k.wrapped.alg !== PIN_WRAP_ALG));
  const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
  const next: KeyRow[] = [];
  for (const row of rows) {
    const key = await openWrapped(row.wrapped!, from, true);
    if (key) next.push({ ...row, wrapped: await wrapWithPinKey(key, { keyid: row.keyid, spki: fromBase64(row.spki)! }, toPinKey, random) });
  }
  if (next.length) await guarded(() => db.keys.bulkPut(next));
  return next.length;
}

/** Every district key this device holds, retired ones included: an old submission may be encrypted to one. */
export async function decryptionKeys(db: TabianDb): Promise<DecryptionKey[]> {
  const rows = await listKeys(db, { role: 'district' });
  return rows.flatMap((k) => (k.decryptKey ? [{ keyid: k.keyid, privateKey: k.decryptKey }] : []));
}
