import { writeFile } from 'node:fs/promises';
import { exportPrivateJwk, fingerprintOf, generateSigningKey } from '../../domain/bundle/keys';
import { toBase64 } from '../../domain/bundle/bytes';
import { InputError, parseCommandArgs, UsageError } from '../args';
import type { Io } from '../command';

export const keygenUsage = [
  'Usage: tabian bundle keygen --out key.jwk',
  'Writes a new ECDSA P-256 private key as a JWK file (readable by its owner only; an existing file is never',
  'overwritten) and prints its public half: {"keyid", "fingerprint", "spki"}. For automation and tests:',
  'in the app, private keys stay on the device.',
].join('\n');

export async function runKeygen(args: string[], io: Io): Promise<number> {
  const {
    values: { out },
  } = parseCommandArgs(args, { out: { type: 'string' } }, false);
  if (!out) throw new UsageError('ใส่ --out <ไฟล์>', 'give --out <file>');
  const key = await generateSigningKey(true);
  const jwk = await exportPrivateJwk(key.privateKey);
  try {
    await writeFile(out, JSON.stringify(jwk) + '\n', { flag: 'wx', mode: 0o600 });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot write "${out}": ${code === 'EEXIST' ? 'it exists already' : (e as Error).message}`);
  }
  io.out(JSON.stringify({ keyid: key.keyid, fingerprint: fingerprintOf(key.keyid), spki: toBase64(key.spki) }));
  return 0;
}
