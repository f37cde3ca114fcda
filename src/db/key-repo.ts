// This device's own key pairs: a tablet's device key, the district's key, people's PIN-wrapped keys.
// Every private key is stored only wrapped (decision 26): a device's or district's key sealed under the
// data key (opened at sign-in, forgotten at lock), a person's under their own PIN key. Rows of earlier
// releases may still hold bare non-extractable CryptoKeys (`signKey`, `decryptKey`): a device key is
// replaced at the next sign-in (settleDeviceKeys), a district key stays until it is brought back from
// its passphrase backup (restoreDistrictKey), since schools encrypt to it and its fingerprint is on paper.
import { fromBase64, toBase64, type Bytes } from '../domain/bundle/bytes';
import { generateSigningKey, type Key, type SigningKey } from '../domain/bundle/keys';
import { unwrapPrivateKey, wrapPrivateKey, type WrappedKey } from '../domain/bundle/key-wrap';
import { PIN_WRAP_ALG, unwrapWithPinKey, wrapWithPinKey, type PinWrappedKey } from '../domain/bundle/pin-key-wrap';
import type { PinSecret } from '../domain/access/pin-kdf';
import { holdPrivateKey, openHeldKey } from '../domain/vault/held-key';
import type { Role } from '../domain/bundle/statement';
import type { DecryptionKey } from '../domain/bundle/verify-files';
import type { TabianDb } from './database';
import type { KeyRow } from './rows';
import { guarded } from './errors';
import { openKey } from './vault';

export type { KeyRow };

export type DeviceKeyRole = Extract<Role, 'device' | 'district'>;

export interface NewKey {
  row: KeyRow;
  /** A passphrase-wrapped copy for safe keeping, when one was asked for (the only moment it can be made). */
  backup: WrappedKey | null;
}

/** The data key was not open (nobody signed in, or the signed-in user has no wrap of it). */
export class KeysLockedError extends Error {
  constructor() {
    super('the data key is not open: sign in first');
  }
}

const newRandom = (n: number) => crypto.getRandomValues(new Uint8Array(n));

function dataKey(): Uint8Array {
  const key = openKey();
  if (!key) throw new KeysLockedError();
  return key;
}

/**
 * A new key pair kept only sealed under the data key (a signed-in user's). The district's key signs and
 * decrypts with the same material (schools encrypt to the key the district signs with). With
 * `backupSecret`, a passphrase-wrapped copy is made before the extractable object is dropped.
 */
export async function createDeviceKey(
  db: TabianDb,
  opts: { role: DeviceKeyRole; name: string; now: Date; backupSecret?: string; random?: (n: number) => Bytes },
): Promise<NewKey> {
  const dk = dataKey();
  const random = opts.random ?? newRandom;
  const key = await generateSigningKey(true);
  try {
    const held = await holdPrivateKey(key.privateKey, dk, { keyid: key.keyid, role: opts.role }, random);
    const backup =
      opts.backupSecret !== undefined ? await wrapPrivateKey(key.privateKey, key, opts.backupSecret, random) : null;
    const row = rowOf(key, opts.role, null, opts.name, opts.now, {
      signKey: null,
      decryptKey: null,
      wrapped: null,
      held,
    });
    await putActive(db, row);
    return { row, backup };
  } finally {
    dk.fill(0);
  }
}

function rowOf(
  key: { keyid: string; spki: Bytes },
  role: Role,
  userId: string | null,
  name: string,
  now: Date,
  secret: Pick<KeyRow, 'signKey' | 'decryptKey' | 'wrapped' | 'held'>,
): KeyRow {
  return {
    keyid: key.keyid,
    role,
    userId,
    name,
    spki: toBase64(key.spki),
    createdAt: now.toISOString(),
    ...secret,
    retiredAt: null,
  };
}

/** Stores a key as the active one of its role (and user), retiring the one before it in the same transaction. */
async function putActive(db: TabianDb, row: KeyRow): Promise<void> {
  await guarded(() =>
    db.transaction('rw', db.keys, async () => {
      const same = await db.keys
        .where('role')
        .equals(row.role)
        .filter((k) => k.userId === row.userId && k.retiredAt === null)
        .toArray();
      for (const old of same) await db.keys.put({ ...old, retiredAt: row.createdAt });
      await db.keys.put(row);
    }),
  );
}

/** A person's key, stored only in its wrapped form (wrapPrivateKey made it from an extractable key). */
export async function storeWrappedKey(
  db: TabianDb,
  wrapped: WrappedKey | PinWrappedKey,
  opts: { role: Role; userId: string | null; name: string; now: Date },
): Promise<KeyRow> {
  const row = rowOf(
    { keyid: wrapped.keyid, spki: fromBase64(wrapped.spki)! },
    opts.role,
    opts.userId,
    opts.name,
    opts.now,
    { signKey: null, decryptKey: null, wrapped, held: null },
  );
  await putActive(db, row);
  return row;
}

/**
 * Brings back a district key from its passphrase-wrapped backup, sealed under the data key; null when the
 * passphrase is wrong. The same keyid replaces a row of an earlier release that held the key bare.
 */
export async function restoreDistrictKey(
  db: TabianDb,
  backup: WrappedKey,
  secret: string,
  opts: { name: string; now: Date; random?: (n: number) => Bytes },
): Promise<KeyRow | null> {
  const key = await unwrapPrivateKey(backup, secret, 'sign', true);
  if (!key) return null;
  const dk = dataKey();
  try {
    const held = await holdPrivateKey(key, dk, { keyid: backup.keyid, role: 'district' }, opts.random ?? newRandom);
    const row = rowOf({ keyid: backup.keyid, spki: fromBase64(backup.spki)! }, 'district', null, opts.name, opts.now, {
      signKey: null,
      decryptKey: null,
      wrapped: null,
      held,
    });
    await putActive(db, row);
    return row;
  } finally {
    dk.fill(0);
  }
}

