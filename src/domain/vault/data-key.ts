// The school's data key (32 random bytes) is stored only wrapped: once per user, under an AES-GCM key
// derived (HKDF) from that user's PIN key, the one Argon2id stretch of the PIN (decision 20). A copied
// database without a PIN holds no usable key, and testing a guess costs one Argon2id run.
// Wraps made before decision 20 (PBKDF2 of the PIN itself) still open, and are rewrapped at that sign-in.
import { z } from 'zod';
import { pinSubKey, type PinSecret } from '../access/pin-kdf';
import { fromBase64, toBase64, utf8 } from '../bundle/bytes';

const AAD = utf8('tabian-vault-key/1');

const legacyWrapSchema = z.object({
  salt: z.string().min(1),
  iv: z.string().min(1),
  ct: z.string().min(1),
  iterations: z.number().int().min(100_000).max(6_000_000),
});
const pinKeyWrapSchema = z.object({ kdf: z.literal('pin-key/1'), salt: z.string().min(1), iv: z.string().min(1), ct: z.string().min(1) });
export const wrappedKeySchema = z.union([pinKeyWrapSchema, legacyWrapSchema]);
export type WrappedKey = z.infer<typeof wrappedKeySchema>;
export const isLegacyWrap = (w: WrappedKey): boolean => !('kdf' in w);

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
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function wrapDataKey(dataKey: Uint8Array, pinKey: Uint8Array, random: (n: number) => Uint8Array): Promise<WrappedKey> {
  const salt = random(16);
  const iv = random(12);
  const key = await pinSubKey(pinKey, 'vault', salt, ['encrypt']);
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer>, additionalData: AAD }, key, dataKey as Uint8Array<ArrayBuffer>));
  return { kdf: 'pin-key/1', salt: toBase64(salt), iv: toBase64(iv), ct: toBase64(ct) };
}

/** The data key, or null when the PIN is wrong or the wrap was altered. */
export async function unwrapDataKey(wrap: WrappedKey, secret: PinSecret): Promise<Uint8Array | null> {
  const [salt, iv, ct] = [fromBase64(wrap.salt), fromBase64(wrap.iv), fromBase64(wrap.ct)];
  if (!salt || !iv || !ct) return null;
  try {
    const key = 'kdf' in wrap ? await pinSubKey(secret.pinKey, 'vault', salt, ['decrypt']) : await legacyKey(secret.pin, salt, wrap.iterations);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: AAD }, key, ct));
  } catch {
    return null;
  }
}
