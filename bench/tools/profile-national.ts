// Profiling `tabian national ingest` apart from the data generation:
//   npx tsx bench/tools/profile-national.ts make DIR 20000     # the bench's generated set, once
//   [WORKERS=n] node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/tools/profile-national.ts ingest DIR
// `ingest` makes a fresh database in DIR and prints the result, the time and the peak resident memory.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importPrivateJwk } from '../../src/domain/bundle/keys';
import { TRUST_FORMAT } from '../../src/domain/bundle/trust';
import { openNationalDb } from '../../src/cli/national/db';
import { ingestFiles } from '../../src/cli/national/ingest';
import { makeNationalSet, type NationalSet } from '../lib/national-set';

const [mode, dir, size] = process.argv.slice(2);
if (!dir || (mode !== 'make' && mode !== 'ingest'))
  throw new Error('usage: profile-national.ts make DIR N | ingest DIR');
if (mode === 'make') {
  const set = await makeNationalSet(Number(size ?? 20_000), dir, console.error);
  writeFileSync(join(dir, 'set.json'), JSON.stringify(set));
} else {
  const set = JSON.parse(readFileSync(join(dir, 'set.json'), 'utf8')) as NationalSet;
  const decrypt = await importPrivateJwk(set.nationalJwk, 'decrypt');
  const path = join(dir, 'profile.duckdb');
  rmSync(path, { force: true });
  const db = await openNationalDb(path);
  let top = process.memoryUsage().rss;
  const timer = setInterval(() => (top = Math.max(top, process.memoryUsage().rss)), 50);
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  const r = await ingestFiles(
    db.connection,
    set.files.map((f) => ({ name: f, read: async () => new Uint8Array(await readFile(f)) })),
    {
      trust: { format: TRUST_FORMAT, keys: set.districtKeys },
      decryptionKeys: [{ keyid: set.nationalKeyid, privateKey: decrypt.privateKey }],
      now: new Date(),
      ...(process.env['WORKERS'] ? { workers: Number(process.env['WORKERS']) } : {}),
    },
  );
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  clearInterval(timer);
  db.close();
  console.log(
    JSON.stringify({
      ms: Math.round(ms),
      cpuMs: Math.round((cpu.user + cpu.system) / 1000),
      peakRssMb: Math.round(top / 2 ** 20),
      ...r,
      chainIssues: r.chainIssues.length,
    }),
  );
}
