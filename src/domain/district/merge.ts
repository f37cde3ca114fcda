// `tabian district merge`: every file verified as the app verifies it (readIncoming), chains followed in
// sequence order, each school's latest accepted submission cross-checked with the school's own rules.
import type { Bytes } from '../bundle/bytes';
import { checkChain, type ChainLink } from '../bundle/chain';
import type { TrustList } from '../bundle/trust';
import type { DecryptionKey } from '../bundle/verify-files';
import { chainKeyOf, commonAsOf } from './chains';
import { crossCheck, type CrossCheck } from './cross-check';
import { readIncoming, type Incoming, type IncomingReason } from './incoming';
import { distinctChildren } from './distinct';
import { countedOn } from './roster';

export interface MergeFile { name: string; bytes: Bytes }
export interface MergeOptions { trust: TrustList; decryptionKey: DecryptionKey | null; asOf?: string | null; lang?: 'th' | 'en' }
export type SchoolStatus = 'certified' | 'confirmed' | 'submitted';

export interface MergeReport {
  schools: { code: string; status: SchoolStatus; students: number }[];
  rejected: { file: string; reason: IncomingReason }[];
  duplicates: { rule: 'id.duplicate' | 'person.possible_duplicate'; idNo: string; schools: [string, string]; reason: string }[];
  /** The schools' counts added up, as submitted. */
  totalStudents: number;
  /** Children counted once: every cross-school duplicate pair joins two records into one child. */
  distinctStudents: number;
}

type Item = { name: string; incoming: Incoming };

/** Accepts each chain's bundles in sequence order; the rest are refused with chain.gap or chain.fork. */
function followChains(valid: readonly Item[]): { accepted: Item[]; refused: { name: string; reason: IncomingReason }[] } {
  const chains = new Map<string, Item[]>();
  for (const item of valid) {
    const key = chainKeyOf(item.incoming.statement!);
    chains.set(key, [...(chains.get(key) ?? []), item]);
  }
  const accepted: Item[] = [];
  const refused: { name: string; reason: IncomingReason }[] = [];
  for (const items of chains.values()) {
    const links: ChainLink[] = [];
    const bySequence = [...items].sort((a, b) => a.incoming.statement!.sequence - b.incoming.statement!.sequence || (a.name < b.name ? -1 : 1));
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
    }
  }
  return { accepted, refused };
}

const statusOf = (item: Item): SchoolStatus => {
  const acts = item.incoming.statement!.attestations.map((a) => a.act);
  return acts.includes('certify') ? 'certified' : acts.includes('confirm-existence') ? 'confirmed' : 'submitted';
};

export async function mergeBundles(files: readonly MergeFile[], opts: MergeOptions): Promise<{ report: MergeReport; check: CrossCheck | null }> {
  const items: Item[] = [];
  for (const f of files) {
    items.push({ name: f.name, incoming: await readIncoming(f.bytes, { trust: opts.trust, decryptionKeys: opts.decryptionKey ? [opts.decryptionKey] : [], kinds: ['submission'] }) });
  }
  const invalid = items.filter((i) => !i.incoming.valid).map((i) => ({ name: i.name, reason: i.incoming.reason! }));
  const { accepted, refused } = followChains(items.filter((i) => i.incoming.valid));
  const latest = new Map<string, Item>();
  for (const item of accepted) {
    const code = item.incoming.statement!.school.code;
    const known = latest.get(code);
    if (!known || known.incoming.statement!.sequence < item.incoming.statement!.sequence) latest.set(code, item);
  }
  const schools = [...latest.values()].sort((a, b) => (a.incoming.statement!.school.code < b.incoming.statement!.school.code ? -1 : 1));
  const asOf = opts.asOf ?? commonAsOf(schools.map((s) => s.incoming.statement!.asOf));
  const rosters = schools.map((s) => ({ school: { code: s.incoming.statement!.school.code, name: s.incoming.statement!.school.name }, rows: s.incoming.roster!.rows }));
  const check = asOf ? crossCheck(rosters, asOf) : null;
  const lang = opts.lang ?? 'th';
  const lines = schools.map((s, i) => ({
    code: s.incoming.statement!.school.code, status: statusOf(s),
    students: asOf ? rosters[i]!.rows.filter((r) => countedOn(r, asOf)).length : 0,
  }));
  const totalStudents = lines.reduce((n, l) => n + l.students, 0);
  const report: MergeReport = {
    schools: lines,
    rejected: [...invalid, ...refused].sort((a, b) => (a.name < b.name ? -1 : 1)).map((r) => ({ file: r.name, reason: r.reason })),
    duplicates: (check?.pairs ?? []).map((p) => {
      const [a, b] = p.sides;
      const ids = a.row[2] === b.row[2] ? '' : ` (${a.row[2] || '-'} ${a.school.code} / ${b.row[2] || '-'} ${b.school.code})`;
      return { rule: p.rule, idNo: a.row[2], schools: [a.school.code, b.school.code], reason: `${p.reason[lang]}${ids}` };
    }),
    totalStudents,
    distinctStudents: distinctChildren(totalStudents, check?.pairs ?? []),
  };
  return { report, check };
}
