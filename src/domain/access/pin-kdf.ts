// The one slow step between a PIN and anything it protects (decision 20). A PIN is stretched once, with
// Argon2id (memory-hard, so a graphics card gains little), into a 32-byte PIN key; the clear verifier in
// the users store and every wrap of that PIN (the data key, the person's signing keys) are derived from
// that PIN key with HKDF. Testing a guess against any of them therefore costs the same one Argon2id run:
// no stored secret is cheaper to attack than the strongest wrap.
import { z } from 'zod';
import { utf8, type Bytes } from '../bundle/bytes';

export const kdfParamsSchema = z.object({
  alg: z.literal('argon2id'),
  /** Memory in KiB. The ceiling keeps a hostile or damaged row from asking for gigabytes. */
  m: z.number().int().min(8).max(1_048_576),
  /** Passes over the memory. */
  t: z.number().int().min(1).max(20),
  p: z.literal(1),
});
export type KdfParams = z.infer<typeof kdfParamsSchema>;

/**
 * The release cost: 64 MiB, 2 passes, one lane. About 0.2 s on this project's build machine (Node and
 * Chromium alike) and, by the usual 3–5× gap, about 0.6–1 s on a cheap Android tablet (docs/security.md).
 * Every PIN written by the app uses it; lower values exist only where a test passes them explicitly.
 */
export const PIN_KDF: KdfParams = { alg: 'argon2id', m: 65_536, t: 2, p: 1 };

/** What opens a wrap: the PIN key, and the PIN itself for a wrap made before decision 20 (PBKDF2). */
export interface PinSecret {
  pin: string;
  pinKey: Uint8Array;
}

/** What the wraps derived from a PIN key are for; each gets its own HKDF label. */
export type PinPurpose = 'verify' | 'vault' | 'signing-key';

/** The PIN key: Argon2id of the NFC-normalised PIN under the user's salt (16 random bytes). */
export async function derivePinKey(pin: string, salt: Uint8Array, params: KdfParams = PIN_KDF): Promise<Bytes> {
  // Loaded with the first PIN, not with every screen and worker that only reads users' rows.
  const { argon2id } = await import('hash-wasm');
  const out = await argon2id({
    password: utf8(pin.normalize('NFC')),
    salt,
    parallelism: params.p,
    iterations: params.t,
    memorySize: params.m,
    hashLength: 32,
    outputType: 'binary',
  });
  return new Uint8Array(out);
}

/**
 * Loads and compiles the Argon2id code with a run at the smallest cost (8 KiB, one pass), so that the first
 * PIN typed pays only for its own derivation: the sign-in screen calls it once painted, while the PIN is
 * typed (issue 24, cold start). Nothing is derived from a secret here.
 */
export async function warmPinKdf(): Promise<void> {
  await derivePinKey('0', new Uint8Array(16), { alg: 'argon2id', m: 8, t: 1, p: 1 });
}

const hkdfBase = (pinKey: Uint8Array) =>
  crypto.subtle.importKey('raw', pinKey as Bytes, 'HKDF', false, ['deriveBits', 'deriveKey']);
const info = (purpose: PinPurpose) => utf8(`tabian-pin/${purpose}`);

/** 32 bytes derived from the PIN key for one purpose (the verifier stored in clear). */
export async function pinSubBytes(
  pinKey: Uint8Array,
  purpose: PinPurpose,
  salt: Uint8Array = new Uint8Array(0),
): Promise<Bytes> {
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: salt as Bytes, info: info(purpose) },
    await hkdfBase(pinKey),
    256,
  );
  return new Uint8Array(bits);
}

/**
 * The PIN key with a passkey's PRF output mixed in (decision 26): HKDF over both, so a wrap made with it
 * opens only with the PIN *and* the passkey (which a copied database does not carry). 32 bytes, used
 * wherever the PIN key alone would be.
 */
export async function withPasskey(pinKey: Uint8Array, prf: Uint8Array): Promise<Bytes> {
  if (prf.length < 32) throw new RangeError('a PRF output has 32 bytes');
  const ikm = new Uint8Array(pinKey.length + prf.length);
  ikm.set(pinKey);
  ikm.set(prf, pinKey.length);
  const base = await crypto.subtle.importKey('raw', ikm as Bytes, 'HKDF', false, ['deriveBits']);
  ikm.fill(0);
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8('tabian-pin/passkey') },
    base,
    256,
  );
  return new Uint8Array(bits);
}

/** An AES-256-GCM key derived from the PIN key for one purpose; `salt` is the wrap's own random salt. */
export async function pinSubKey(
  pinKey: Uint8Array,
  purpose: Exclude<PinPurpose, 'verify'>,
  salt: Uint8Array,
  usages: KeyUsage[],
): Promise<CryptoKey> {
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: salt as Bytes, info: info(purpose) },
    await hkdfBase(pinKey),
    { name: 'AES-GCM', length: 256 },
    false,
    usages,
  );
}
