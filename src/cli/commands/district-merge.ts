import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { mergeBundles, type MergeFile } from '../../domain/district/merge';
import { isIsoDate } from '../../domain/thai-date';
import { InputError, parseCommandArgs, UsageError } from '../args';
import type { Io } from '../command';
import { readBytes } from './bundle-io';
import { PASSPHRASE_ENV, readPrivateKey, readTrust } from './key-files';

export const mergeUsage = [
  'Usage: tabian district merge <bundle files or a folder> --trust keys.json [--key district-key] [--passphrase-file F] [--as-of YYYY-MM-DD]',
  '                             [--keep <statement sha256>,...] [--lang th|en]',
  "Verifies every .tabian submission as the app does (docs/bundle-format.md), follows each school's chain in",
  "sequence order, and cross-checks each school's latest accepted submission with the school's own duplicate rules.",
  'Two different bundles that one chain cannot both hold (a fork): the one received first is kept, that is the',
  "one given first on the command line (a folder's files in the order they were saved there, oldest first),",
  'unless --keep names the statement SHA-256 of the one to keep. Both hashes are reported under "forks".',
  'Prints one JSON report:',
  '  {"schools": [{"code", "status", "students"}], "rejected": [{"file", "reason"}],',
  '   "duplicates": [{"rule", "idNo", "schools": ["<code A>", "<code B>"], "reason"}],',
  '   "forks": [{"school", "kind", "sequence", "kept": {"file", "statementSha256"}, "refused": {"file", "statementSha256"}}],',
  '   "totalStudents": <counted as submitted>, "distinctStudents": <children counted once across schools>}',
  '--trust: the key list the app exports (tabian-trust/1) or one school key file (tabian-public-key/1);',
  '  an unknown key is rejected as key.untrusted.',
  '--key: the district key that opens encrypted submissions: the backup file the app downloads when it makes',
  `  the key (its passphrase from --passphrase-file, the ${PASSPHRASE_ENV} environment variable, or a prompt), or a JWK.`,
  '--as-of: the date to count students on; by default the date most submissions state.',
  'Exit 0 when every file was accepted, 1 when any was rejected, 2 for bad usage or unreadable input.',
].join('\n');

/**
 * The files named, in the order given, and a folder's .tabian files in the order they arrived there
 * (modification time, then name): a fork keeps the bundle received first, never the one named first.
 */
async function bundleFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => {
      throw new InputError(`cannot read "${path}": no such file or folder`);
    });
    if (!info.isDirectory()) {
      out.push(path);
      continue;
    }
    const names = (await readdir(path)).filter((n) => n.endsWith('.tabian')).map((n) => join(path, n));
    const timed = await Promise.all(names.map(async (file) => ({ file, at: (await stat(file)).mtimeMs })));
    out.push(...timed.sort((a, b) => a.at - b.at || (a.file < b.file ? -1 : 1)).map((t) => t.file));
  }
  return out;
}

const MERGE_OPTIONS = {
  trust: { type: 'string' },
  key: { type: 'string' },
  'passphrase-file': { type: 'string' },
  'as-of': { type: 'string' },
  lang: { type: 'string' },
  keep: { type: 'string' },
} as const;

export async function runMerge(args: string[], io: Io): Promise<number> {
  const { values: flags, positionals: positional } = parseCommandArgs(args, MERGE_OPTIONS);
  if (positional.length === 0) throw new UsageError('ใส่ไฟล์ชุดข้อมูลหรือโฟลเดอร์', 'give bundle files or a folder');
  if (!flags.trust) throw new UsageError('ต้องใส่ --trust', '--trust is required');
  const asOf = flags['as-of'] ?? null;
  if (asOf !== null && !isIsoDate(asOf)) throw new InputError(`--as-of wants a date as YYYY-MM-DD, got "${asOf}"`);
  const lang = flags.lang ?? 'th';
  if (lang !== 'th' && lang !== 'en') throw new InputError(`--lang wants th or en, got "${lang}"`);
  const keep = (flags.keep ?? '').split(',').filter((h) => h !== '');
  const wrong = keep.find((h) => !/^[0-9a-f]{64}$/.test(h));
  if (wrong !== undefined)
    throw new InputError(`--keep wants statement SHA-256s (64 lowercase hex digits), got "${wrong}"`);
  const trust = await readTrust(flags.trust);
  const key = flags.key ? await readPrivateKey(flags.key, flags['passphrase-file'], io, 'decrypt') : null;
  const files: MergeFile[] = [];
  for (const path of await bundleFiles(positional)) files.push({ name: path, bytes: await readBytes(path) });
  const { report } = await mergeBundles(files, { trust, decryptionKey: key, asOf, lang, keep });
  io.out(JSON.stringify(report));
  io.err(
    `tabian district merge: ${files.length} files, ${report.schools.length} schools, ${report.rejected.length} rejected, ${report.duplicates.length} cross-school duplicates`,
  );
  return report.rejected.length === 0 ? 0 : 1;
}
