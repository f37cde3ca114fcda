import { checkUserDraft, type UserDraft, type UserDraftProblem } from '../../domain/access/user-draft';
import { hashPin, isAcceptablePin, signIn, type SignInResult } from '../../domain/access/pin';
import type { User } from '../../domain/access/users';
import { appDb } from '../../db/database';
import { loadProfile } from '../../db/profile-repo';
import { listUsers, saveUser } from '../../db/user-repo';
import { addUserWrap, enableVault, loadVaultSetting, unlockVault } from '../../db/vault-repo';
import { session } from '../state/session.svelte';

export const loadUsers = (): Promise<User[]> => listUsers(appDb());

const newPinHash = (pin: string) => hashPin(pin, crypto.getRandomValues(new Uint8Array(16)));

/**
 * Creates a user from the form; the PIN is stored only as a salted PBKDF2 hash. The first user of a new
 * school turns encryption at rest on (the default); later users get their wrap of the open data key.
 */
export async function createUser(draft: UserDraft, now: Date = new Date()): Promise<{ ok: true; user: User } | { ok: false; problems: UserDraftProblem[] }> {
  const checked = checkUserDraft(draft);
  if (!checked.ok) return checked;
  const db = appDb();
  const user: User = {
    id: crypto.randomUUID(), name: draft.name.trim(), role: draft.role, rooms: checked.rooms,
    pin: await newPinHash(draft.pin), failedAttempts: 0, lockedUntil: null, active: true, createdAt: now.toISOString(),
  };
  const [others, profile, vault] = await Promise.all([listUsers(db), loadProfile(db), loadVaultSetting(db)]);
  await saveUser(db, user);
  if (others.length === 0 && !vault && profile?.kind === 'school') await enableVault(db, user.id, draft.pin);
  else await addUserWrap(db, user.id, draft.pin);
  return { ok: true, user };
}

export type SignInAttempt = SignInResult | { ok: false; reason: 'vault.no_wrap' | 'vault.wrong_key'; user: User };

/** Checks the PIN, stores the new failure count or lock, opens the data key and then the session. */
export async function attemptSignIn(user: User, pin: string, now: Date = new Date(), onProgress?: (done: number, total: number) => void): Promise<SignInAttempt> {
  const result = await signIn(user, pin, now);
  await saveUser(appDb(), result.user);
  if (!result.ok) return result;
  const unlocked = await unlockVault(appDb(), user.id, pin, onProgress);
  if (!unlocked.ok) return { ok: false, reason: unlocked.problem, user: result.user };
  session.signIn(result.user);
  return result;
}

/** An administrator gives a user a new PIN (forgotten, or locked out): counters reset, data key re-wrapped. */
export async function resetPin(user: User, pin: string): Promise<{ ok: true; user: User } | { ok: false; problem: 'user.pin' }> {
  if (!isAcceptablePin(pin)) return { ok: false, problem: 'user.pin' };
  const next: User = { ...user, pin: await newPinHash(pin), failedAttempts: 0, lockedUntil: null };
  await addUserWrap(appDb(), user.id, pin);
  await saveUser(appDb(), next);
  return { ok: true, user: next };
}

export async function setUserActive(user: User, active: boolean): Promise<User> {
  const next = { ...user, active };
  await saveUser(appDb(), next);
  return next;
}
