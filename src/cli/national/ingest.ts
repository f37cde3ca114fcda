// Ingesting into the national database with the app's own verification (readIncoming: signatures, trust,
// decryption): school submissions sent directly, and district exports (decision 32) whose district key is
// trusted for that district, each carried school bundle then verified against the school keys the district
// enrolled (signed along by the district) and read through the content key granted to the national key.
// Chains are checked across files: a fork is refused (the first received is kept), a gap is reported.
// A file already ingested (same SHA-256) changes nothing.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Bytes } from '../../domain/bundle/bytes';
import { checkChain, type ChainLink } from '../../domain/bundle/chain';
import { readDistrictExport } from '../../domain/bundle/district-export';
import { sha256Hex } from '../../domain/bundle/hash';
import { schoolOf, type Statement } from '../../domain/bundle/statement';
import { TRUST_FORMAT, type TrustList } from '../../domain/bundle/trust';
import { inspectBundle, verifyBundle } from '../../domain/bundle/verify';
import { recordsOf, type ContentKeyGrant, type DecryptionKey } from '../../domain/bundle/verify-files';
import { readIncoming, type Incoming } from '../../domain/district/incoming';
import { inTransaction, storeSubmission } from './store';

export interface IngestFile { name: string; read: () => Promise<Bytes> }
export interface IngestOptions { trust: TrustList; decryptionKeys: readonly DecryptionKey[]; now: Date; progress?: (done: number, total: number) => void }
/** A chain problem across files: a fork (`first` kept, `second` refused) or a gap (`first` the last accepted, `second` the one after the hole). */
export interface ChainIssue { file: string; chain: string; kind: string; sequence: number; issue: 'chain.gap' | 'chain.fork'; first: string; second: string; detail: string }
export interface IngestResult { accepted: number; rejected: number; skipped: number; students: number; districtExports: number; chainIssues: ChainIssue[] }

async function known(c: DuckDBConnection, sha: string): Promise<boolean> {
  const r = await c.runAndReadAll(`SELECT 1 FROM bundles WHERE file_sha256 = $1 UNION ALL SELECT 1 FROM rejected WHERE file_sha256 = $1
    UNION ALL SELECT 1 FROM district_exports WHERE file_sha256 = $1 UNION ALL SELECT 1 FROM district_findings WHERE file_sha256 = $1`, [sha]);
  return r.currentRowCount > 0;
}

