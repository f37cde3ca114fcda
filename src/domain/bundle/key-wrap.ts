// A private key at rest: wrapped (AES-256-GCM) by a key derived from the user's PIN or passphrase
// with PBKDF2-SHA-256, so the director's key signs only after the director's PIN.
import { z } from 'zod';
import { fromBase64, toBase64, utf8, type Bytes } from './bytes';
import { keyParams, type Key, type KeyUse } from './keys';
import { base64Schema, hex64 } from './statement';

export const WRAP_ITERATIONS = 600_000;
const WRAP_ALG = 'PBKDF2-SHA256+A256GCM';

export const wrappedKeySchema = z.object({
  format: z.literal('tabian-wrapped-key/1'),
  alg: z.literal(WRAP_ALG),
  // A ceiling too: a hostile file must not buy hours of PBKDF2 before anything is checked.
  iterations: z.number().int().min(WRAP_ITERATIONS).max(6_000_000),
  salt: base64Schema,
  iv: base64Schema,
  wrapped: base64Schema,
  /** The public half, so the key can be named and listed without the PIN. */
  keyid: hex64,
  spki: base64Schema,
});
export type WrappedKey = z.infer<typeof wrappedKeySchema>;

async function wrappingKey(secret: string, salt: Bytes, iterations: number): Promise<Key> {
  // NFC: the same passphrase typed on two keyboards must give the same key.
  const material = await crypto.subtle.importKey('raw', utf8(secret.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

/**
 * Wraps an extractable private key; the caller then keeps only the result. `random` gives the salt and IV
 * (crypto.getRandomValues in the app). The keyid is the GCM additional data: a wrapped key cannot be
 * passed off under another public key.
 */
export async function wrapPrivateKey(
  privateKey: Key,
  pub: { keyid: string; spki: Bytes },
  secret: string,
  random: (n: number) => Bytes,
  iterations: number = WRAP_ITERATIONS,
): Promise<WrappedKey> {
  if (iterations < WRAP_ITERATIONS) throw new RangeError(`at least ${WRAP_ITERATIONS} PBKDF2 iterations`);
  const salt = random(16);
  const iv = random(12);
  const kek = await wrappingKey(secret, salt, iterations);
  const wrapped = await crypto.subtle.wrapKey('pkcs8', privateKey, kek, {
    name: 'AES-GCM',
    iv,
    additionalData: utf8(pub.keyid),
  });
  return {
    format: 'tabian-wrapped-key/1',
    alg: WRAP_ALG,
    iterations,
    salt: toBase64(salt),
    iv: toBase64(iv),
    wrapped: toBase64(new Uint8Array(wrapped)),
    keyid: pub.keyid,
    spki: toBase64(pub.spki),
  };
}

/**
 * The private key, non-extractable (unless being rewrapped under a PIN key, decision 20), for signing or
 * (the district's key) decryption; null for a wrong secret.
 */
export async function unwrapPrivateKey(
  w: WrappedKey,
  secret: string,
  use: Extract<KeyUse, 'sign' | 'decrypt'>,
  extractable = false,
): Promise<Key | null> {
  const kek = await wrappingKey(secret, fromBase64(w.salt)!, w.iterations);
  const { algorithm, usages } = keyParams(use);
  try {
    return await crypto.subtle.unwrapKey(
      'pkcs8',
      fromBase64(w.wrapped)!,
      kek,
      { name: 'AES-GCM', iv: fromBase64(w.iv)!, additionalData: utf8(w.keyid) },
      algorithm,
      extractable,
      usages,
    );
  } catch {
    return null;
  }
}
