// Ingesting into the national database with the app's own verification (readIncoming: signatures, trust,
// decryption): school submissions sent directly, and district exports (decision 32) whose district key is
// trusted for that district, each carried school bundle then verified against the school keys the district
// enrolled (signed along by the district) and read through the content key granted to the national key.
// Chains are checked across files: a fork is refused (the first received is kept), a gap is reported.
// A file already ingested (same SHA-256) changes nothing.
// Speed (decision 41): the school bundles are verified in a pool of worker threads while the main thread writes
// the file before (one file read ahead); the writes stay in file order, one transaction per file.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Bytes } from '../../domain/bundle/bytes';
import { checkChain, type ChainLink } from '../../domain/bundle/chain';
import { readDistrictExport } from '../../domain/bundle/district-export';
import { sha256Hex } from '../../domain/bundle/hash';
import { schoolOf, type Statement } from '../../domain/bundle/statement';
import { TRUST_FORMAT, type TrustList } from '../../domain/bundle/trust';
import { inspectBundle, verifyBundle, type VerifyResult } from '../../domain/bundle/verify';
import { recordsOf, type ContentKeyGrant, type DecryptionKey } from '../../domain/bundle/verify-files';
import { addLink, readLedger, type Ledger } from './ledger';
import { inTransaction, type Batch } from './store';
import { inProcess, workerPool, type Verified, type Verifier } from './verify-pool';

export interface IngestFile {
  name: string;
  read: () => Promise<Bytes>;
}
export interface IngestOptions {
  trust: TrustList;
  decryptionKeys: readonly DecryptionKey[];
  now: Date;
  progress?: (done: number, total: number) => void;
  /** Worker threads verifying school bundles; 0 verifies on the main thread (default: one a core). */
  workers?: number;
}
/** A chain problem across files: a fork (`first` kept, `second` refused) or a gap (`first` the last accepted, `second` the one after the hole). */
export interface ChainIssue {
  file: string;
  chain: string;
  kind: string;
  sequence: number;
  issue: 'chain.gap' | 'chain.fork';
  first: string;
  second: string;
  detail: string;
}
export interface IngestResult {
  accepted: number;
  rejected: number;
  skipped: number;
  students: number;
  districtExports: number;
  chainIssues: ChainIssue[];
}

interface Run {
  c: DuckDBConnection;
  ledger: Ledger;
  opts: IngestOptions;
  result: IngestResult;
}

/** A file read and its verification started, not yet written. */
type Prepared =
  | { kind: 'known'; name: string }
  | { kind: 'submission'; name: string; verified: Promise<Verified> }
  | {
      kind: 'export';
      name: string;
      sha: string;
      v: VerifyResult;
      subs: { path: string; verified: Promise<Verified> }[];
      findings: { path: string; bytes: Bytes }[];
    };

/** Awaited later, in order: a failure is reported then, not as an unhandled rejection now. */
const later = <T>(p: Promise<T>): Promise<T> => (p.catch(() => {}), p);

async function prepare(f: IngestFile, run: Run, verifier: Verifier): Promise<Prepared> {
  const { opts, ledger } = run;
  const bytes = await f.read();
  const sha = await sha256Hex(bytes);
  if (ledger.known.has(sha)) return { kind: 'known', name: f.name };
  if ((await inspectBundle(bytes)).statement?.kind !== 'district-export') {
    return {
      kind: 'submission',
      name: f.name,
      verified: later(
        verifier.read(bytes, { trust: opts.trust, decryptionKeys: opts.decryptionKeys, kinds: ['submission'] }),
      ),
    };
  }
  const v = await verifyBundle(bytes, { trust: opts.trust });
  if (!v.valid) return { kind: 'export', name: f.name, sha, v, subs: [], findings: [] };
  const read = readDistrictExport(v.payload!);
  // The district vouches for its schools' keys with its own signature: they count for this district only.
  const schoolTrust: TrustList = { format: TRUST_FORMAT, keys: read.trust.keys.filter((k) => k.school !== null) };
  const subs = read.submissions.map((b) => ({
    path: b.path,
    verified: later(
      verifier.read(b.bytes, {
        trust: schoolTrust,
        decryptionKeys: opts.decryptionKeys,
        kinds: ['submission'],
        grant: b.grant as ContentKeyGrant | null,
      }),
    ),
  }));
  return { kind: 'export', name: f.name, sha, v, subs, findings: read.findings };
}

