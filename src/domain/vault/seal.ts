// Personal data at rest: a stored row keeps in clear only the fields its store's keys and indexes need
// (ids, grades, dates, status); everything else is one AES-GCM ciphertext under the school's data key,
// bound to its store, its primary key and (format 2, decision 20) the values of its clear fields, so that
// a sealed row can neither be moved to another nor have its status, grade or room changed. Synchronous
// (@noble/ciphers) inside a transaction, because an IndexedDB transaction closes when it waits on anything
// else; rows sealed ahead of their transaction use WebCrypto (sealRowNative, decision 33).
import { gcm } from '@noble/ciphers/aes.js';
import { fromBase64, toBase64 } from '../bundle/bytes';

import { SEALED, VaultError } from './sealed';

export { SEALED, VaultError };
const NONCE_BYTES = 12;

export interface SealContext {
  store: string;
  /** Top-level fields kept in clear: the primary key and every indexed field. */
  clear: readonly string[];
  primaryKey: string;
}

type Row = Record<string, unknown>;

// Bytes travel as tagged base64 inside the sealed JSON; a Blob cannot be read synchronously.
// Tests and browsers may hand over typed arrays from another realm: no instanceof.
const isBuffer = (v: unknown): v is ArrayBuffer => Object.prototype.toString.call(v) === '[object ArrayBuffer]';
const asU8 = (v: unknown): Uint8Array | null =>
  ArrayBuffer.isView(v) && Object.prototype.toString.call(v) === '[object Uint8Array]'
    ? new Uint8Array(v.buffer, v.byteOffset, v.byteLength)
    : null;

function replacer(this: unknown, _key: string, value: unknown): unknown {
  const u8 = asU8(value);
  if (u8) return { $u8: toBase64(u8) };
  if (isBuffer(value)) return { $ab: toBase64(new Uint8Array(value)) };
  if (typeof Blob !== 'undefined' && value instanceof Blob)
    throw new VaultError('vault.unsealable', 'a Blob cannot be sealed');
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  if (keys.length !== 1) return value;
  const tagged = value as { $u8?: unknown; $ab?: unknown };
  if (typeof tagged.$u8 === 'string') return fromBase64(tagged.$u8) ?? new Uint8Array(0);
  if (typeof tagged.$ab === 'string') return (fromBase64(tagged.$ab) ?? new Uint8Array(0)).slice().buffer;
  return value;
}

const encoder = new TextEncoder();
/** The seal format written now; format 1 rows (store and key only) open until every row was resealed. */
export const SEAL_FORMAT = 2;
/** Where a row says which format sealed it; absent means format 1. */
export const SEAL_FORMAT_FIELD = '$seal';

// Clear fields in a fixed order, undefined ones as null: the same row always gives the same bytes.
const clearPart = (clear: Row, fields: readonly string[]) =>
  JSON.stringify(
    [...fields].sort().map((f) => [f, clear[f] ?? null]),
    replacer,
  );
function aadOf(format: number, ctx: Pick<SealContext, 'store' | 'clear'>, id: unknown, clear: Row): Uint8Array {
  const base = `tabian-vault/${format}\u0000${ctx.store}\u0000${JSON.stringify(id)}`;
  return encoder.encode(format === 1 ? base : `${base}\u0000${clearPart(clear, ctx.clear)}`);
}

export const isSealed = (row: unknown): row is Row =>
  typeof row === 'object' && row !== null && asU8((row as Row)[SEALED]) !== null;

// A row split as it is stored: its clear fields, the plaintext of the rest and the data its seal binds.
function partsOf(row: Row, ctx: SealContext): { clear: Row; plain: Uint8Array; aad: Uint8Array } {
  const clear: Row = {};
  const rest: Row = {};
  for (const [k, v] of Object.entries(row)) (ctx.clear.includes(k) ? clear : rest)[k] = v;
  return {
    clear,
    plain: encoder.encode(holdsBinary(rest) ? JSON.stringify(rest, replacer) : JSON.stringify(rest)),
    aad: aadOf(SEAL_FORMAT, ctx, row[ctx.primaryKey], clear),
  };
}

// Whether the replacer would change anything: bytes, an ArrayBuffer or a Blob somewhere in the value. A
// replacer function makes JSON.stringify call into JavaScript for every key; most rows hold none of these.
function holdsBinary(v: unknown): boolean {
  if (typeof v !== 'object' || v === null) return false;
  if (ArrayBuffer.isView(v) || isBuffer(v) || (typeof Blob !== 'undefined' && v instanceof Blob)) return true;
  if (Array.isArray(v)) return v.some(holdsBinary);
  for (const k in v) if (holdsBinary((v as Row)[k])) return true;
  return false;
}

function stored(clear: Row, nonce: Uint8Array, sealed: Uint8Array): Row {
  const out = new Uint8Array(NONCE_BYTES + sealed.length);
  out.set(nonce);
  out.set(sealed, NONCE_BYTES);
  return { ...clear, [SEALED]: out, [SEAL_FORMAT_FIELD]: SEAL_FORMAT };
}

/** The row as stored: clear fields plus the sealed rest. `nonce` must be 12 fresh random bytes. */
export function sealRow(row: Row, ctx: SealContext, key: Uint8Array, nonce: Uint8Array): Row {
  const { clear, plain, aad } = partsOf(row, ctx);
  return stored(clear, nonce, gcm(key, nonce, aad).encrypt(plain));
}

/**
 * The same bytes as sealRow, through WebCrypto (native, but asynchronous: for rows sealed before the
 * transaction that stores them). AES-GCM with a 128-bit tag appends the tag to the ciphertext, as
 * @noble/ciphers does, so either opens the other's rows.
 */
export async function sealRowNative(row: Row, ctx: SealContext, key: CryptoKey, nonce: Uint8Array): Promise<Row> {
  const { clear, plain, aad } = partsOf(row, ctx);
  const iv = nonce.slice() as Uint8Array<ArrayBuffer>;
  const sealed = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: aad as Uint8Array<ArrayBuffer>, tagLength: 128 },
    key,
    plain as Uint8Array<ArrayBuffer>,
  );
  return stored(clear, nonce, new Uint8Array(sealed));
}

/**
 * The row as written; a row stored in clear is returned as it is (the middleware decides whether a clear
 * row may exist). `minFormat` 2 refuses rows sealed before clear fields were bound.
 */
export function openRow(row: Row, ctx: SealContext, key: Uint8Array, minFormat = 1): Row {
  if (!isSealed(row)) return row;
  const { [SEALED]: stored, [SEAL_FORMAT_FIELD]: format = 1, ...clear } = row;
  if ((format !== 1 && format !== SEAL_FORMAT) || (format as number) < minFormat) {
    throw new VaultError('vault.damaged', `a row of ${ctx.store} has seal format ${String(format)}`);
  }
  // A field planted beside the seal would otherwise overlay the sealed value of the same name.
  if (format === SEAL_FORMAT && Object.keys(clear).some((f) => !ctx.clear.includes(f))) {
    throw new VaultError('vault.damaged', `a row of ${ctx.store} has a clear field it was not sealed with`);
  }
  const box = asU8(stored)!;
  let plain: Uint8Array;
  try {
    plain = gcm(key, box.subarray(0, NONCE_BYTES), aadOf(format, ctx, clear[ctx.primaryKey], clear)).decrypt(
      box.subarray(NONCE_BYTES),
    );
  } catch {
    throw new VaultError('vault.damaged', `a sealed row of ${ctx.store} does not open with this key`);
  }
  return { ...(JSON.parse(new TextDecoder().decode(plain), reviver) as Row), ...clear };
}
