import type { UserDraft, UserDraftProblem } from '../../domain/access/user-draft';
import { hashPin, isAcceptablePin, pinMustChange, signIn, type SignInResult } from '../../domain/access/pin';
import { warmPinKdf } from '../../domain/access/pin-kdf';
import type { User } from '../../domain/access/users';
import { appDb } from '../../db/database';
import { loadProfile } from '../../db/profile-repo';
import { listUsers, saveUser } from '../../db/user-repo';
import { setSetting } from '../../db/settings-repo';
import type { PasskeyPrompt } from '../../db/vault-repo';
import { session } from '../state/session.svelte';

export const loadUsers = (): Promise<User[]> => listUsers(appDb());

// The key and vault repositories (and the wrap and bundle code they use) are needed once a PIN was typed or a
// user is made, not to show the sign-in screen: loaded then, and fetched ahead while the PIN is typed (decision 42).
async function keyWork() {
  const [keys, vault, passkey] = await Promise.all([
    import('../../db/key-repo'),
    import('../../db/vault-repo'),
    import('./passkey.service'),
  ]);
  return { ...keys, ...vault, askPasskey: passkey.askPasskey };
}

/** While the PIN is typed: the key code loaded and the Argon2id code compiled, so "OK" pays for the work itself. */
export const prepareSignIn = (): Promise<void> =>
  Promise.all([warmPinKdf(), keyWork()]).then(
    () => undefined,
    () => undefined,
  );

const newSalt = () => crypto.getRandomValues(new Uint8Array(16));
const newPinHash = (pin: string) => hashPin(pin, newSalt());

/**
 * Creates a user from the form; the PIN is stored only as its Argon2id verifier (decision 20). The first
 * user of a new school turns encryption at rest on (the default); later users get their wrap of the open data key.
 */
export async function createUser(
  draft: UserDraft,
  now: Date = new Date(),
): Promise<{ ok: true; user: User } | { ok: false; problems: UserDraftProblem[] }> {
  // The draft's checks read the DMC grade list: loaded when a user is created, not on the sign-in screen.
  const { checkUserDraft } = await import('../../domain/access/user-draft');
  const checked = checkUserDraft(draft);
  if (!checked.ok) return checked;
  const db = appDb();
  const hashed = await newPinHash(draft.pin);
  const user: User = {
    id: crypto.randomUUID(),
    name: draft.name.trim(),
    role: draft.role,
    rooms: checked.rooms,
    pin: hashed.hash,
    failedAttempts: 0,
    lockedUntil: null,
    active: true,
    createdAt: now.toISOString(),
  };
  const { addUserWrap, enableVault, loadVaultSetting, startDataKey } = await keyWork();
  const [others, profile, vault] = await Promise.all([listUsers(db), loadProfile(db), loadVaultSetting(db)]);
  await saveUser(db, user);
  // A district (or a school whose set-up turns the vault off later) still has a data key: the device's keys are sealed under it.
  if (others.length === 0 && !vault)
    await (profile?.kind === 'school' ? enableVault : startDataKey)(db, user.id, hashed.pinKey);
  else await addUserWrap(db, user.id, hashed.pinKey);
  return { ok: true, user };
}

export type SignInAttempt =
  | Exclude<SignInResult, { ok: true }>
  | { ok: true; user: User }
  | { ok: false; reason: 'vault.no_wrap' | 'vault.wrong_key' | 'vault.passkey'; user: User }
  /** The PIN was right but is shorter than 6 digits: a new one is chosen (changePinAndSignIn) before anything opens. */
  | { ok: false; reason: 'pin.must_change'; user: User };

type Progress = (done: number, total: number) => void;

/**
 * User-timing names the benchmark reads to split a sign-in (docs/performance.md): the PIN check, whose
 * Argon2id derivation is a security cost by design (decision 20), and opening the data key.
 */
export const SIGN_IN_TIMING = {
  pin: 'tabian.signin.pin',
  unlock: 'tabian.signin.unlock',
  keys: 'tabian.signin.keys',
} as const;
function timed(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // Timing is for measuring the app, never a reason to fail a sign-in.
  }
}

/**
 * The PIN check, the data key (with the user's passkey when their wrap needs it) and the upgrade of older
 * wraps; the session is the caller's to open.
 */
