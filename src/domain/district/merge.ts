// `tabian district merge`: every file verified as the app verifies it (readIncoming), chains followed in
// sequence order (a fork: the first received stays, as in the app's import), each school's latest accepted submission cross-checked with the school's own rules.
import type { Bytes } from '../bundle/bytes';
import { checkChain, type ChainLink } from '../bundle/chain';
import type { TrustList } from '../bundle/trust';
import { schoolOf } from '../bundle/statement';
import type { DecryptionKey } from '../bundle/verify-files';
import { chainKeyOf, commonAsOf } from './chains';
import { crossCheck, type CrossCheck } from './cross-check';
import { readIncoming, type Incoming, type IncomingReason } from './incoming';
import { distinctChildren } from './distinct';
import { countedOn } from './roster';

export interface MergeFile {
  name: string;
  bytes: Bytes;
}
export interface MergeOptions {
  trust: TrustList;
  decryptionKey: DecryptionKey | null;
  asOf?: string | null;
  lang?: 'th' | 'en';
  /** Statement SHA-256s chosen to win a fork; otherwise the file received first (given first) wins. */
  keep?: readonly string[];
}
export type SchoolStatus = 'certified' | 'confirmed' | 'submitted';

export interface MergeReport {
  schools: { code: string; status: SchoolStatus; students: number }[];
  rejected: { file: string; reason: IncomingReason }[];
  duplicates: {
    rule: 'id.duplicate' | 'person.possible_duplicate';
    idNo: string;
    schools: [string, string];
    reason: string;
  }[];
  /** Two bundles of one chain that cannot both stand: the one kept and the one refused (also in `rejected`). */
  forks: { school: string; kind: string; sequence: number; kept: ForkSide; refused: ForkSide }[];
  /** The schools' counts added up, as submitted. */
  totalStudents: number;
  /** Children counted once: every cross-school duplicate pair joins two records into one child. */
  distinctStudents: number;
}
export interface ForkSide {
  file: string;
  statementSha256: string;
}

type Item = { name: string; incoming: Incoming; order: number };
type Fork = MergeReport['forks'][number];

/**
 * Accepts each chain's bundles in sequence order; among bundles of one sequence the chosen one (`keep`),
 * then the one received first, never the file name. The rest are refused with chain.gap or chain.fork.
 */
function followChains(
  valid: readonly Item[],
  keep: ReadonlySet<string>,
): { accepted: Item[]; refused: { name: string; reason: IncomingReason }[]; forks: Fork[] } {
  const chains = new Map<string, Item[]>();
  for (const item of valid) {
    const key = chainKeyOf(item.incoming.statement!);
    chains.set(key, [...(chains.get(key) ?? []), item]);
  }
  const accepted: Item[] = [];
  const refused: { name: string; reason: IncomingReason }[] = [];
  const forks: Fork[] = [];
  const chosen = (i: Item) => (keep.has(i.incoming.statementSha256!) ? 0 : 1);
  for (const items of chains.values()) {
    const links: ChainLink[] = [];
    const bySequence = [...items].sort(
      (a, b) =>
        a.incoming.statement!.sequence - b.incoming.statement!.sequence || chosen(a) - chosen(b) || a.order - b.order,
    );
    for (const item of bySequence) {
      const s = item.incoming.statement!;
      const link = { sequence: s.sequence, previous: s.previous, statementSha256: item.incoming.statementSha256! };
      const result = checkChain(link, links);
      if (result.status === 'follows') {
        links.push(link);
        accepted.push(item);
      } else if (result.status !== 'duplicate') {
        refused.push({ name: item.name, reason: result.status === 'gap' ? 'chain.gap' : 'chain.fork' });
      }
      if (result.status === 'fork') {
        const kept = accepted.find((a) => a.incoming.statementSha256 === result.kept)!;
        forks.push({
          school: schoolOf(s).code,
          kind: s.kind,
          sequence: s.sequence,
          kept: { file: kept.name, statementSha256: result.kept },
          refused: { file: item.name, statementSha256: link.statementSha256 },
        });
      }
    }
  }
  return { accepted, refused, forks };
}

const statusOf = (item: Item): SchoolStatus => {
  const acts = item.incoming.statement!.attestations.map((a) => a.act);
  return acts.includes('certify') ? 'certified' : acts.includes('confirm-existence') ? 'confirmed' : 'submitted';
};

export async function mergeBundles(
  files: readonly MergeFile[],
  opts: MergeOptions,
): Promise<{ report: MergeReport; check: CrossCheck | null }> {
  const items: Item[] = [];
  for (const [order, f] of files.entries()) {
    items.push({
      name: f.name,
      order,
      incoming: await readIncoming(f.bytes, {
        trust: opts.trust,
        decryptionKeys: opts.decryptionKey ? [opts.decryptionKey] : [],
        kinds: ['submission'],
      }),
    });
  }
  const invalid = items.filter((i) => !i.incoming.valid).map((i) => ({ name: i.name, reason: i.incoming.reason! }));
  const { accepted, refused, forks } = followChains(
    items.filter((i) => i.incoming.valid),
    new Set(opts.keep ?? []),
  );
  const latest = new Map<string, Item>();
  for (const item of accepted) {
    const code = schoolOf(item.incoming.statement!).code;
    const known = latest.get(code);
    if (!known || known.incoming.statement!.sequence < item.incoming.statement!.sequence) latest.set(code, item);
  }
  const schools = [...latest.values()].sort((a, b) =>
    schoolOf(a.incoming.statement!).code < schoolOf(b.incoming.statement!).code ? -1 : 1,
  );
  const asOf = opts.asOf ?? commonAsOf(schools.map((s) => s.incoming.statement!.asOf));
  const rosters = schools.map((s) => ({
    school: { code: schoolOf(s.incoming.statement!).code, name: schoolOf(s.incoming.statement!).name },
    rows: s.incoming.roster!.rows,
  }));
  const check = asOf ? crossCheck(rosters, asOf) : null;
  const lang = opts.lang ?? 'th';
  const lines = schools.map((s, i) => ({
    code: schoolOf(s.incoming.statement!).code,
    status: statusOf(s),
    students: asOf ? rosters[i]!.rows.filter((r) => countedOn(r, asOf)).length : 0,
  }));
  const totalStudents = lines.reduce((n, l) => n + l.students, 0);
  const report: MergeReport = {
    schools: lines,
    rejected: [...invalid, ...refused]
      .sort((a, b) => (a.name < b.name ? -1 : 1))
      .map((r) => ({ file: r.name, reason: r.reason })),
    duplicates: (check?.pairs ?? []).map((p) => {
      const [a, b] = p.sides;
      const ids =
        a.row[2] === b.row[2] ? '' : ` (${a.row[2] || '-'} ${a.school.code} / ${b.row[2] || '-'} ${b.school.code})`;
      return {
        rule: p.rule,
        idNo: a.row[2],
        schools: [a.school.code, b.school.code],
        reason: `${p.reason[lang]}${ids}`,
      };
    }),
    forks,
    totalStudents,
    distinctStudents: distinctChildren(totalStudents, check?.pairs ?? []),
  };
  return { report, check };
}
