// A device's or district's private key kept on the device (decision 26): its PKCS#8 bytes sealed with
// AES-256-GCM under the installation's data key, which exists only wrapped per user (data-key.ts) and in
// memory between sign-in and lock. A copy of the browser profile therefore holds no usable private key,
// where a "non-extractable" CryptoKey stored in IndexedDB was readable from the profile's files.
import { z } from 'zod';
import { fromBase64, toBase64, utf8 } from '../bundle/bytes';
import { keyParams, type Key } from '../bundle/keys';

export const heldKeySchema = z.object({
  alg: z.literal('DATA-KEY+A256GCM'),
  iv: z.string().min(1),
  ct: z.string().min(1),
});
export type HeldKey = z.infer<typeof heldKeySchema>;

/** Binds the sealed bytes to the key they claim to be and its role: a sealed key moved onto another row does not open. */
const aad = (keyid: string, role: string) => utf8(`tabian-held-key/1|${role}|${keyid}`);

async function aesKey(dataKey: Uint8Array, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', dataKey as Uint8Array<ArrayBuffer>, 'AES-GCM', false, [usage]);
}

/** Seals an extractable private key; the caller drops the extractable object afterwards. */
export async function holdPrivateKey(
  privateKey: Key,
  dataKey: Uint8Array,
  who: { keyid: string; role: string },
  random: (n: number) => Uint8Array,
): Promise<HeldKey> {
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', privateKey));
  const iv = random(12);
  const ct = new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer>, additionalData: aad(who.keyid, who.role) },
      await aesKey(dataKey, 'encrypt'),
      pkcs8,
    ),
  );
  pkcs8.fill(0);
  return { alg: 'DATA-KEY+A256GCM', iv: toBase64(iv), ct: toBase64(ct) };
}

/**
 * The key, non-extractable, for one use (the district's key signs and decrypts with the same material);
 * null when the data key is not the one it was sealed under or the row was altered.
 */
export async function openHeldKey(
  held: HeldKey,
  dataKey: Uint8Array,
  who: { keyid: string; role: string },
  use: 'sign' | 'decrypt',
): Promise<Key | null> {
  const [iv, ct] = [fromBase64(held.iv), fromBase64(held.ct)];
  if (!iv || !ct) return null;
  let pkcs8: Uint8Array;
  try {
    pkcs8 = new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv, additionalData: aad(who.keyid, who.role) },
        await aesKey(dataKey, 'decrypt'),
        ct,
      ),
    );
  } catch {
    return null;
  }
  const { algorithm, usages } = keyParams(use);
  try {
    return await crypto.subtle.importKey('pkcs8', pkcs8 as Uint8Array<ArrayBuffer>, algorithm, false, usages);
  } finally {
    pkcs8.fill(0);
  }
}
