import type { PinHash, User } from './users';

// PINs are short, so they are stretched (PBKDF2) and guarded by a lock-out after repeated failures.

export const PIN_ITERATIONS = 210_000;
export const MAX_FAILED_ATTEMPTS = 5;
export const LOCKOUT_MINUTES = 15;

export const isAcceptablePin = (pin: string): boolean => /^\d{4,8}$/.test(pin);
/** The longest PIN isAcceptablePin takes: the pad stops there. */
export const PIN_MAX_DIGITS = 8;

const b64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
const unb64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: new Uint8Array(salt), iterations }, key, 256);
  return new Uint8Array(bits);
}

/** `salt` comes from the caller (crypto.getRandomValues in the app), so tests can be exact. */
export async function hashPin(pin: string, salt: Uint8Array, iterations = PIN_ITERATIONS): Promise<PinHash> {
  return { alg: 'PBKDF2-SHA256', iterations, salt: b64(salt), hash: b64(await derive(pin, salt, iterations)) };
}

export async function pinMatches(pin: string, stored: PinHash): Promise<boolean> {
  const actual = await derive(pin, unb64(stored.salt), stored.iterations);
  const expected = unb64(stored.hash);
  // Compare every byte so timing says nothing about where a guess went wrong.
  let diff = actual.length ^ expected.length;
  for (let i = 0; i < Math.min(actual.length, expected.length); i++) diff |= actual[i]! ^ expected[i]!;
  return diff === 0;
}

export type SignInResult =
  | { ok: true; user: User }
  | { ok: false; reason: 'locked'; user: User; until: string }
  | { ok: false; reason: 'wrong-pin'; user: User; attemptsLeft: number };

/** Checks a PIN at `now`; returns the user as it must be stored afterwards (counters, lock). */
export async function signIn(user: User, pin: string, now: Date): Promise<SignInResult> {
  if (user.lockedUntil && new Date(user.lockedUntil) > now) return { ok: false, reason: 'locked', user, until: user.lockedUntil };
  // A PIN no user could have (a slip of Enter after three digits) is refused without spending a try.
  if (!isAcceptablePin(pin)) return { ok: false, reason: 'wrong-pin', user, attemptsLeft: MAX_FAILED_ATTEMPTS - (user.lockedUntil ? 0 : user.failedAttempts) };
  if (await pinMatches(pin, user.pin)) return { ok: true, user: { ...user, failedAttempts: 0, lockedUntil: null } };
  const failedAttempts = (user.lockedUntil ? 0 : user.failedAttempts) + 1;
  if (failedAttempts >= MAX_FAILED_ATTEMPTS) {
    const until = new Date(now.getTime() + LOCKOUT_MINUTES * 60_000).toISOString();
    return { ok: false, reason: 'locked', user: { ...user, failedAttempts: 0, lockedUntil: until }, until };
  }
  return { ok: false, reason: 'wrong-pin', user: { ...user, failedAttempts, lockedUntil: null }, attemptsLeft: MAX_FAILED_ATTEMPTS - failedAttempts };
}