async function reject(run: Run, sha: string, file: string, reason: string, detail: string): Promise<void> {
  await run.c.run('INSERT INTO rejected VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [sha, file, reason, detail]);
  run.ledger.known.add(sha);
  run.result.rejected++;
}

/** Step 7 across files; records the issue. Returns whether to store the bundle (a gap is stored and reported). */
async function chainAdmits(
  run: Run,
  file: string,
  s: Statement,
  statementSha256: string,
  accepted: readonly ChainLink[],
  chain: string,
): Promise<'store' | 'duplicate' | 'fork'> {
  const r = checkChain({ sequence: s.sequence, previous: s.previous, statementSha256 }, accepted);
  if (r.status === 'duplicate') return 'duplicate';
  if (r.status === 'follows') return 'store';
  const last = accepted.filter((l) => l.sequence < s.sequence).sort((a, b) => b.sequence - a.sequence)[0];
  const issue: ChainIssue =
    r.status === 'fork'
      ? {
          file,
          chain,
          kind: s.kind,
          sequence: s.sequence,
          issue: 'chain.fork',
          first: r.kept,
          second: statementSha256,
          detail: r.detail,
        }
      : {
          file,
          chain,
          kind: s.kind,
          sequence: s.sequence,
          issue: 'chain.gap',
          first: last?.statementSha256 ?? '',
          second: statementSha256,
          detail: `missing ${r.missing.from}–${r.missing.to}`,
        };
  await run.c.run('INSERT INTO chain_issues VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [
    file,
    chain,
    s.kind,
    s.sequence,
    issue.issue,
    issue.first,
    issue.second,
    issue.detail,
  ]);
  run.result.chainIssues.push(issue);
  return r.status === 'fork' ? 'fork' : 'store';
}

/** A verified submission: its district (when carried), its chain across every file so far, then stored. */
async function admit(
  run: Run,
  batch: Batch,
  file: string,
  { incoming: i, rows }: Verified,
  via: string,
  district: string | null,
): Promise<void> {
  const { ledger, result } = run;
  if (ledger.known.has(i.fileSha256)) return void result.skipped++;
  if (!i.valid) return reject(run, i.fileSha256, file, i.reason ?? 'unknown', i.detail ?? '');
  const s = i.statement!;
  if (district !== null && s.district.code !== district)
    return reject(run, i.fileSha256, file, 'district.mismatch', `${s.district.code}, exported by ${district}`);
  const school = schoolOf(s).code;
  const verdict = await chainAdmits(run, file, s, i.statementSha256!, ledger.schools.get(school) ?? [], school);
  if (verdict === 'duplicate') return void result.skipped++;
  if (verdict === 'fork') return reject(run, i.fileSha256, file, 'chain.fork', result.chainIssues.at(-1)!.detail);
  result.students += await batch.add(file, i, rows!, run.opts.now, via);
  ledger.known.add(i.fileSha256);
  addLink(ledger.schools, school, { sequence: s.sequence, statementSha256: i.statementSha256!, previous: s.previous });
  result.accepted++;
}

