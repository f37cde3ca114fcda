import { checkUserDraft, type UserDraft, type UserDraftProblem } from '../../domain/access/user-draft';
import { hashPin, signIn, type SignInResult } from '../../domain/access/pin';
import type { User } from '../../domain/access/users';
import { appDb } from '../../db/database';
import { listUsers, saveUser } from '../../db/user-repo';
import { session } from '../state/session.svelte';

export const loadUsers = (): Promise<User[]> => listUsers(appDb());

/** Creates a user from the form; the PIN is stored only as a salted PBKDF2 hash. */
export async function createUser(draft: UserDraft, now: Date = new Date()): Promise<{ ok: true; user: User } | { ok: false; problems: UserDraftProblem[] }> {
  const checked = checkUserDraft(draft);
  if (!checked.ok) return checked;
  const user: User = {
    id: crypto.randomUUID(), name: draft.name.trim(), role: draft.role, rooms: checked.rooms,
    pin: await hashPin(draft.pin, crypto.getRandomValues(new Uint8Array(16))),
    failedAttempts: 0, lockedUntil: null, active: true, createdAt: now.toISOString(),
  };
  await saveUser(appDb(), user);
  return { ok: true, user };
}

/** Checks the PIN, stores the new failure count or lock, and opens the session on success. */
export async function attemptSignIn(user: User, pin: string, now: Date = new Date()): Promise<SignInResult> {
  const result = await signIn(user, pin, now);
  await saveUser(appDb(), result.user);
  if (result.ok) session.signIn(result.user);
  return result;
}

export async function setUserActive(user: User, active: boolean): Promise<User> {
  const next = { ...user, active };
  await saveUser(appDb(), next);
  return next;
}
