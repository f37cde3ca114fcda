// A person's signing key at rest (decision 20): wrapped (AES-256-GCM) under a key derived with HKDF from
// the owner's PIN key, the one Argon2id stretch of their PIN (access/pin-kdf.ts), so that this wrap costs
// an attacker exactly what the PIN hash in the users store costs. Passphrase-wrapped keys in files (a
// district key's backup, a backup's recipient key) keep tabian-wrapped-key/1 with PBKDF2 (key-wrap.ts).
import { z } from 'zod';
import { pinSubKey } from '../access/pin-kdf';
import { fromBase64, toBase64, utf8, type Bytes } from './bytes';
import { keyParams, type Key, type KeyUse } from './keys';
import { base64Schema, hex64 } from './statement';

export const PIN_WRAP_ALG = 'PIN-KEY+A256GCM';

export const pinWrappedKeySchema = z.object({
  format: z.literal('tabian-wrapped-key/1'),
  alg: z.literal(PIN_WRAP_ALG),
  salt: base64Schema,
  iv: base64Schema,
  wrapped: base64Schema,
  keyid: hex64,
  spki: base64Schema,
});
export type PinWrappedKey = z.infer<typeof pinWrappedKeySchema>;

/** Wraps an extractable private key under the PIN key; the keyid is the GCM additional data. */
export async function wrapWithPinKey(
  privateKey: Key,
  pub: { keyid: string; spki: Bytes },
  pinKey: Uint8Array,
  random: (n: number) => Bytes,
): Promise<PinWrappedKey> {
  const salt = random(16);
  const iv = random(12);
  const kek = await pinSubKey(pinKey, 'signing-key', salt, ['wrapKey']);
  const wrapped = await crypto.subtle.wrapKey('pkcs8', privateKey, kek, {
    name: 'AES-GCM',
    iv,
    additionalData: utf8(pub.keyid),
  });
  return {
    format: 'tabian-wrapped-key/1',
    alg: PIN_WRAP_ALG,
    salt: toBase64(salt),
    iv: toBase64(iv),
    wrapped: toBase64(new Uint8Array(wrapped)),
    keyid: pub.keyid,
    spki: toBase64(pub.spki),
  };
}

/**
 * The private key for signing or decryption, non-extractable unless it is being rewrapped (a PIN change);
 * null for a wrong PIN key or an altered wrap.
 */
export async function unwrapWithPinKey(
  w: PinWrappedKey,
  pinKey: Uint8Array,
  use: Extract<KeyUse, 'sign' | 'decrypt'>,
  extractable = false,
): Promise<Key | null> {
  const [salt, iv, wrapped] = [fromBase64(w.salt), fromBase64(w.iv), fromBase64(w.wrapped)];
  if (!salt || !iv || !wrapped) return null;
  const { algorithm, usages } = keyParams(use);
  try {
    const kek = await pinSubKey(pinKey, 'signing-key', salt, ['unwrapKey']);
    return await crypto.subtle.unwrapKey(
      'pkcs8',
      wrapped,
      kek,
      { name: 'AES-GCM', iv, additionalData: utf8(w.keyid) },
      algorithm,
      extractable,
      usages,
    );
  } catch {
    return null;
  }
}
