// Bundles kept whole, one row per bundle (never one per student): what came in (accepted, held or
// rejected, with the reason) and what this device made. The chain of each school and kind is read from
// the accepted rows, so importing the same file again is a harmless no-op.
import { checkChain, type ChainLink } from '../domain/bundle/chain';
import { BUNDLE_MEDIA_TYPE } from '../domain/bundle/create';
import type { Kind, Statement } from '../domain/bundle/statement';
import { isTrusted, type TrustList } from '../domain/bundle/trust';
import { chainIndexOf, chainKeyOf } from '../domain/bundle/chains';
import type { Incoming } from '../domain/district/incoming';
import type { TabianDb } from './database';
import type { BundleRow, BundleStatus } from './rows';
import { guarded } from './errors';
import { vaultStatus } from './vault';

export type { BundleRow, BundleStatus };

export type RecordOutcome = 'accepted' | 'duplicate' | 'held' | 'rejected';
export interface Received {
  fileName: string;
  file: Blob | Uint8Array;
  receivedAt: string;
  summary?: unknown;
  roster?: Blob | null;
}

/** A stored bundle's file as a Blob, however it was stored. */
export const bundleFile = (row: Pick<BundleRow, 'file'>): Blob =>
  ArrayBuffer.isView(row.file)
    ? new Blob([row.file as Uint8Array<ArrayBuffer>], { type: BUNDLE_MEDIA_TYPE })
    : row.file;

/** How a file is stored: bytes when the vault seals this store (they must be given as bytes), else a Blob. */
function storedFile(file: Blob | Uint8Array): Blob | Uint8Array {
  if (!vaultStatus().enabled) return bundleFile({ file });
  if (!ArrayBuffer.isView(file)) throw new Error('with the vault on, a bundle is stored from its bytes');
  return file;
}

function statementFields(s: Statement | null) {
  return {
    bundleId: s?.bundleId ?? null,
    school: s?.school?.code ?? '',
    smis: s?.school?.smis ?? '',
    schoolName: s?.school?.name ?? '',
    kind: s?.kind ?? ('' as const),
    chain: s ? chainKeyOf(s) : '',
    sequence: s?.sequence ?? null,
    previous: s?.previous ?? null,
    academicYear: s?.academicYear ?? null,
    round: s?.round ?? null,
    asOf: s?.asOf ?? null,
    createdAt: s?.createdAt ?? null,
    acts: s?.attestations.map((a) => a.act) ?? [],
  };
}

/** Accepted links of one chain, for step 7. */
export async function chainLinks(
  db: TabianDb,
  chain: string,
  direction: BundleRow['direction'] = 'in',
): Promise<ChainLink[]> {
  // A district-level bundle (decision 32) has no school: its row's school is '' and its chain names the district.
  const [indexed, kind] = chainIndexOf(chain);
  const rows = await guarded(() => db.bundles.where('[school+kind]').equals([indexed, kind]).toArray());
  return rows
    .filter((r) => r.chain === chain && r.direction === direction && (r.status === 'accepted' || r.status === 'made'))
    .map((r) => ({ sequence: r.sequence!, statementSha256: r.id, previous: r.previous }));
}

/** Decides step 7 and stores the outcome in one transaction. Never downgrades an accepted bundle. */
export async function recordIncoming(
  db: TabianDb,
  v: Incoming,
  received: Received,
): Promise<{ outcome: RecordOutcome; row: BundleRow }> {
  return guarded(() =>
    db.transaction('rw', db.bundles, async () => {
      const readable = v.statement !== null && v.statementSha256 !== null && (v.valid || v.reason === 'key.untrusted');
      const base: BundleRow = {
        id: readable ? v.statementSha256! : `file:${v.fileSha256}`,
        ...statementFields(v.statement),
        direction: 'in',
        status: 'rejected',
        keys: v.keys,
        reason: v.reason,
        detail: v.detail,
        fileName: received.fileName,
        fileSha256: v.fileSha256,
        size: v.size,
        file: storedFile(received.file),
        receivedAt: received.receivedAt,
        summary: received.summary ?? null,
        roster: received.roster ?? null,
      };
      const existing = await db.bundles.get(base.id);
      if (existing?.status === 'accepted') return { outcome: 'duplicate' as const, row: existing };
      if (!readable) {
        await db.bundles.put(base);
        return { outcome: 'rejected' as const, row: base };
      }
      const row = v.valid ? await chained(db, base) : { ...base, status: 'held' as const };
      await db.bundles.put(row);
      // The same file refused before (say, before the district key existed) leaves the quarantine now.
      if (row.id !== `file:${v.fileSha256}`) await db.bundles.delete(`file:${v.fileSha256}`);
      return {
        outcome:
          row.status === 'accepted'
            ? ('accepted' as const)
            : row.status === 'held'
              ? ('held' as const)
              : ('rejected' as const),
        row,
      };
    }),
  );
}

async function chained(db: TabianDb, row: BundleRow): Promise<BundleRow> {
  const result = checkChain(
    { sequence: row.sequence!, previous: row.previous, statementSha256: row.id },
    await chainLinks(db, row.chain),
  );
  if (result.status === 'follows' || result.status === 'duplicate')
    return { ...row, status: 'accepted', reason: null, detail: null };
  if (result.status === 'gap')
    return {
      ...row,
      status: 'held',
      reason: 'chain.gap',
      detail: `missing ${result.missing.from}–${result.missing.to}`,
    };
  // A fork keeps the file aside under its own name, so it can never take the accepted bundle's place.
  return { ...row, id: `file:${row.fileSha256}`, status: 'rejected', reason: 'chain.fork', detail: result.detail };
}

