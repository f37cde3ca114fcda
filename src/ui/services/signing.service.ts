// People's signing keys on a school device: the staff member who confirms and the director who certifies
// each have an ECDSA P-256 key, kept only wrapped under their own PIN key (Argon2id, decision 20), so a
// key signs only after its owner's PIN. A key is made the first time it is needed (or in Settings).
import { appDb } from '../../db/database';
import { activeKey, listKeys, rewrapPersonKeys, signingKeyOf, storeWrappedKey, type KeyRow } from '../../db/key-repo';
import { loadProfile } from '../../db/profile-repo';
import { saveUser } from '../../db/user-repo';
import { signIn } from '../../domain/access/pin';
import type { User } from '../../domain/access/users';
import { fingerprintOf, generateSigningKey, type SigningKey } from '../../domain/bundle/keys';
import { wrapWithPinKey } from '../../domain/bundle/pin-key-wrap';
import type { Role } from '../../domain/bundle/statement';
import { publicKeyFile, type PublicKeyFile } from '../../domain/bundle/trust';
import { download } from './export.service';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/** The bundle role a user signs in: the director certifies, everyone else confirms as staff. */
export const signerRole = (user: Pick<User, 'role'>): Extract<Role, 'staff' | 'director'> =>
  user.role === 'director' ? 'director' : 'staff';

export interface PersonKeyInfo {
  keyid: string;
  fingerprint: string;
  role: Role;
  userId: string | null;
  name: string;
  createdAt: string;
  retiredAt: string | null;
}
const infoOf = (row: KeyRow): PersonKeyInfo => ({
  keyid: row.keyid,
  fingerprint: fingerprintOf(row.keyid),
  role: row.role,
  userId: row.userId,
  name: row.name,
  createdAt: row.createdAt,
  retiredAt: row.retiredAt,
});

export type UnlockResult =
  | { ok: true; key: SigningKey; info: PersonKeyInfo; created: boolean }
  | { ok: false; problem: 'locked'; until: string }
  | { ok: false; problem: 'wrong-pin'; attemptsLeft: number };

/**
 * The user's signing key, opened with their PIN. The PIN is checked like a sign-in first (wrong tries
 * count towards the lock-out); without a key yet, or when the PIN changed since the key was wrapped, a
 * new key is made and wrapped by this PIN (the old one stays listed, retired, for older bundles). `role`:
 * a director who confirmed a round signs that confirmation with a staff key of their own.
 */
export async function unlockPersonKey(
  user: User,
  pin: string,
  now: Date = new Date(),
  role: Extract<Role, 'staff' | 'director'> = signerRole(user),
): Promise<UnlockResult> {
  const db = appDb();
  const checked = await signIn(user, pin, now, random(16));
  if (!checked.ok) {
    await saveUser(db, checked.user);
    return checked.reason === 'locked'
      ? { ok: false, problem: 'locked', until: checked.until }
      : { ok: false, problem: 'wrong-pin', attemptsLeft: checked.attemptsLeft };
  }
  const secret = { pin, pinKey: checked.pinKey };
  // An older PIN upgraded here: its PBKDF2 key wraps go before its PBKDF2 hash does.
  await rewrapPersonKeys(db, user.id, secret, checked.pinKey, true);
  await saveUser(db, checked.user);
  const row = await activeKey(db, role, user.id);
  const opened = row && (await signingKeyOf(row, secret));
  if (row && opened) return { ok: true, key: opened, info: infoOf(row), created: false };
  const made = await generateSigningKey(true);
  const wrapped = await wrapWithPinKey(made.privateKey, made, checked.pinKey, random);
  const stored = await storeWrappedKey(db, wrapped, { role, userId: user.id, name: user.name, now });
  return {
    ok: true,
    key: { privateKey: made.privateKey, spki: made.spki, keyid: made.keyid },
    info: infoOf(stored),
    created: true,
  };
}

/** Every person's key on this device, the active ones first. */
export async function listPersonKeys(): Promise<PersonKeyInfo[]> {
  const rows = await listKeys(appDb());
  return rows.filter((r) => r.role === 'staff' || r.role === 'director').map(infoOf);
}

/** The one-key file (tabian-public-key/1) the district enrols after comparing fingerprints by phone. */
export async function personPublicKeyFile(keyid: string): Promise<PublicKeyFile | null> {
  const db = appDb();
  const [row, profile] = await Promise.all([
    listKeys(db).then((rows) => rows.find((r) => r.keyid === keyid) ?? null),
    loadProfile(db),
  ]);
  if (!row || profile?.kind !== 'school') return null;
  return publicKeyFile({
    keyid: row.keyid,
    alg: 'ES256',
    spki: row.spki,
    role: row.role,
    name: row.name,
    school: profile.moeCode,
  });
}

export async function downloadPersonPublicKey(keyid: string): Promise<string | null> {
  const file = await personPublicKeyFile(keyid);
  if (!file) return null;
  const name = `กุญแจสาธารณะ-${file.school}-${file.role}-${file.keyid.slice(0, 8)}.tabian-key.json`;
  download(new TextEncoder().encode(JSON.stringify(file, null, 2) + '\n'), name, 'application/json');
  return name;
}