async function reject(c: DuckDBConnection, sha: string, file: string, reason: string, detail: string, result: IngestResult): Promise<void> {
  await c.run('INSERT INTO rejected VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [sha, file, reason, detail]);
  result.rejected++;
}

async function links(c: DuckDBConnection, sql: string, key: string): Promise<ChainLink[]> {
  const rows = (await c.runAndReadAll(sql, [key])).getRowObjects() as { sequence: number; statement_sha256: string; previous: string | null }[];
  return rows.map((r) => ({ sequence: r.sequence, statementSha256: r.statement_sha256, previous: r.previous || null }));
}

/** Step 7 across files; records the issue. Returns whether to store the bundle (a gap is stored and reported). */
async function chainAdmits(c: DuckDBConnection, file: string, s: Statement, statementSha256: string, accepted: ChainLink[], chain: string, result: IngestResult): Promise<'store' | 'duplicate' | 'fork'> {
  const r = checkChain({ sequence: s.sequence, previous: s.previous, statementSha256 }, accepted);
  if (r.status === 'duplicate') return 'duplicate';
  if (r.status === 'follows') return 'store';
  const last = accepted.filter((l) => l.sequence < s.sequence).sort((a, b) => b.sequence - a.sequence)[0];
  const issue: ChainIssue = r.status === 'fork'
    ? { file, chain, kind: s.kind, sequence: s.sequence, issue: 'chain.fork', first: r.kept, second: statementSha256, detail: r.detail }
    : { file, chain, kind: s.kind, sequence: s.sequence, issue: 'chain.gap', first: last?.statementSha256 ?? '', second: statementSha256, detail: `missing ${r.missing.from}–${r.missing.to}` };
  await c.run('INSERT INTO chain_issues VALUES ($1, $2, $3, $4, $5, $6, $7, $8)', [file, chain, s.kind, s.sequence, issue.issue, issue.first, issue.second, issue.detail]);
  result.chainIssues.push(issue);
  return r.status === 'fork' ? 'fork' : 'store';
}

/** A verified submission: its district (when carried), its chain across every file so far, then stored. */
async function admit(c: DuckDBConnection, file: string, i: Incoming, via: string, district: string | null, opts: IngestOptions, result: IngestResult): Promise<void> {
  if (await known(c, i.fileSha256)) return void result.skipped++;
  if (!i.valid) return reject(c, i.fileSha256, file, i.reason ?? 'unknown', i.detail ?? '', result);
  const s = i.statement!;
  if (district !== null && s.district.code !== district) return reject(c, i.fileSha256, file, 'district.mismatch', `${s.district.code}, exported by ${district}`, result);
  const school = schoolOf(s).code;
  const accepted = await links(c, 'SELECT sequence, statement_sha256, previous FROM bundles WHERE school = $1', school);
  const verdict = await chainAdmits(c, file, s, i.statementSha256!, accepted, school, result);
  if (verdict === 'duplicate') return void result.skipped++;
  if (verdict === 'fork') return reject(c, i.fileSha256, file, 'chain.fork', result.chainIssues.at(-1)!.detail, result);
  result.students += await inTransaction(c, () => storeSubmission(c, file, i, opts.now, via));
  result.accepted++;
}

async function ingestExport(c: DuckDBConnection, file: string, bytes: Bytes, sha: string, opts: IngestOptions, result: IngestResult): Promise<void> {
  const v = await verifyBundle(bytes, { trust: opts.trust });
  if (!v.valid) return reject(c, sha, file, v.reason!, v.detail ?? '', result);
  const s = v.statement!;
  const chain = `district:${s.district.code}`;
  const accepted = await links(c, 'SELECT sequence, statement_sha256, previous FROM district_exports WHERE district = $1', s.district.code);
  const verdict = await chainAdmits(c, file, s, v.statementSha256!, accepted, chain, result);
  if (verdict === 'duplicate') return void result.skipped++;
  if (verdict === 'fork') return reject(c, sha, file, 'chain.fork', result.chainIssues.at(-1)!.detail, result);
  const read = readDistrictExport(v.payload!);
  // The district vouches for its schools' keys with its own signature: they count for this district only.
  const schoolTrust: TrustList = { format: TRUST_FORMAT, keys: read.trust.keys.filter((k) => k.school !== null) };
  const verified: { path: string; incoming: Incoming }[] = [];
  for (const b of read.submissions) {
    verified.push({ path: b.path, incoming: await readIncoming(b.bytes, { trust: schoolTrust, decryptionKeys: opts.decryptionKeys, kinds: ['submission'], grant: b.grant as ContentKeyGrant | null }) });
  }
  // In chain order, whatever the order inside the file.
  const order = (x: Incoming) => [x.statement?.school?.code ?? '', x.statement?.sequence ?? 0] as const;
  verified.sort((a, b) => (order(a.incoming)[0] < order(b.incoming)[0] ? -1 : order(a.incoming)[0] > order(b.incoming)[0] ? 1 : order(a.incoming)[1] - order(b.incoming)[1]));
  for (const { path, incoming } of verified) await admit(c, `${file}!${path}`, incoming, sha, s.district.code, opts, result);
  const signers = new Set(v.signers.filter((x) => x.signature === 'valid').map((x) => x.keyid));
  const districtTrust: TrustList = { format: TRUST_FORMAT, keys: s.keys.filter((k) => signers.has(k.keyid)).map((k) => ({ ...k, school: null })) };
  for (const f of read.findings) await storeFindings(c, `${file}!${f.path}`, f.bytes, sha, districtTrust, s.district.code, result);
  await c.run('INSERT INTO district_exports VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::TIMESTAMP)', [
    sha, file, v.statementSha256!, s.district.code, s.district.name, s.academicYear, s.round ?? '', s.sequence, s.previous ?? '',
    read.submissions.length, read.findings.length, opts.now.toISOString()]);
  result.districtExports++;
}

/** A findings bundle the district made (its acknowledgements and findings), signed by the key that signed the export. */
async function storeFindings(c: DuckDBConnection, file: string, bytes: Bytes, exportSha: string, trust: TrustList, district: string, result: IngestResult): Promise<void> {
  const sha = await sha256Hex(bytes);
  if (await known(c, sha)) return;
  const v = await verifyBundle(bytes, { trust });
  if (!v.valid || v.statement?.kind !== 'findings') return reject(c, sha, file, v.reason ?? 'kind.unexpected', v.detail ?? v.statement?.kind ?? '', result);
  const s = v.statement;
  await c.run('INSERT INTO district_findings VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)', [
    sha, exportSha, v.statementSha256!, district, schoolOf(s).code, s.academicYear, s.round ?? '', s.sequence,
    recordsOf(v.payload!, 'acknowledgement/1').length > 0, recordsOf(v.payload!, 'finding/1').length]);
}

export async function ingestFiles(c: DuckDBConnection, files: readonly IngestFile[], opts: IngestOptions): Promise<IngestResult> {
  const result: IngestResult = { accepted: 0, rejected: 0, skipped: 0, students: 0, districtExports: 0, chainIssues: [] };
  for (const [n, f] of files.entries()) {
    const bytes = await f.read();
    const sha = await sha256Hex(bytes);
    if (await known(c, sha)) result.skipped++;
    else if ((await inspectBundle(bytes)).statement?.kind === 'district-export') await ingestExport(c, f.name, bytes, sha, opts, result);
    else await admit(c, f.name, await readIncoming(bytes, { trust: opts.trust, decryptionKeys: opts.decryptionKeys, kinds: ['submission'] }), '', null, opts, result);
    opts.progress?.(n + 1, files.length);
  }
  return result;
}
