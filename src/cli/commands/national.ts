import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { importPrivateJwk, privateJwkSchema } from '../../domain/bundle/keys';
import { trustListSchema, TRUST_FORMAT, type TrustList } from '../../domain/bundle/trust';
import { openNationalDb } from '../national/db';
import { exportParquet, nationalDuplicates } from '../national/duplicates';
import { ingestFiles } from '../national/ingest';
import { defineCommand, type Command, type Io } from '../command';
import { InputError, readBytes, readJsonFile } from './bundle-io';

const usage = [
  'Usage: tabian national ingest <bundle files or folders> --db FILE.duckdb --trust keys.json [--trust …] [--key district.jwk …]',
  '       tabian national duplicates --db FILE.duckdb',
  '       tabian national export --db FILE.duckdb --parquet DIR',
  'A province\'s or the national office\'s consolidation in DuckDB (docs/national.md).',
  'ingest: verifies every school submission as the app does (signatures, trust, decryption) and loads the accepted',
  '  ones; the rest are kept in the "rejected" table with the same reason codes. The same file twice changes nothing.',
  '  Progress on stderr; prints {"accepted","rejected","skipped","students"}.',
  'duplicates: prints {"students","distinctStudents","duplicates":[{"rule","idNo","schools","districts","reason"}]},',
  '  children counted by schools in two districts, with the district check\'s rule codes.',
  'export: Hive-partitioned Parquet (academic_year=/round=/district=) of the counted students.',
  'Exit 0 on success; 1 when ingest rejected a file; 2 on bad usage or unreadable input.',
].join('\n');

async function bundleFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => {
      throw new InputError(`cannot read "${path}": no such file or folder`);
    });
    if (!info.isDirectory()) out.push(path);
    else for (const name of (await readdir(path)).sort()) out.push(...(await bundleFiles([join(path, name)])).filter((f) => f.endsWith('.tabian')));
  }
  return out;
}

async function ingest(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { db: { type: 'string' }, trust: { type: 'string', multiple: true }, key: { type: 'string', multiple: true } },
  });
  if (!values.db || !values.trust?.length || positionals.length === 0) throw new InputError('give bundle files or folders, --db and --trust');
  // A province holds one trust list per district: their keys together.
  const lists = await Promise.all(values.trust.map((f) => readJsonFile(f, trustListSchema, 'a tabian-trust/1 list')));
  const trust: TrustList = { format: TRUST_FORMAT, keys: lists.flatMap((l) => l.keys) };
  const decryptionKeys = await Promise.all((values.key ?? []).map(async (f) => {
    const jwk = await readJsonFile(f, privateJwkSchema, 'a P-256 private key JWK');
    return importPrivateJwk(jwk, 'decrypt').catch(() => {
      throw new InputError(`"${f}" is not a usable P-256 private key`);
    });
  }));
  const files = (await bundleFiles(positionals)).map((name) => ({ name, read: () => readBytes(name) }));
  const db = await openNationalDb(values.db);
  try {
    const result = await ingestFiles(db.connection, files, {
      trust, decryptionKeys, now: new Date(),
      progress: (done, total) => {
        if (done === total || done % 50 === 0) io.err(`tabian national ingest: ${done}/${total} files`);
      },
    });
    io.out(JSON.stringify(result));
    return result.rejected === 0 ? 0 : 1;
  } finally {
    db.close();
  }
}

async function withDb(args: string[], extra: Record<string, { type: 'string' }>, body: (db: Awaited<ReturnType<typeof openNationalDb>>, v: Record<string, string | undefined>) => Promise<number>): Promise<number> {
  const { values } = parseArgs({ args, options: { db: { type: 'string' }, ...extra } });
  if (!values.db) throw new InputError('--db is required');
  await stat(values.db).catch(() => {
    throw new InputError(`cannot read "${values.db}": no such file`);
  });
  const db = await openNationalDb(values.db);
  try {
    return await body(db, values as Record<string, string | undefined>);
  } finally {
    db.close();
  }
}

export const nationalCommand: Command = defineCommand({
  name: 'national',
  summary: 'consolidate many districts\' submissions in DuckDB, find children counted in two districts, write Parquet',
  usage,
  async run(args, io) {
    const [sub, ...rest] = args;
    try {
      if (sub === 'ingest') return await ingest(rest, io);
      if (sub === 'duplicates') return await withDb(rest, {}, async (db) => (io.out(JSON.stringify(await nationalDuplicates(db.connection))), 0));
      if (sub === 'export') {
        return await withDb(rest, { parquet: { type: 'string' } }, async (db, v) => {
          if (!v['parquet']) throw new InputError('--parquet DIR is required');
          io.out(JSON.stringify({ students: await exportParquet(db.connection, v['parquet']), parquet: v['parquet'] }));
          return 0;
        });
      }
      throw new InputError(sub === undefined ? 'give a subcommand' : `unknown subcommand "${sub}"`);
    } catch (e) {
      if (!(e instanceof InputError) && !(e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) throw e;
      io.err(`tabian national: ${(e as Error).message}\n\n${usage}`);
      return 2;
    }
  },
});
