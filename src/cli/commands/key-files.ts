// Every key file the app writes, read where a command needs that key: the district key's passphrase-wrapped
// backup (tabian-wrapped-key/1) or a bare JWK for --key; a public key file (tabian-public-key/1) or a
// JWK for --encrypt-to; a trust list or one public key file for --trust.
import { readFile } from 'node:fs/promises';
import { fromBase64, fromUtf8, type Bytes } from '../../domain/bundle/bytes';
import {
  importPrivateJwk,
  importPublicKey,
  privateJwkSchema,
  publicJwkSchema,
  publicOfJwk,
  type SigningKey,
} from '../../domain/bundle/keys';
import { unwrapPrivateKey, wrappedKeySchema } from '../../domain/bundle/key-wrap';
import { trustListSchema, type TrustList } from '../../domain/bundle/trust';
import { readKeyFile } from '../../domain/district/key-file';
import type { Io } from '../command';
import { InputError, readBytes } from './bundle-io';

/** The environment variable that may hold the key backup's passphrase (a CI job, a script). */
export const PASSPHRASE_ENV = 'TABIAN_PASSPHRASE';

async function jsonOf(file: string): Promise<{ text: string; json: unknown }> {
  const text = fromUtf8(await readBytes(file)) ?? '';
  try {
    return { text, json: JSON.parse(text) };
  } catch {
    throw new InputError(`"${file}" is not JSON (expected a key file)`);
  }
}

/** --passphrase-file, then the environment, then a prompt on the terminal. */
async function passphraseFor(file: string, fromFile: string | undefined, io: Io): Promise<string> {
  if (fromFile) {
    const text = await readFile(fromFile, 'utf8').catch(() => {
      throw new InputError(`cannot read "${fromFile}"`);
    });
    // Only the line ending an editor adds is dropped: spaces may be part of a passphrase.
    return text.replace(/\r?\n$/, '');
  }
  const fromEnv = io.env?.[PASSPHRASE_ENV];
  if (fromEnv) return fromEnv;
  if (!io.prompt)
    throw new InputError(
      `"${file}" is a passphrase-protected key backup: give --passphrase-file or set ${PASSPHRASE_ENV}`,
    );
  return io.prompt(`Passphrase for the key backup "${file}": `);
}

/** A private key to decrypt with (the district's), from the app's key backup or a JWK. */
export async function readPrivateKey(
  file: string,
  passphraseFile: string | undefined,
  io: Io,
  use: 'sign' | 'decrypt',
): Promise<SigningKey> {
  const { json } = await jsonOf(file);
  const wrapped = wrappedKeySchema.safeParse(json);
  if (wrapped.success) {
    const secret = await passphraseFor(file, passphraseFile, io);
    const privateKey = await unwrapPrivateKey(wrapped.data, secret, use);
    if (!privateKey) throw new InputError(`"${file}": the passphrase does not open this key backup`);
    return { privateKey, keyid: wrapped.data.keyid, spki: fromBase64(wrapped.data.spki)! };
  }
  const jwk = privateJwkSchema.safeParse(json);
  if (!jwk.success)
    throw new InputError(`"${file}" is not a P-256 private key JWK nor the app's key backup (tabian-wrapped-key/1)`);
  return importPrivateJwk(jwk.data, use).catch(() => {
    throw new InputError(`"${file}" is not a usable P-256 private key`);
  });
}

/** A public key to encrypt to: the app's public key file (its keyid checked) or a JWK. */
export async function readPublicKey(file: string): Promise<{ spki: Bytes; keyid: string }> {
  const { text, json } = await jsonOf(file);
  const jwk = publicJwkSchema.safeParse(json);
  if (jwk.success) {
    return publicOfJwk(jwk.data).catch(() => {
      throw new InputError(`"${file}" is not a usable P-256 public key`);
    });
  }
  const read = await readKeyFile(text);
  if (!read.ok || read.kind !== 'public-key')
    throw new InputError(`"${file}" is not a P-256 public key JWK nor the app's public key file (tabian-public-key/1)`);
  const spki = fromBase64(read.keys[0]!.spki)!;
  await importPublicKey(spki, 'encrypt');
  return { spki, keyid: read.keys[0]!.keyid };
}

/** The keys to trust: the app's exported list (tabian-trust/1) or one public key file it wrote. */
export async function readTrust(file: string): Promise<TrustList> {
  const { text, json } = await jsonOf(file);
  const list = trustListSchema.safeParse(json);
  if (list.success) return list.data;
  const read = await readKeyFile(text);
  if (!read.ok) {
    const why = read.problem === 'keyfile.mismatch' ? ' (a key does not match its keyid)' : '';
    throw new InputError(`"${file}" is not a tabian-trust/1 list nor a tabian-public-key/1 file${why}`);
  }
  return { format: 'tabian-trust/1', keys: read.keys };
}