/**
 * Looks again at held bundles after keys were enrolled or missing bundles arrived: trust from the stored
 * signing keys, then the chain. Repeats until nothing moves; returns the rows it accepted.
 */
export async function recheckHeld(db: TabianDb, trust: TrustList): Promise<BundleRow[]> {
  const accepted: BundleRow[] = [];
  for (let moved = true; moved;) {
    moved = false;
    const held = (await guarded(() => db.bundles.where('status').equals('held').toArray())).sort(
      (a, b) => (a.sequence ?? 0) - (b.sequence ?? 0),
    );
    for (const row of held) {
      const claim = { kind: row.kind, school: row.school ? { code: row.school } : null } as Pick<
        Statement,
        'kind' | 'school'
      >;
      const trusted = row.keys.every((k) => isTrusted(trust, k, claim));
      if (!trusted) continue;
      const next = await guarded(() =>
        db.transaction('rw', db.bundles, async () => {
          const decided = await chained(db, row);
          if (decided.id !== row.id) await db.bundles.delete(row.id);
          await db.bundles.put(decided);
          return decided;
        }),
      );
      if (next.status === 'accepted') {
        accepted.push(next);
        moved = true;
      } else if (next.reason !== row.reason) moved = true;
    }
  }
  return accepted;
}

/** A bundle this device made (a submission, a findings bundle), as the next link of its chain. */
export async function recordOutgoing(
  db: TabianDb,
  made: { statement: Statement; statementSha256: string; bytes: Uint8Array },
  meta: { fileName: string; fileSha256: string; now: Date; summary?: unknown },
): Promise<BundleRow> {
  const row: BundleRow = {
    id: made.statementSha256,
    ...statementFields(made.statement),
    direction: 'out',
    status: 'made',
    keys: made.statement.keys,
    reason: null,
    detail: null,
    fileName: meta.fileName,
    fileSha256: meta.fileSha256,
    size: made.bytes.length,
    file: storedFile(made.bytes),
    receivedAt: meta.now.toISOString(),
    summary: meta.summary ?? null,
    roster: null,
  };
  await guarded(() => db.bundles.put(row));
  return row;
}

/** Records that the user sent a bundle this device made (false when there is no such bundle). */
export async function markSent(db: TabianDb, id: string, sent: { at: string; by: string }): Promise<boolean> {
  return guarded(() =>
    db.transaction('rw', db.bundles, async () => {
      const row = await db.bundles.get(id);
      if (!row || row.direction !== 'out') return false;
      // put, not update: with the vault on, the row is sealed whole.
      await db.bundles.put({ ...row, sent });
      return true;
    }),
  );
}

/** Where the next bundle this device makes for a chain continues: its sequence and `previous`. */
export async function nextLink(db: TabianDb, chain: string): Promise<{ sequence: number; previous: string | null }> {
  const links = await chainLinks(db, chain, 'out');
  const last = links.reduce<ChainLink | null>((top, l) => (!top || l.sequence > top.sequence ? l : top), null);
  return last ? { sequence: last.sequence + 1, previous: last.statementSha256 } : { sequence: 1, previous: null };
}

export interface BundleFilter {
  school?: string;
  kind?: Kind;
  direction?: BundleRow['direction'];
  status?: BundleStatus;
}

/** Rows matching the filter; their files stay on disk until read. */
export async function listBundles(db: TabianDb, f: BundleFilter = {}): Promise<BundleRow[]> {
  const rows = await guarded(() => {
    if (f.school !== undefined && f.kind !== undefined)
      return db.bundles.where('[school+kind]').equals([f.school, f.kind]).toArray();
    if (f.status !== undefined) return db.bundles.where('status').equals(f.status).toArray();
    return f.direction !== undefined
      ? db.bundles.where('direction').equals(f.direction).toArray()
      : db.bundles.toArray();
  });
  return rows.filter(
    (r) =>
      (f.school === undefined || r.school === f.school) &&
      (f.kind === undefined || r.kind === f.kind) &&
      (f.direction === undefined || r.direction === f.direction) &&
      (f.status === undefined || r.status === f.status),
  );
}

/** Held and rejected files, newest first: the quarantine list with each one's reason. */
export async function quarantine(db: TabianDb): Promise<BundleRow[]> {
  const rows = await guarded(() => db.bundles.where('status').anyOf('held', 'rejected').toArray());
  return rows.sort((a, b) => (a.receivedAt < b.receivedAt ? 1 : a.receivedAt > b.receivedAt ? -1 : 0));
}

export async function getBundle(db: TabianDb, id: string): Promise<BundleRow | null> {
  return (await guarded(() => db.bundles.get(id))) ?? null;
}

/** Removes a quarantined file at the officer's request; accepted and made bundles are never deleted. */
export async function discardQuarantined(db: TabianDb, id: string): Promise<boolean> {
  return guarded(() =>
    db.transaction('rw', db.bundles, async () => {
      const row = await db.bundles.get(id);
      if (!row || (row.status !== 'held' && row.status !== 'rejected')) return false;
      await db.bundles.delete(id);
      return true;
    }),
  );
}
