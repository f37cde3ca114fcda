// What the national database already holds, read once per ingest and kept up to date as it writes: every file
// SHA-256 it has seen (accepted, refused, exports, findings) and each chain's accepted links (schools' and
// districts'). Chains are checked across files against it, without a query per bundle.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ChainLink } from '../../domain/bundle/chain';

export interface Ledger {
  known: Set<string>;
  /** By school code: its accepted submissions. */
  schools: Map<string, ChainLink[]>;
  /** By district code: its accepted exports. */
  districts: Map<string, ChainLink[]>;
}

type LinkRow = { key: string; sequence: number; statement_sha256: string; previous: string | null };

async function linksBy(c: DuckDBConnection, sql: string): Promise<Map<string, ChainLink[]>> {
  const out = new Map<string, ChainLink[]>();
  for (const r of (await c.runAndReadAll(sql)).getRowObjects() as LinkRow[])
    addLink(out, r.key, { sequence: r.sequence, statementSha256: r.statement_sha256, previous: r.previous || null });
  return out;
}

export function addLink(map: Map<string, ChainLink[]>, key: string, link: ChainLink): void {
  const list = map.get(key);
  if (list) list.push(link);
  else map.set(key, [link]);
}

export async function readLedger(c: DuckDBConnection): Promise<Ledger> {
  const shas = await c.runAndReadAll(`SELECT file_sha256 FROM bundles UNION ALL SELECT file_sha256 FROM rejected
    UNION ALL SELECT file_sha256 FROM district_exports UNION ALL SELECT file_sha256 FROM district_findings`);
  return {
    known: new Set(shas.getRowObjects().map((r) => String(r['file_sha256']))),
    schools: await linksBy(c, 'SELECT school AS key, sequence, statement_sha256, previous FROM bundles'),
    districts: await linksBy(c, 'SELECT district AS key, sequence, statement_sha256, previous FROM district_exports'),
  };
}