async function storeExport(run: Run, batch: Batch, p: Extract<Prepared, { kind: 'export' }>): Promise<void> {
  const { c, ledger, result } = run;
  const { name: file, sha, v } = p;
  if (!v.valid) return reject(run, sha, file, v.reason!, v.detail ?? '');
  const s = v.statement!;
  const verdict = await chainAdmits(
    run,
    file,
    s,
    v.statementSha256!,
    ledger.districts.get(s.district.code) ?? [],
    `district:${s.district.code}`,
  );
  if (verdict === 'duplicate') return void result.skipped++;
  if (verdict === 'fork') return reject(run, sha, file, 'chain.fork', result.chainIssues.at(-1)!.detail);
  const verified = await Promise.all(p.subs.map(async (x) => ({ path: x.path, v: await x.verified })));
  // In chain order, whatever the order inside the file.
  const order = (x: Verified) =>
    [x.incoming.statement?.school?.code ?? '', x.incoming.statement?.sequence ?? 0] as const;
  verified.sort((a, b) =>
    order(a.v)[0] < order(b.v)[0] ? -1 : order(a.v)[0] > order(b.v)[0] ? 1 : order(a.v)[1] - order(b.v)[1],
  );
  for (const x of verified) await admit(run, batch, `${file}!${x.path}`, x.v, sha, s.district.code);
  const signers = new Set(v.signers.filter((x) => x.signature === 'valid').map((x) => x.keyid));
  const districtTrust: TrustList = {
    format: TRUST_FORMAT,
    keys: s.keys.filter((k) => signers.has(k.keyid)).map((k) => ({ ...k, school: null })),
  };
  for (const f of p.findings)
    await storeFindings(run, `${file}!${f.path}`, f.bytes, sha, districtTrust, s.district.code);
  await c.run('INSERT INTO district_exports VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::TIMESTAMP)', [
    sha,
    file,
    v.statementSha256!,
    s.district.code,
    s.district.name,
    s.academicYear,
    s.round ?? '',
    s.sequence,
    s.previous ?? '',
    p.subs.length,
    p.findings.length,
    run.opts.now.toISOString(),
  ]);
  ledger.known.add(sha);
  addLink(ledger.districts, s.district.code, {
    sequence: s.sequence,
    statementSha256: v.statementSha256!,
    previous: s.previous,
  });
  result.districtExports++;
}

/** A findings bundle the district made (its acknowledgements and findings), signed by the key that signed the export. */
async function storeFindings(
  run: Run,
  file: string,
  bytes: Bytes,
  exportSha: string,
  trust: TrustList,
  district: string,
): Promise<void> {
  const sha = await sha256Hex(bytes);
  if (run.ledger.known.has(sha)) return;
  const v = await verifyBundle(bytes, { trust });
  if (!v.valid || v.statement?.kind !== 'findings')
    return reject(run, sha, file, v.reason ?? 'kind.unexpected', v.detail ?? v.statement?.kind ?? '');
  const s = v.statement;
  await run.c.run('INSERT INTO district_findings VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', [
    sha,
    exportSha,
    v.statementSha256!,
    district,
    schoolOf(s).code,
    s.academicYear,
    s.round ?? '',
    s.sequence,
    recordsOf(v.payload!, 'acknowledgement/1').length > 0,
    recordsOf(v.payload!, 'finding/1').length,
  ]);
  run.ledger.known.add(sha);
}

/** Writes one prepared file, in a transaction of its own. */
async function store(run: Run, p: Prepared): Promise<void> {
  if (p.kind === 'known') return void run.result.skipped++;
  if (p.kind === 'export' && run.ledger.known.has(p.sha)) return void run.result.skipped++;
  await inTransaction(run.c, (batch) =>
    p.kind === 'export' ? storeExport(run, batch, p) : p.verified.then((v) => admit(run, batch, p.name, v, '', null)),
  );
}

export async function ingestFiles(
  c: DuckDBConnection,
  files: readonly IngestFile[],
  opts: IngestOptions,
): Promise<IngestResult> {
  const result: IngestResult = {
    accepted: 0,
    rejected: 0,
    skipped: 0,
    students: 0,
    districtExports: 0,
    chainIssues: [],
  };
  const run: Run = { c, ledger: await readLedger(c), opts, result };
  const verifier = opts.workers === 0 ? inProcess : workerPool(opts.workers);
  try {
    let ahead = files[0] ? later(prepare(files[0], run, verifier)) : null;
    for (let n = 0; n < files.length; n++) {
      const current = await ahead!;
      // The next file is read and verified while this one is written.
      ahead = files[n + 1] ? later(prepare(files[n + 1]!, run, verifier)) : null;
      await store(run, current);
      opts.progress?.(n + 1, files.length);
    }
  } finally {
    await verifier.close();
  }
  return result;
}
