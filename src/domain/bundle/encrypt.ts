// Payload encryption for bundles that travel by USB stick, chat or e-mail: ECDH-ES with an ephemeral
// P-256 key → HKDF-SHA-256 → AES-KW wrapping a random content key → AES-256-GCM, AAD = bundleId.
import { fromBase64, toBase64, utf8, type Bytes } from './bytes';
import { importPublicKey, keyParams, type Key } from './keys';
import { ENCRYPTION_ALG, type Encryption } from './statement';

const HKDF_INFO = utf8('tabian-bundle/1 key wrap');

async function keyWrappingKey(privateKey: Key, publicKey: Key): Promise<Key> {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: publicKey }, privateKey, 256);
  const ikm = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: HKDF_INFO },
    ikm,
    { name: 'AES-KW', length: 256 },
    false,
    ['wrapKey', 'unwrapKey'],
  );
}

export type EncryptionHeader = Omit<Encryption, 'ciphertext'>;

/** `random` gives the content key and IV; the ephemeral key comes from WebCrypto. */
export async function encryptPayload(
  plain: Bytes,
  bundleId: string,
  recipient: { keyid: string; spki: Bytes },
  random: (n: number) => Bytes,
): Promise<{ ciphertext: Bytes; header: EncryptionHeader }> {
  const { algorithm } = keyParams('encrypt');
  const recipientKey = await crypto.subtle.importKey('spki', recipient.spki, algorithm, false, []);
  const ephemeral = await crypto.subtle.generateKey(algorithm, false, ['deriveBits']);
  const kek = await keyWrappingKey(ephemeral.privateKey, recipientKey);
  const contentKey = await crypto.subtle.importKey('raw', random(32), 'AES-GCM', true, ['encrypt']);
  const iv = random(12);
  const wrappedKey = new Uint8Array(await crypto.subtle.wrapKey('raw', contentKey, kek, 'AES-KW'));
  const ciphertext = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8(bundleId) }, contentKey, plain),
  );
  const epk = new Uint8Array(await crypto.subtle.exportKey('spki', ephemeral.publicKey));
  return {
    ciphertext,
    header: {
      alg: ENCRYPTION_ALG,
      recipient: recipient.keyid,
      epk: toBase64(epk),
      wrappedKey: toBase64(wrappedKey),
      iv: toBase64(iv),
    },
  };
}

/** The plaintext, or null when the key, the header or the ciphertext does not fit (GCM says so). */
export async function decryptPayload(
  ciphertext: Bytes,
  bundleId: string,
  header: EncryptionHeader,
  privateKey: Key,
): Promise<Bytes | null> {
  try {
    const epk = await importPublicKey(fromBase64(header.epk)!, 'encrypt');
    const kek = await keyWrappingKey(privateKey, epk);
    const contentKey = await crypto.subtle.unwrapKey(
      'raw',
      fromBase64(header.wrappedKey)!,
      kek,
      'AES-KW',
      'AES-GCM',
      false,
      ['decrypt'],
    );
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(header.iv)!, additionalData: utf8(bundleId) },
      contentKey,
      ciphertext,
    );
    return new Uint8Array(plain);
  } catch {
    return null;
  }
}

/**
 * The content key of an encrypted bundle, wrapped again to another recipient (decision 32): the district
 * grants the national office a school's submission without decrypting it for anyone else or changing a byte
 * of it. Null when `privateKey` cannot unwrap the header's key.
 */
export async function regrantContentKey(
  header: Pick<EncryptionHeader, 'epk' | 'wrappedKey'>,
  privateKey: Key,
  recipient: { keyid: string; spki: Bytes },
): Promise<{ recipient: string; epk: string; wrappedKey: string } | null> {
  let contentKey: Key;
  try {
    const kek = await keyWrappingKey(privateKey, await importPublicKey(fromBase64(header.epk)!, 'encrypt'));
    contentKey = await crypto.subtle.unwrapKey('raw', fromBase64(header.wrappedKey)!, kek, 'AES-KW', 'AES-GCM', true, [
      'decrypt',
    ]);
  } catch {
    return null;
  }
  const { algorithm } = keyParams('encrypt');
  const recipientKey = await crypto.subtle.importKey('spki', recipient.spki, algorithm, false, []);
  const ephemeral = await crypto.subtle.generateKey(algorithm, false, ['deriveBits']);
  const kek = await keyWrappingKey(ephemeral.privateKey, recipientKey);
  const wrappedKey = new Uint8Array(await crypto.subtle.wrapKey('raw', contentKey, kek, 'AES-KW'));
  const epk = new Uint8Array(await crypto.subtle.exportKey('spki', ephemeral.publicKey));
  return { recipient: recipient.keyid, epk: toBase64(epk), wrappedKey: toBase64(wrappedKey) };
}
