// ECDSA P-256 keys: every signer (staff, director, device, district) has one, made with WebCrypto.
// A key is named by its keyid (SHA-256 of the SPKI DER) and read aloud by its fingerprint.
import { z } from 'zod';
import type { Bytes } from './bytes';
import { isUncompressedP256Spki } from './ecdsa';
import { sha256Hex } from './hash';

/** CryptoKey under both the DOM and the Node type libraries. */
export type Key = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

/** A private key ready to sign, with the public half that names it. */
export interface SigningKey {
  privateKey: Key;
  spki: Bytes;
  keyid: string;
}

const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;

/** 'sign'/'verify' for signatures; 'decrypt'/'encrypt' for the same key material used in ECDH. */
export type KeyUse = 'sign' | 'verify' | 'decrypt' | 'encrypt';
const ALG_OF: Record<KeyUse, typeof ECDSA | typeof ECDH> = { sign: ECDSA, verify: ECDSA, decrypt: ECDH, encrypt: ECDH };
const USAGES_OF: Record<KeyUse, ('sign' | 'verify' | 'deriveBits')[]> = {
  sign: ['sign'],
  verify: ['verify'],
  decrypt: ['deriveBits'],
  encrypt: [],
};

/** The WebCrypto algorithm and usages for one use of a P-256 key. */
export const keyParams = (use: KeyUse) => ({ algorithm: ALG_OF[use], usages: USAGES_OF[use] });

const b64url = z.string().regex(/^[A-Za-z0-9_-]+$/);
export const publicJwkSchema = z.object({ kty: z.literal('EC'), crv: z.literal('P-256'), x: b64url, y: b64url });
export const privateJwkSchema = publicJwkSchema.extend({ d: b64url });
export type PublicJwk = z.infer<typeof publicJwkSchema>;
export type PrivateJwk = z.infer<typeof privateJwkSchema>;

export async function keyIdOf(spki: Bytes): Promise<string> {
  return sha256Hex(spki);
}

/** The first 16 hex digits of the keyid in groups of 4 ("3f1a 9c0e 77b2 d410"), read over the phone. */
export function fingerprintOf(keyid: string): string {
  return (keyid.slice(0, 16).match(/.{1,4}/g) ?? []).join(' ');
}

/** Whether what someone reads aloud matches a keyid, ignoring case and spacing. */
export function fingerprintMatches(keyid: string, spoken: string): boolean {
  const digits = spoken.replace(/[\s-]/g, '').toLowerCase();
  return digits.length === 16 && keyid.startsWith(digits);
}

/** A new key pair. `extractable: false` for keys that never leave the device (a tablet's sync key). */
export async function generateSigningKey(extractable: boolean): Promise<SigningKey & { publicKey: Key }> {
  const pair = await crypto.subtle.generateKey(ECDSA, extractable, ['sign', 'verify']);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return { privateKey: pair.privateKey, publicKey: pair.publicKey, spki, keyid: await keyIdOf(spki) };
}

/** Throws on bytes that are not an uncompressed P-256 SubjectPublicKeyInfo (the one spelling WebCrypto exports). */
export async function importPublicKey(spki: Bytes, use: 'verify' | 'encrypt'): Promise<Key> {
  if (!isUncompressedP256Spki(spki)) throw new Error('not an uncompressed P-256 SubjectPublicKeyInfo');
  return crypto.subtle.importKey('spki', spki, ALG_OF[use], true, USAGES_OF[use]);
}

async function spkiOfJwk(jwk: PublicJwk): Promise<Bytes> {
  const { kty, crv, x, y } = jwk;
  const pub = await crypto.subtle.importKey('jwk', { kty, crv, x, y }, ECDSA, true, ['verify']);
  return new Uint8Array(await crypto.subtle.exportKey('spki', pub));
}

/** The public half of a JWK as SPKI and keyid; throws when the point is not on the curve. */
export async function publicOfJwk(jwk: PublicJwk): Promise<{ spki: Bytes; keyid: string }> {
  const spki = await spkiOfJwk(jwk);
  return { spki, keyid: await keyIdOf(spki) };
}

/**
 * Imports a private JWK, non-extractable, for signing or (the district's key) for decryption.
 * `key_ops` and `ext` are dropped: WebCrypto refuses a JWK whose key_ops do not match the new use.
 */
export async function importPrivateJwk(jwk: PrivateJwk, use: 'sign' | 'decrypt'): Promise<SigningKey> {
  const { kty, crv, x, y, d } = jwk;
  const privateKey = await crypto.subtle.importKey('jwk', { kty, crv, x, y, d }, ALG_OF[use], false, USAGES_OF[use]);
  return { privateKey, ...(await publicOfJwk(jwk)) };
}

/** Exports an extractable private key as a bare JWK (no key_ops, no ext), as the CLI writes it. */
export async function exportPrivateJwk(privateKey: Key): Promise<PrivateJwk> {
  return privateJwkSchema.parse(await crypto.subtle.exportKey('jwk', privateKey));
}

export async function publicJwkOfSpki(spki: Bytes): Promise<PublicJwk> {
  const key = await importPublicKey(spki, 'verify');
  return publicJwkSchema.parse(await crypto.subtle.exportKey('jwk', key));
}
