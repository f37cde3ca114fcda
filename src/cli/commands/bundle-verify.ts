import { explain } from '../../domain/bundle/reasons';
import { verifyBundle } from '../../domain/bundle/verify';
import { parseCommandArgs, UsageError } from '../args';
import type { Io } from '../command';
import { printableJson, readBytes } from './bundle-io';
import { readPrivateKey, readTrust } from './key-files';

export const verifyUsage = [
  'Usage: tabian bundle verify <file.tabian> [--trust keys.json] [--key district-key] [--passphrase-file F] [--lang th|en]',
  'Checks a bundle in the seven steps of bundle-v1 and prints one JSON report:',
  '  {"valid": bool, "reason": null | "<code>", "statement": {...} | null, "signers": [{"keyid","fingerprint","role","name","signature","trusted"}],',
  '   "trusted": true | false | null}',
  'valid: every check but trust passed (archive, signatures, files, records). Anyone can make a valid bundle',
  'with fresh keys that claims any school: only trusted says the keys are the ones enrolled.',
  "trusted: with --trust, true when every signing key is enrolled for the bundle's school, false when one is not",
  '(reason key.untrusted); null without --trust, or when the bundle is not valid.',
  'reason codes are listed in docs/bundle-format.md; the message for people goes to stderr.',
  '--trust: a tabian-trust/1 list or one tabian-public-key/1 file; every signing key must be in it (otherwise key.untrusted).',
  "--key: the district key that opens an encrypted bundle: the app's key backup (passphrase from --passphrase-file,",
  '  TABIAN_PASSPHRASE or a prompt) or a private key JWK.',
  'Exit 0 when valid and trusted, 3 when valid but no --trust list was given (who signed is unknown),',
  '1 when invalid or untrusted, 2 for bad usage or unreadable input.',
].join('\n');

const NO_TRUST = {
  th: 'ชุดข้อมูลถูกต้องตามรูปแบบและลายมือชื่อ แต่ยังไม่ได้ตรวจว่าผู้ลงนามเป็นใคร: ใส่ --trust รายชื่อกุญแจที่ลงทะเบียนไว้',
  en: 'The bundle is well formed and its signatures verify, but who signed it was not checked: give --trust with the enrolled keys',
};

export async function runVerify(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    trust: { type: 'string' },
    key: { type: 'string' },
    'passphrase-file': { type: 'string' },
    lang: { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('ใส่ไฟล์ชุดข้อมูลหนึ่งไฟล์', 'give one bundle file');
  const lang = values.lang ?? 'th';
  if (lang !== 'th' && lang !== 'en')
    throw new UsageError(`--lang ต้องเป็น th หรือ en ไม่ใช่ "${lang}"`, `--lang wants th or en, got "${lang}"`);
  const bytes = await readBytes(positionals[0]!);
  const trust = values.trust ? await readTrust(values.trust) : null;
  const opened = values.key ? await readPrivateKey(values.key, values['passphrase-file'], io, 'decrypt') : null;
  const r = await verifyBundle(bytes, { trust, decryptionKey: opened });
  // Trust is step 6 and the command follows no chain (step 7): key.untrusted means steps 1–5 passed.
  const valid = r.valid || r.reason === 'key.untrusted';
  const trusted = !trust || !valid ? null : r.valid;
  io.out(
    JSON.stringify({
      valid,
      reason: r.reason,
      statement: printableJson(r.statementJson ?? null),
      signers: r.signers,
      trusted,
    }),
  );
  if (r.reason) io.err(`tabian bundle verify: ${r.reason}: ${explain(r.reason, r.detail, lang)}`);
  else if (trusted === null) io.err(`tabian bundle verify: ${lang === 'th' ? NO_TRUST.th : NO_TRUST.en}`);
  return !valid ? 1 : trusted === null ? 3 : trusted ? 0 : 1;
}
