import { writeFile } from 'node:fs/promises';
import { exportPrivateJwk, fingerprintOf, generateSigningKey } from '../../domain/bundle/keys';
import { toBase64 } from '../../domain/bundle/bytes';
import type { Io } from '../command';
import { guarded, InputError, parseFlags } from './bundle-io';

export const keygenUsage = [
  'Usage: tabian bundle keygen --out key.jwk',
  'Writes a new ECDSA P-256 private key as a JWK file (readable by its owner only; an existing file is never',
  'overwritten) and prints its public half: {"keyid", "fingerprint", "spki"}. For automation and tests:',
  'in the app, private keys stay on the device.',
].join('\n');

export async function runKeygen(args: string[], io: Io): Promise<number> {
  const parsed = parseFlags(args, ['out']);
  const out = typeof parsed === 'string' ? undefined : parsed.flags.get('out');
  if (typeof parsed === 'string' || parsed.positional.length > 0 || !out) {
    io.err(`tabian bundle keygen: ${typeof parsed === 'string' ? parsed : 'give --out <file> and nothing else'}\n\n${keygenUsage}`);
    return 2;
  }
  return guarded('keygen', io.err, async () => {
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
  });
}
