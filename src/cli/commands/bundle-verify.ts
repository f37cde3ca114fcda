import { explain } from '../../domain/bundle/reasons';
import { verifyBundle } from '../../domain/bundle/verify';
import type { Io } from '../command';
import { guarded, InputError, parseFlags, printableJson, readBytes } from './bundle-io';
import { readPrivateKey, readTrust } from './key-files';

export const verifyUsage = [
  'Usage: tabian bundle verify <file.tabian> [--trust keys.json] [--key district-key] [--passphrase-file F] [--lang th|en]',
  'Checks a bundle in the seven steps of bundle-v1 and prints one JSON report:',
  '  {"valid": bool, "reason": null | "<code>", "statement": {...} | null, "signers": [{"keyid","fingerprint","role","name","signature","trusted"}]}',
  'reason codes are listed in docs/bundle-format.md; the message for people goes to stderr.',
  '--trust: a tabian-trust/1 list or one tabian-public-key/1 file; every signing key must be in it (otherwise key.untrusted).',
  '--key: the district key that opens an encrypted bundle: the app\'s key backup (passphrase from --passphrase-file,',
  '  TABIAN_PASSPHRASE or a prompt) or a private key JWK.',
  'Exit 0 when valid (and trusted, with --trust), 1 when rejected, 2 for bad usage or unreadable input.',
].join('\n');

export async function runVerify(args: string[], io: Io): Promise<number> {
  const parsed = parseFlags(args, ['trust', 'key', 'passphrase-file', 'lang']);
  if (typeof parsed === 'string' || parsed.positional.length !== 1) {
    io.err(`tabian bundle verify: ${typeof parsed === 'string' ? parsed : 'give one bundle file'}\n\n${verifyUsage}`);
    return 2;
  }
  const { flags, positional } = parsed;
  return guarded('verify', io.err, async () => {
    const lang = flags.get('lang') ?? 'th';
    if (lang !== 'th' && lang !== 'en') throw new InputError(`--lang wants th or en, got "${lang}"`);
    const bytes = await readBytes(positional[0]!);
    const trustFile = flags.get('trust');
    const trust = trustFile ? await readTrust(trustFile) : null;
    const keyFile = flags.get('key');
    const opened = keyFile ? await readPrivateKey(keyFile, flags, io, 'decrypt') : null;
    const r = await verifyBundle(bytes, { trust, decryptionKey: opened });
    io.out(JSON.stringify({ valid: r.valid, reason: r.reason, statement: printableJson(r.statementJson ?? null), signers: r.signers }));
    if (r.reason) io.err(`tabian bundle verify: ${r.reason}: ${explain(r.reason, r.detail, lang)}`);
    return r.valid ? 0 : 1;
  });
}
