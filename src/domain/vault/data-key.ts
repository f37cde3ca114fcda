// The school's data key (32 random bytes) is stored only wrapped: once per user, under an AES-GCM key
// derived (HKDF) from that user's PIN key, the one Argon2id stretch of the PIN (decision 20). A copied
// database without a PIN holds no usable key, and testing a guess costs one Argon2id run.
// Wraps made before decision 20 (PBKDF2 of the PIN itself) still open, and are rewrapped at that sign-in.
// A user may add a passkey (decision 26): their wrap is then made under the PIN key mixed with the
// passkey's PRF output, and names the credential and the PRF input so that sign-in can ask for it.
import { z } from 'zod';
import { pinSubKey, withPasskey, type PinSecret } from '../access/pin-kdf';
import { fromBase64, toBase64, utf8 } from '../bundle/bytes';

const AAD = utf8('tabian-vault-key/1');

const legacyWrapSchema = z.object({
  salt: z.string().min(1),
  iv: z.string().min(1),
  ct: z.string().min(1),
  iterations: z.number().int().min(100_000).max(6_000_000),
});
const pinKeyWrapSchema = z.object({
  kdf: z.literal('pin-key/1'),
  salt: z.string().min(1),
  iv: z.string().min(1),
  ct: z.string().min(1),
});
const passkeyWrapSchema = pinKeyWrapSchema.extend({
  kdf: z.literal('pin+passkey/1'),
  /** The credential id and the PRF input (32 random bytes), base64; both public. */
  credentialId: z.string().min(1),
  prfSalt: z.string().min(1),
});
export const wrappedKeySchema = z.union([pinKeyWrapSchema, passkeyWrapSchema, legacyWrapSchema]);
export type WrappedKey = z.infer<typeof wrappedKeySchema>;
export const isLegacyWrap = (w: WrappedKey): boolean => !('kdf' in w);

/** The passkey a wrap needs besides the PIN, or null. */
export interface PasskeyRequest {
  credentialId: string;
  prfSalt: string;
}
export const passkeyOf = (w: WrappedKey | undefined): PasskeyRequest | null =>
  w && 'kdf' in w && w.kdf === 'pin+passkey/1' ? { credentialId: w.credentialId, prfSalt: w.prfSalt } : null;

/** What opens a wrap: the PIN secret, and the passkey's PRF output for a passkey wrap. */
export type WrapSecret = PinSecret & { prf?: Uint8Array };

export type { PinSecret };

/** The settings row 'vault': on or off, each user's wrap, and whether rows still wait to be sealed. */
export const vaultSettingSchema = z.object({
  version: z.literal(1),
  enabled: z.boolean(),
  wraps: z.record(z.string(), wrappedKeySchema),
  /** True after a restore or while turning on: clear rows remain and are sealed at the next sign-in. */
  pending: z.boolean().default(false),
  /**
   * The oldest seal format still accepted (seal.ts). 2 once every row was resealed binding its clear
   * fields: from then on a row of format 1, which does not, is refused like a damaged one.
   */
  sealFormat: z.union([z.literal(1), z.literal(2)]).default(1),
});
export type VaultSetting = z.infer<typeof vaultSettingSchema>;

async function legacyKey(pin: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', utf8(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** With `passkey`, the wrap needs the PIN and that passkey's PRF output (the one it gave for `prfSalt`). */
export async function wrapDataKey(
  dataKey: Uint8Array,
  pinKey: Uint8Array,
  random: (n: number) => Uint8Array,
  passkey?: PasskeyRequest & { prf: Uint8Array },
): Promise<WrappedKey> {
  const salt = random(16);
  const iv = random(12);
  const key = await pinSubKey(passkey ? await withPasskey(pinKey, passkey.prf) : pinKey, 'vault', salt, ['encrypt']);
  const ct = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer>, additionalData: AAD },
      key,
      dataKey as Uint8Array<ArrayBuffer>,
    ),
  );
  const wrap = { salt: toBase64(salt), iv: toBase64(iv), ct: toBase64(ct) };
  return passkey
    ? { kdf: 'pin+passkey/1', ...wrap, credentialId: passkey.credentialId, prfSalt: passkey.prfSalt }
    : { kdf: 'pin-key/1', ...wrap };
}

/** The data key, or null when the PIN (or the passkey a passkey wrap needs) is wrong or the wrap was altered. */
export async function unwrapDataKey(wrap: WrappedKey, secret: WrapSecret): Promise<Uint8Array | null> {
  const [salt, iv, ct] = [fromBase64(wrap.salt), fromBase64(wrap.iv), fromBase64(wrap.ct)];
  if (!salt || !iv || !ct) return null;
  const needsPasskey = passkeyOf(wrap) !== null;
  if (needsPasskey && !secret.prf) return null;
  try {
    const pinKey = needsPasskey ? await withPasskey(secret.pinKey, secret.prf!) : secret.pinKey;
    const key =
      'kdf' in wrap
        ? await pinSubKey(pinKey, 'vault', salt, ['decrypt'])
        : await legacyKey(secret.pin, salt, wrap.iterations);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: AAD }, key, ct));
  } catch {
    return null;
  }
}
