// ECDSA P-256 details WebCrypto leaves open. (r, s) and (r, n − s) are both valid signatures of one
// message, so a signature could be altered without the key; only the low-S form is accepted (BIP-62,
// RFC 6979 practice) and the project's own signatures are normalised to it. Public keys are accepted only
// as the 91-byte uncompressed SubjectPublicKeyInfo WebCrypto exports, one spelling per key.
import type { Bytes } from './bytes';

const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const HALF_N = N >> 1n;

const bigOf = (bytes: Uint8Array): bigint => bytes.reduce((n, b) => (n << 8n) | BigInt(b), 0n);

function bytesOf(n: bigint): Uint8Array {
  const out = new Uint8Array(32);
  for (let i = 31; i >= 0; i--, n >>= 8n) out[i] = Number(n & 0xffn);
  return out;
}

/** A 64-byte P1363 signature whose s is at most n/2. */
export const isLowS = (sig: Uint8Array): boolean => sig.length === 64 && bigOf(sig.subarray(32)) <= HALF_N;

/** The same signature with s replaced by n − s when s is high (WebCrypto may produce either). */
export function toLowS(sig: Bytes): Bytes {
  if (sig.length !== 64 || isLowS(sig)) return sig;
  const out = new Uint8Array(64);
  out.set(sig.subarray(0, 32));
  out.set(bytesOf(N - bigOf(sig.subarray(32))), 32);
  return out;
}

/** SEQUENCE { SEQUENCE { id-ecPublicKey, prime256v1 }, BIT STRING { 0x04 … } }: everything before x‖y. */
const SPKI_PREFIX = [
  0x30, 0x59, 0x30, 0x13, 0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01, 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce,
  0x3d, 0x03, 0x01, 0x07, 0x03, 0x42, 0x00, 0x04,
];

export const isUncompressedP256Spki = (spki: Uint8Array): boolean =>
  spki.length === SPKI_PREFIX.length + 64 && SPKI_PREFIX.every((b, i) => spki[i] === b);
