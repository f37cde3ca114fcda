// The `tabian national` subcommands' argument handling; the work is in ingest.ts, duplicates.ts, findings.ts
// and report.ts.
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pkg from '../../../package.json' with { type: 'json' };
import type { AreaData } from '../../domain/areas/areas';
import { toBase64 } from '../../domain/bundle/bytes';
import { exportPrivateJwk, fingerprintOf, generateSigningKey } from '../../domain/bundle/keys';
import { publicKeyFile, TRUST_FORMAT, type TrustList } from '../../domain/bundle/trust';
import { subsidyTableSchema } from '../../domain/district/subsidy';
import { xlsxBytes } from '../../io/export/book';
import { InputError, parseCommandArgs, UsageError, type OptionSpecs } from '../args';
import type { Io } from '../command';
import { readBytes, readJsonFile } from '../commands/bundle-io';
import { readPrivateKey, readTrust } from '../commands/key-files';
import { openNationalDb, type NationalDb } from './db';
import { nationalDuplicates } from './duplicates';
import { writeNationalFindings } from './findings';
import { ingestFiles } from './ingest';
import { nationalReport } from './report';
import { nationalReportSheets } from './report-book';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

async function bundleFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => {
      throw new InputError(`cannot read "${path}": no such file or folder`);
    });
    if (!info.isDirectory()) out.push(path);
    else
      for (const name of (await readdir(path)).sort())
        out.push(...(await bundleFiles([join(path, name)])).filter((f) => f.endsWith('.tabian')));
  }
  return out;
}

/** `--district-trust CODE=file`: the district's key file (or list) as the app writes it, trusted for that district only. */
async function districtTrust(spec: string): Promise<TrustList['keys']> {
  const [code, file] = spec.split(/=(.*)/s, 2);
  if (!code || !file) throw new InputError(`--district-trust wants CODE=file, got "${spec}"`);
  const list = await readTrust(file);
  return list.keys.filter((k) => k.role === 'district' && k.school === null).map((k) => ({ ...k, district: code }));
}

export async function ingest(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    db: { type: 'string' },
    trust: { type: 'string', multiple: true },
    'district-trust': { type: 'string', multiple: true },
    key: { type: 'string', multiple: true },
    'passphrase-file': { type: 'string' },
  });
  if (!values.db || (!values.trust?.length && !values['district-trust']?.length) || positionals.length === 0) {
    throw new UsageError(
      'ใส่ไฟล์หรือโฟลเดอร์ชุดข้อมูล --db และ --trust หรือ --district-trust',
      'give bundle files or folders, --db and --trust or --district-trust',
    );
  }
  // A province holds one trust list per district (school keys), and one key per district for its exports.
  const lists = await Promise.all((values.trust ?? []).map((f) => readTrust(f)));
  const districts = await Promise.all((values['district-trust'] ?? []).map(districtTrust));
  const trust: TrustList = { format: TRUST_FORMAT, keys: [...lists.flatMap((l) => l.keys), ...districts.flat()] };
  const decryptionKeys = await Promise.all(
    (values.key ?? []).map((f) => readPrivateKey(f, values['passphrase-file'], io, 'decrypt')),
  );
  const files = (await bundleFiles(positionals)).map((name) => ({ name, read: () => readBytes(name) }));
  const db = await openNationalDb(values.db);
  try {
    const result = await ingestFiles(db.connection, files, {
      trust,
      decryptionKeys,
      now: new Date(),
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

export async function withDb(
  args: string[],
  extra: OptionSpecs,
  body: (db: NationalDb, v: Record<string, string | undefined>) => Promise<number>,
): Promise<number> {
  const { values } = parseCommandArgs(args, { db: { type: 'string' }, ...extra }, false);
  if (!values.db) throw new UsageError('ต้องใส่ --db', '--db is required');
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

export const duplicates = (args: string[], io: Io) =>
  withDb(
    args,
    {
      'findings-dir': { type: 'string' },
      key: { type: 'string' },
      office: { type: 'string' },
      'passphrase-file': { type: 'string' },
    },
    async (db, v) => {
      const dir = v['findings-dir'];
      if (dir && !v['key'])
        throw new UsageError(
          '--findings-dir ต้องมี --key กุญแจระดับชาติที่ลงนามผลการตรวจ',
          '--findings-dir needs --key, the national key that signs the findings',
        );
      const report = await nationalDuplicates(db.connection);
      if (dir) {
        const key = await readPrivateKey(v['key']!, v['passphrase-file'], io, 'sign');
        await mkdir(dir, { recursive: true });
        const files = await writeNationalFindings(db.connection, {
          key,
          office: v['office'] ?? 'สำนักงานคณะกรรมการการศึกษาขั้นพื้นฐาน',
          now: new Date(),
          app: { name: 'tabian', version: pkg.version },
          random,
        });
        for (const f of files) await writeFile(join(dir, f.name), f.bytes);
        io.err(`tabian national duplicates: ${files.length} findings files in ${dir}`);
      }
      io.out(JSON.stringify(report));
      return 0;
    },
  );

export const report = (args: string[], io: Io) =>
  withDb(args, { xlsx: { type: 'string' }, rates: { type: 'string' } }, async (db, v) => {
    const rates = v['rates']
      ? await readJsonFile(v['rates'], subsidyTableSchema, 'a subsidy rate table (as the district app saves it)')
      : null;
    const areas = (await import('../../domain/areas/thai-admin.json', { with: { type: 'json' } })).default as AreaData;
    const out = await nationalReport(db.connection, areas, rates);
    if (v['xlsx']) await writeFile(v['xlsx'], xlsxBytes(nationalReportSheets(out)));
    io.out(JSON.stringify(out));
    return 0;
  });

export async function keygen(args: string[], io: Io): Promise<number> {
  const { values } = parseCommandArgs(
    args,
    { out: { type: 'string' }, public: { type: 'string' }, name: { type: 'string' } },
    false,
  );
  if (!values.out || !values.public || !values.name)
    throw new UsageError(
      'ใส่ --out private.jwk --public national.public.json --name "ชื่อหน่วยงาน"',
      'give --out private.jwk --public national.public.json --name "office name"',
    );
  const key = await generateSigningKey(true);
  try {
    await writeFile(values.out, JSON.stringify(await exportPrivateJwk(key.privateKey)) + '\n', {
      flag: 'wx',
      mode: 0o600,
    });
    const file = publicKeyFile({
      keyid: key.keyid,
      alg: 'ES256',
      spki: toBase64(key.spki),
      role: 'national',
      name: values.name,
      school: null,
    });
    await writeFile(values.public, JSON.stringify(file, null, 2) + '\n', { flag: 'wx' });
  } catch (e) {
    throw new InputError(
      `cannot write: ${(e as NodeJS.ErrnoException).code === 'EEXIST' ? 'a file exists already' : (e as Error).message}`,
    );
  }
  io.out(JSON.stringify({ keyid: key.keyid, fingerprint: fingerprintOf(key.keyid), spki: toBase64(key.spki) }));
  return 0;
}
