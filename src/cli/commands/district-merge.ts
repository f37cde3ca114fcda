import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { mergeBundles, type MergeFile } from '../../domain/district/merge';
import { isIsoDate } from '../../domain/thai-date';
import type { Io } from '../command';
import { InputError, parseFlags, readBytes } from './bundle-io';
import { PASSPHRASE_ENV, readPrivateKey, readTrust } from './key-files';

export const mergeUsage = [
  'Usage: tabian district merge <bundle files or a folder> --trust keys.json [--key district-key] [--passphrase-file F] [--as-of YYYY-MM-DD] [--lang th|en]',
  'Verifies every .tabian submission as the app does (docs/bundle-format.md), follows each school\'s chain in',
  'sequence order, and cross-checks each school\'s latest accepted submission with the school\'s own duplicate rules.',
  'Prints one JSON report:',
  '  {"schools": [{"code", "status", "students"}], "rejected": [{"file", "reason"}],',
  '   "duplicates": [{"rule", "idNo", "schools": ["<code A>", "<code B>"], "reason"}],',
  '   "totalStudents": <counted as submitted>, "distinctStudents": <children counted once across schools>}',
  '--trust: the key list the app exports (tabian-trust/1) or one school key file (tabian-public-key/1);',
  '  an unknown key is rejected as key.untrusted.',
  '--key: the district key that opens encrypted submissions: the backup file the app downloads when it makes',
  `  the key (its passphrase from --passphrase-file, the ${PASSPHRASE_ENV} environment variable, or a prompt), or a JWK.`,
  '--as-of: the date to count students on; by default the date most submissions state.',
  'Exit 0 when every file was accepted, 1 when any was rejected, 2 for bad usage or unreadable input.',
].join('\n');

/** The files named, a folder's .tabian files (sorted), or both. */
async function bundleFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => {
      throw new InputError(`cannot read "${path}": no such file or folder`);
    });
    if (!info.isDirectory()) out.push(path);
    else out.push(...(await readdir(path)).filter((n) => n.endsWith('.tabian')).sort().map((n) => join(path, n)));
  }
  return out;
}

export async function runMerge(args: string[], io: Io): Promise<number> {
  const parsed = parseFlags(args, ['trust', 'key', 'passphrase-file', 'as-of', 'lang']);
  if (typeof parsed === 'string' || parsed.positional.length === 0 || !parsed.flags.has('trust')) {
    const why = typeof parsed === 'string' ? parsed : parsed.positional.length === 0 ? 'give bundle files or a folder' : '--trust is required';
    io.err(`tabian district merge: ${why}\n\n${mergeUsage}`);
    return 2;
  }
  const { flags, positional } = parsed;
  const asOf = flags.get('as-of') ?? null;
  if (asOf !== null && !isIsoDate(asOf)) throw new InputError(`--as-of wants a date as YYYY-MM-DD, got "${asOf}"`);
  const lang = flags.get('lang') ?? 'th';
  if (lang !== 'th' && lang !== 'en') throw new InputError(`--lang wants th or en, got "${lang}"`);
  const trust = await readTrust(flags.get('trust')!);
  const keyFile = flags.get('key');
  const key = keyFile ? await readPrivateKey(keyFile, flags, io, 'decrypt') : null;
  const files: MergeFile[] = [];
  for (const path of await bundleFiles(positional)) files.push({ name: path, bytes: await readBytes(path) });
  const { report } = await mergeBundles(files, { trust, decryptionKey: key, asOf, lang });
  io.out(JSON.stringify(report));
  io.err(`tabian district merge: ${files.length} files, ${report.schools.length} schools, ${report.rejected.length} rejected, ${report.duplicates.length} cross-school duplicates`);
  return report.rejected.length === 0 ? 0 : 1;
}