async function checkAndUnlock(
  user: User,
  pin: string,
  now: Date,
  onProgress?: Progress,
  prompt?: PasskeyPrompt,
): Promise<SignInAttempt & { pinKey?: Uint8Array }> {
  const db = appDb();
  const loading = keyWork();
  // Handled where it is awaited, after the PIN check; not an unhandled rejection meanwhile.
  loading.catch(() => {});
  const started = performance.now();
  const result = await signIn(user, pin, now, newSalt());
  timed(SIGN_IN_TIMING.pin, started);
  if (!result.ok) {
    await saveUser(db, result.user);
    return result;
  }
  const { askPasskey, rewrapPersonKeys, settleDeviceKeys, unlockVault } = await loading;
  const passkey = prompt ?? askPasskey;
  const secret = { pin, pinKey: result.pinKey };
  const unlocking = performance.now();
  const unlocked = await unlockVault(db, user.id, { ...secret, passkey }, onProgress);
  timed(SIGN_IN_TIMING.unlock, unlocking);
  if (!unlocked.ok) {
    await saveUser(db, { ...result.user, pin: user.pin });
    return { ok: false, reason: unlocked.problem, user: result.user };
  }
  // Wraps made before decision 20 are replaced before the older PIN hash goes: no PBKDF2 copy stays behind.
  const settling = performance.now();
  await rewrapPersonKeys(db, user.id, secret, result.pinKey, true);
  // A bare device key of an earlier release goes now (decision 26); the sync card shows the new fingerprint.
  // Independent of the user's row, so both go at once (one round trip fewer before the first screen).
  const [, replaced] = await Promise.all([saveUser(db, result.user), settleDeviceKeys(db, now)]);
  if (replaced) await setSetting(db, 'deviceKeyReplaced', replaced);
  timed(SIGN_IN_TIMING.keys, settling);
  return { ok: true, user: result.user, pinKey: result.pinKey };
}

/** Checks the PIN, stores the new failure count or lock, opens the data key and then the session. */
export async function attemptSignIn(
  user: User,
  pin: string,
  now: Date = new Date(),
  onProgress?: Progress,
  passkey?: PasskeyPrompt,
): Promise<SignInAttempt> {
  if (pinMustChange(pin)) {
    // Checked like any sign-in (tries count), but nothing opens until a longer PIN is chosen.
    const result = await signIn(user, pin, now, newSalt());
    // The PIN hash is upgraded with its wraps at the change, not here: the user is kept as stored.
    const stored = result.ok ? { ...result.user, pin: user.pin } : result.user;
    await saveUser(appDb(), stored);
    return result.ok ? { ok: false, reason: 'pin.must_change', user: stored } : result;
  }
  const result = await checkAndUnlock(user, pin, now, onProgress, passkey);
  if (!result.ok) return result;
  session.signIn(result.user);
  return { ok: true, user: result.user };
}

/**
 * A user whose PIN is too short chooses a new one at sign-in: the old PIN is checked again, the data key
 * and their signing keys are rewrapped under the new PIN, and then the session opens.
 */
export async function changePinAndSignIn(
  user: User,
  oldPin: string,
  newPin: string,
  now: Date = new Date(),
  onProgress?: Progress,
): Promise<SignInAttempt | { ok: false; reason: 'user.pin'; user: User }> {
  if (!isAcceptablePin(newPin)) return { ok: false, reason: 'user.pin', user };
  const opened = await checkAndUnlock(user, oldPin, now, onProgress);
  if (!opened.ok) return opened;
  const db = appDb();
  const { addUserWrap, rewrapPersonKeys } = await keyWork();
  const hashed = await newPinHash(newPin);
  await addUserWrap(db, user.id, hashed.pinKey);
  await rewrapPersonKeys(db, user.id, { pin: oldPin, pinKey: opened.pinKey! }, hashed.pinKey, false);
  const next: User = { ...opened.user, pin: hashed.hash };
  await saveUser(db, next);
  session.signIn(next);
  return { ok: true, user: next };
}

/** An administrator gives a user a new PIN (forgotten, or locked out): counters reset, data key re-wrapped. */
export async function resetPin(
  user: User,
  pin: string,
): Promise<{ ok: true; user: User } | { ok: false; problem: 'user.pin' }> {
  if (!isAcceptablePin(pin)) return { ok: false, problem: 'user.pin' };
  const hashed = await newPinHash(pin);
  const next: User = { ...user, pin: hashed.hash, failedAttempts: 0, lockedUntil: null };
  const { addUserWrap } = await keyWork();
  await addUserWrap(appDb(), user.id, hashed.pinKey);
  await saveUser(appDb(), next);
  return { ok: true, user: next };
}

export async function setUserActive(user: User, active: boolean): Promise<User> {
  const next = { ...user, active };
  await saveUser(appDb(), next);
  return next;
}
