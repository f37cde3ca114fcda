// Privacy-preserving record linkage between school systems (issue 23): each child becomes keyed tokens that
// can be compared but not read back. An HMAC of the citizen ID for exact matches, and a cryptographic long-term
// key (Schnell, Bachteler & Reiher 2009: a Bloom filter of name and birth-date q-grams, positions from keyed
// hashes) for children whose ID is missing or unreliable. Without the shared secret, a tokens file reveals no
// name or ID; the frequency attacks known against Bloom-filter encodings are the residual risk (docs/exchange.md).
import { z } from 'zod';
import { toBase64, toHex, utf8 } from '../bundle/bytes';
import { normaliseThaiName } from '../duplicates/thai-normalise';
import { isValidCitizenId, normaliseIdInput } from '../ids';

export const TOKENS_FORMAT = 'tabian-exchange-tokens/1';
export const BLOOM_BITS = 1024;
// The district's twin-safe rules (src/domain/duplicates/find.ts), keyed: 'same-name' is an exact token of
// birth date + normalised full name; 'close-surname' compares Bloom filters only inside a block of the same
// birth date, sex and normalised first name, so twins (other first names, however close) are never compared,
// and the surname weighs most in the filter, so a one-letter surname typo matches and another family does not.
const K = { first: 10, last: 30, birth: 5, sex: 5 } as const;
const MIN_SECRET_BYTES = 16;

export interface LinkagePerson {
  ref: string;
  idNo: string | null;
  firstName: string;
  lastName: string;
  birthDate: string | null;
  sex: 'M' | 'F' | null;
}

export const tokenLineSchema = z.object({
  ref: z.string().min(1).max(200),
  id: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  name: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .nullable(),
  block: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .nullable(),
  bloom: z.string().nullable(),
});
export type TokenLine = z.infer<typeof tokenLineSchema>;

export const tokensHeaderSchema = z.object({
  format: z.literal(TOKENS_FORMAT),
  bits: z.literal(BLOOM_BITS),
  k: z.object({ first: z.number(), last: z.number(), birth: z.number(), sex: z.number() }),
  /** An HMAC of a fixed text: two files made under different secrets are told apart without revealing either. */
  secretCheck: z.string().regex(/^[0-9a-f]{16}$/),
});
export type TokensHeader = z.infer<typeof tokensHeaderSchema>;

export class SecretTooShortError extends Error {
  constructor() {
    super(`the shared secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
}

type Hmac = (text: string) => Promise<Uint8Array> | Uint8Array;
/**
 * HMAC-SHA256 computed synchronously (the CLI passes node:crypto's): the same tokens as WebCrypto's, without a
 * promise and a thread hop per hash, which cost about 4 ms a child at national scale.
 */
export type SyncHmacSha256 = (key: Uint8Array, message: Uint8Array) => Uint8Array;

async function hmacUnder(secret: Uint8Array, label: string, sync: SyncHmacSha256 | null): Promise<Hmac> {
  // One sub-key per use, so an ID token can never equal a Bloom position hash of the same text.
  if (sync) {
    const sub = sync(secret, utf8(`tabian-exchange/${label}`));
    return (text) => sync(sub, utf8(text));
  }
  const master = await crypto.subtle.importKey(
    'raw',
    secret as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const sub = new Uint8Array(await crypto.subtle.sign('HMAC', master, utf8(`tabian-exchange/${label}`)));
  const key = await crypto.subtle.importKey('raw', sub, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return async (text) => new Uint8Array(await crypto.subtle.sign('HMAC', key, utf8(text)));
}

/** Bigrams of a normalised name, padded so first and last letters count as much as the middle ones. */
export function bigrams(name: string): string[] {
  const key = normaliseThaiName(name);
  if (!key) return [];
  const padded = `_${key}_`;
  const chars = [...padded];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  return out;
}

// Bigrams, birth-date parts and sexes repeat across children: each element's two hash values are kept, under
// this encoder's secret only, up to this many elements (then forgotten and computed again).
const MAX_CACHED_ELEMENTS = 200_000;

/** The encoder for one secret: one set of keys, reused for every child. */
export async function tokenEncoder(
  secret: Uint8Array,
  opts: { hmac?: SyncHmacSha256 } = {},
): Promise<{ header: TokensHeader; encode: (p: LinkagePerson) => Promise<TokenLine> }> {
  if (secret.length < MIN_SECRET_BYTES) throw new SecretTooShortError();
  const [idMac, nameMac, blockMac, bloomMac, checkMac] = await Promise.all(
    ['id', 'name', 'block', 'bloom', 'check'].map((l) => hmacUnder(secret, l, opts.hmac ?? null)),
  );
  const header: TokensHeader = {
    format: TOKENS_FORMAT,
    bits: BLOOM_BITS,
    k: { ...K },
    secretCheck: toHex((await checkMac!('check')).slice(0, 8)),
  };
  const positions = new Map<string, readonly [number, number]>();

  async function setBits(bloom: Uint8Array, element: string, k: number): Promise<void> {
    // Double hashing (Kirsch & Mitzenmacher): two 32-bit values from one keyed hash give k positions.
    let hashes = positions.get(element);
    if (!hashes) {
      const h = await bloomMac!(element);
      const view = new DataView(h.buffer, h.byteOffset, h.byteLength);
      hashes = [view.getUint32(0), view.getUint32(4) | 1];
      if (positions.size >= MAX_CACHED_ELEMENTS) positions.clear();
      positions.set(element, hashes);
    }
    const [h1, h2] = hashes;
    for (let i = 0; i < k; i++) {
      const bit = (h1 + i * h2) % BLOOM_BITS;
      bloom[bit >>> 3]! |= 1 << (bit & 7);
    }
  }

  async function encode(p: LinkagePerson): Promise<TokenLine> {
    const id = p.idNo ? normaliseIdInput(p.idNo) : '';
    const idToken = isValidCitizenId(id) ? toHex(await idMac!(id)) : null;
    const first = bigrams(p.firstName);
    const last = bigrams(p.lastName);
    let bloom: string | null = null;
    if (first.length && p.birthDate) {
      const bits = new Uint8Array(BLOOM_BITS / 8);
      for (const g of first) await setBits(bits, `f:${g}`, K.first);
      for (const g of last) await setBits(bits, `l:${g}`, K.last);
      const [y, m, d] = p.birthDate.split('-');
      for (const part of [`y:${y}`, `m:${m}`, `d:${d}`]) await setBits(bits, part, K.birth);
      if (p.sex) await setBits(bits, `s:${p.sex}`, K.sex);
      bloom = toBase64(bits);
    }
    const firstKey = normaliseThaiName(p.firstName);
    const fullKey = normaliseThaiName(`${p.firstName}${p.lastName}`);
    const name = p.birthDate && fullKey ? toHex((await nameMac!(`${p.birthDate}|${fullKey}`)).slice(0, 16)) : null;
    const block =
      p.birthDate && firstKey && p.sex
        ? toHex((await blockMac!(`${p.birthDate}|${p.sex}|${firstKey}`)).slice(0, 8))
        : null;
    return { ref: p.ref, id: idToken, name, block, bloom };
  }
  return { header, encode };
}
