// The school's data key (32 random bytes) is stored only wrapped: once per user, under a key derived
// from that user's PIN (PBKDF2-SHA-256, 600,000 iterations → AES-GCM). A copied database without a PIN
// holds no usable key. Short PINs remain guessable offline: docs/security.md says so.
import { z } from 'zod';
import { fromBase64, toBase64, utf8 } from '../bundle/bytes';

export const VAULT_ITERATIONS = 600_000;
const AAD = utf8('tabian-vault-key/1');

export const wrappedKeySchema = z.object({
  salt: z.string().min(1),
  iv: z.string().min(1),
  ct: z.string().min(1),
  iterations: z.number().int().min(100_000).max(6_000_000),
});
export type WrappedKey = z.infer<typeof wrappedKeySchema>;

/** The settings row 'vault': on or off, each user's wrap, and whether rows still wait to be sealed. */
export const vaultSettingSchema = z.object({
  version: z.literal(1),
  enabled: z.boolean(),
  wraps: z.record(z.string(), wrappedKeySchema),
  /** True after a restore or while turning on: clear rows remain and are sealed at the next sign-in. */
  pending: z.boolean().default(false),
});
export type VaultSetting = z.infer<typeof vaultSettingSchema>;

async function pinKey(pin: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const base = await crypto.subtle.importKey('raw', utf8(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as Uint8Array<ArrayBuffer>, iterations }, base, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

export async function wrapDataKey(dataKey: Uint8Array, pin: string, random: (n: number) => Uint8Array, iterations = VAULT_ITERATIONS): Promise<WrappedKey> {
  const salt = random(16);
  const iv = random(12);
  const key = await pinKey(pin, salt, iterations);
  const ct = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer>, additionalData: AAD }, key, dataKey as Uint8Array<ArrayBuffer>));
  return { salt: toBase64(salt), iv: toBase64(iv), ct: toBase64(ct), iterations };
}

/** The data key, or null when the PIN is wrong or the wrap was altered. */
export async function unwrapDataKey(wrap: WrappedKey, pin: string): Promise<Uint8Array | null> {
  const [salt, iv, ct] = [fromBase64(wrap.salt), fromBase64(wrap.iv), fromBase64(wrap.ct)];
  if (!salt || !iv || !ct) return null;
  try {
    const key = await pinKey(pin, salt, wrap.iterations);
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: AAD }, key, ct));
  } catch {
    return null;
  }
}