/** A held key opened for one use with the open data key; null while locked or when it does not open. */
async function openHeld(row: KeyRow, use: 'sign' | 'decrypt'): Promise<Key | null> {
  const dk = row.held ? openKey() : null;
  if (!row.held || !dk) return null;
  try {
    return await openHeldKey(row.held, dk, row, use);
  } finally {
    dk.fill(0);
  }
}

/** A key row that still holds a bare CryptoKey, as earlier releases stored device and district keys. */
export const isBare = (row: KeyRow): boolean => row.signKey != null || row.decryptKey != null;

export async function getKey(db: TabianDb, keyid: string): Promise<KeyRow | null> {
  return (await guarded(() => db.keys.get(keyid))) ?? null;
}

/** Keys of a role (and user), the active one first, then retired ones newest first. */
export async function listKeys(db: TabianDb, filter: { role?: Role; userId?: string | null } = {}): Promise<KeyRow[]> {
  const rows = await guarded(() =>
    filter.role ? db.keys.where('role').equals(filter.role).toArray() : db.keys.toArray(),
  );
  return rows
    .filter((k) => filter.userId === undefined || k.userId === filter.userId)
    .sort(
      (a, b) => Number(a.retiredAt !== null) - Number(b.retiredAt !== null) || (a.createdAt < b.createdAt ? 1 : -1),
    );
}

/** The key a device or person signs with now, or null. */
export async function activeKey(db: TabianDb, role: Role, userId: string | null = null): Promise<KeyRow | null> {
  return (await listKeys(db, { role, userId })).find((k) => k.retiredAt === null) ?? null;
}

/** Opens a person's wrapped key with the owner's PIN secret; null when it does not open. */
function openWrapped(
  w: WrappedKey | PinWrappedKey,
  secret: string | PinSecret,
  extractable = false,
): Promise<Key | null> {
  if (w.alg === PIN_WRAP_ALG)
    return typeof secret === 'string' ? Promise.resolve(null) : unwrapWithPinKey(w, secret.pinKey, 'sign', extractable);
  return unwrapPrivateKey(w, typeof secret === 'string' ? secret : secret.pin, 'sign', extractable);
}

/** A stored key ready to sign; for a wrapped key, the secret opens it (null when wrong). */
export async function signingKeyOf(row: KeyRow, secret?: string | PinSecret): Promise<SigningKey | null> {
  const privateKey = row.held
    ? await openHeld(row, 'sign')
    : (row.signKey ?? (row.wrapped && secret !== undefined ? await openWrapped(row.wrapped, secret) : null));
  return privateKey ? { privateKey, keyid: row.keyid, spki: fromBase64(row.spki)! } : null;
}

/**
 * Rewraps a user's signing keys under a PIN key: at the sign-in that upgrades an older PIN (`onlyLegacy`,
 * the PBKDF2 wraps would stay cheaper to attack), or when the user changes their PIN. A key the old secret
 * does not open (wrapped under an even older PIN) is left as it is.
 */
export async function rewrapPersonKeys(
  db: TabianDb,
  userId: string,
  from: PinSecret,
  toPinKey: Uint8Array,
  onlyLegacy: boolean,
): Promise<number> {
  const rows = (await listKeys(db)).filter(
    (k) => k.userId === userId && k.wrapped && (!onlyLegacy || k.wrapped.alg !== PIN_WRAP_ALG),
  );
  const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
  const next: KeyRow[] = [];
  for (const row of rows) {
    const key = await openWrapped(row.wrapped!, from, true);
    if (key)
      next.push({
        ...row,
        wrapped: await wrapWithPinKey(key, { keyid: row.keyid, spki: fromBase64(row.spki)! }, toPinKey, random),
      });
  }
  if (next.length) await guarded(() => db.keys.bulkPut(next));
  return next.length;
}

/**
 * Every district key this device holds and can open now, retired ones included: an old submission may be
 * encrypted to one. Held keys open only while a user is signed in.
 */
export async function decryptionKeys(db: TabianDb): Promise<DecryptionKey[]> {
  const rows = await listKeys(db, { role: 'district' });
  const keys = await Promise.all(rows.map(async (k) => k.decryptKey ?? (await openHeld(k, 'decrypt'))));
  return rows.flatMap((k, i) => (keys[i] ? [{ keyid: k.keyid, privateKey: keys[i] }] : []));
}

export interface DeviceKeyChange {
  from: string;
  to: string;
  at: string;
}

/**
 * At sign-in, with the data key open: the device key of an earlier release (a bare CryptoKey) or one
 * sealed under another data key (a restore brought the backup's) is replaced by a new held key, and no
 * device row keeps a bare key. The district's key is never replaced here. Returns the change, if any.
 */
export async function settleDeviceKeys(db: TabianDb, now: Date): Promise<DeviceKeyChange | null> {
  const probe = openKey();
  if (!probe) return null;
  probe.fill(0);
  const active = await activeKey(db, 'device');
  let change: DeviceKeyChange | null = null;
  if (active && (isBare(active) || !(await signingKeyOf(active)))) {
    const { row } = await createDeviceKey(db, { role: 'device', name: active.name, now });
    change = { from: active.keyid, to: row.keyid, at: now.toISOString() };
  }
  const bare = (await listKeys(db, { role: 'device' })).filter(isBare);
  if (bare.length)
    await guarded(() =>
      db.keys.bulkPut(
        bare.map((k) => ({ ...k, signKey: null, decryptKey: null, retiredAt: k.retiredAt ?? now.toISOString() })),
      ),
    );
  return change;
}
