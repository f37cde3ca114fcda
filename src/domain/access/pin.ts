import type { PinHash, User } from './users';
import { derivePinKey, PIN_KDF, pinSubBytes, type KdfParams } from './pin-kdf';
import { fromBase64, toBase64 } from '../bundle/bytes';

// PINs are stretched once with Argon2id (pin-kdf.ts, decision 20) and guarded by a lock-out after repeated
// failures. Every new PIN has at least 6 digits: with encryption at rest each user's PIN opens the data key,
// and a director's or officer's PIN opens a signing key. Older 4- and 5-digit PINs still sign in, once, to
// be changed.

export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;
export const MIN_PIN_DIGITS = 6;

/** A PIN that may be set now. */
export const isAcceptablePin = (pin: string): boolean => /^\d{6,8}$/.test(pin);
/** A PIN the lock screen takes: older PINs of 4 or 5 digits are still accepted, to be changed at once. */
export const isEnterablePin = (pin: string): boolean => /^\d{4,8}$/.test(pin);
/** A signed-in user with such a PIN must choose a new one before going on. */
export const pinMustChange = (pin: string): boolean => !isAcceptablePin(pin);
/** The longest PIN the lock screen takes: the pad stops there. */
export const PIN_MAX_DIGITS = 8;

/** The PBKDF2 rounds of PINs stored before decision 20 (only ever read, to upgrade them). */
export const LEGACY_PIN_ITERATIONS = 210_000;

async function pbkdf2(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** Compares every byte so timing says nothing about where a guess went wrong. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.min(a.length, b.length); i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}

export interface HashedPin {
  hash: PinHash;
  pinKey: Uint8Array;
}

/** `salt` comes from the caller (crypto.getRandomValues in the app), so tests can be exact; `params` only lower in tests. */
export async function hashPin(pin: string, salt: Uint8Array, params: KdfParams = PIN_KDF): Promise<HashedPin> {
  const pinKey = await derivePinKey(pin, salt, params);
  const hash: PinHash = { ...params, salt: toBase64(salt), hash: toBase64(await pinSubBytes(pinKey, 'verify')) };
  return { hash, pinKey };
}

/**
 * The PIN key when the PIN matches, else null. A PIN stored before decision 20 (PBKDF2) gives
 * `{ legacy: true }` on a match: the caller rehashes it (signIn does).
 */
export async function checkPin(
  pin: string,
  stored: PinHash,
): Promise<{ pinKey: Uint8Array } | { legacy: true } | null> {
  const salt = fromBase64(stored.salt);
  const expected = fromBase64(stored.hash);
  if (!salt || !expected) return null;
  if (stored.alg === 'PBKDF2-SHA256')
    return sameBytes(await pbkdf2(pin, salt, stored.iterations), expected) ? { legacy: true } : null;
  const pinKey = await derivePinKey(pin, salt, stored);
  return sameBytes(await pinSubBytes(pinKey, 'verify'), expected) ? { pinKey } : null;
}

export type SignInResult =
  | { ok: true; user: User; pinKey: Uint8Array; upgraded: boolean }
  | { ok: false; reason: 'locked'; user: User; until: string }
  | { ok: false; reason: 'wrong-pin'; user: User; attemptsLeft: number };

/**
 * Checks a PIN at `now`; returns the user as it must be stored afterwards (counters, lock) and, on a match,
 * the PIN key. A PBKDF2 PIN is rehashed with Argon2id under `newSalt` (`upgraded`: wraps need the same).
 */
export async function signIn(
  user: User,
  pin: string,
  now: Date,
  newSalt?: Uint8Array,
  params: KdfParams = PIN_KDF,
): Promise<SignInResult> {
  if (user.lockedUntil && new Date(user.lockedUntil) > now)
    return { ok: false, reason: 'locked', user, until: user.lockedUntil };
  // A PIN no user could have (a slip of Enter after three digits) is refused without spending a try.
  if (!isEnterablePin(pin))
    return {
      ok: false,
      reason: 'wrong-pin',
      user,
      attemptsLeft: MAX_FAILED_ATTEMPTS - (user.lockedUntil ? 0 : user.failedAttempts),
    };
  const match = await checkPin(pin, user.pin);
  if (match && 'pinKey' in match)
    return { ok: true, user: { ...user, failedAttempts: 0, lockedUntil: null }, pinKey: match.pinKey, upgraded: false };
  if (match) {
    if (!newSalt) throw new Error('an older PIN needs a new salt to be upgraded');
    const { hash, pinKey } = await hashPin(pin, newSalt, params);
    return { ok: true, user: { ...user, pin: hash, failedAttempts: 0, lockedUntil: null }, pinKey, upgraded: true };
  }
  const failedAttempts = (user.lockedUntil ? 0 : user.failedAttempts) + 1;
  if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
    const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
    return { ok: false, reason: 'locked', user: { ...user, failedAttempts: 0, lockedUntil: until }, until };
  }
  return {
    ok: false,
    reason: 'wrong-pin',
    user: { ...user, failedAttempts, lockedUntil: null },
    attemptsLeft: MAX_FAILED_ATTEMPTS - failedAttempts,
  };
}
