// The district's export for the province or the national office (decision 32): the round's accepted
// submissions and the findings bundles the district made for them, carried unchanged in one bundle signed with
// the district key, with each encrypted submission's content key granted to the enrolled national key.
import { districtChain } from '../../domain/bundle/chains';
import { appDb } from '../../db/database';
import { bundleFile, listBundles, nextLink, recordOutgoing, type BundleRow } from '../../db/bundle-repo';
import { activeKey, decryptionKeys, signingKeyOf } from '../../db/key-repo';
import { loadProfile } from '../../db/profile-repo';
import { listTrust, trustList } from '../../db/trust-repo';
import {
  createDistrictExport,
  districtExportContents,
  grantContentKeys,
  type CarriedBundle,
} from '../../domain/bundle/district-export';
import { sha256Hex } from '../../domain/bundle/hash';
import { inspectBundle } from '../../domain/bundle/verify';
import { commonAsOf } from '../../domain/district/chains';
import { session } from '../state/session.svelte';
import { inRound, type RoundRef } from './district.service';
import type { OutFile } from './files';

export type ExportAboveProblem =
  | 'dexport.signed_out'
  | 'dexport.no_key'
  | 'dexport.no_submissions'
  | 'dexport.no_national_key'
  | 'dexport.key_cannot_open';
export type ExportAboveResult =
  | { ok: true; file: OutFile; schools: number; submissions: number; findings: number; sequence: number }
  | { ok: false; problem: ExportAboveProblem };
export interface ExportAboveProgress {
  step: 'read' | 'sign';
  done: number;
  total: number;
}

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

async function carried(row: BundleRow): Promise<CarriedBundle | null> {
  const bytes = new Uint8Array(await bundleFile(row).arrayBuffer());
  const statement = (await inspectBundle(bytes)).statement;
  return statement ? { bytes, statement, fileSha256: await sha256Hex(bytes) } : null;
}

/** The enrolled national key (role national), the recipient of the content keys; null when none is enrolled. */
export async function nationalKey(): Promise<{ keyid: string; spki: string; name: string } | null> {
  const key = (await listTrust(appDb(), { school: null })).find((k) => k.role === 'national');
  return key ? { keyid: key.keyid, spki: key.spki, name: key.name } : null;
}

export async function exportAbove(
  ref: RoundRef,
  progress: (p: ExportAboveProgress) => void = () => {},
  now: Date = new Date(),
): Promise<ExportAboveResult> {
  const db = appDb();
  const officer = session.user?.name;
  if (!officer) return { ok: false, problem: 'dexport.signed_out' };
  const [profile, keyRow] = await Promise.all([loadProfile(db), activeKey(db, 'district')]);
  const key = keyRow && (await signingKeyOf(keyRow));
  if (!key || profile?.kind !== 'district') return { ok: false, problem: 'dexport.no_key' };
  // Every accepted submission of the round (each school's chain for it), and the findings the district made for them.
  const rows = (await listBundles(db, { direction: 'in', status: 'accepted' })).filter(
    (r) => r.kind === 'submission' && inRound(r, ref),
  );
  if (rows.length === 0) return { ok: false, problem: 'dexport.no_submissions' };
  const schools = new Set(rows.map((r) => r.school));
  const made = (await listBundles(db, { direction: 'out' })).filter(
    (r) => r.kind === 'findings' && inRound(r, ref) && schools.has(r.school),
  );
  const total = rows.length + made.length;
  const submissions: CarriedBundle[] = [];
  const findings: CarriedBundle[] = [];
  for (const [i, row] of [...rows, ...made].entries()) {
    const c = await carried(row);
    if (c) (i < rows.length ? submissions : findings).push(c);
    progress({ step: 'read', done: i + 1, total });
  }
  const encrypted = submissions.some((s) => s.statement.encryption);
  const national = await nationalKey();
  if (encrypted && !national) return { ok: false, problem: 'dexport.no_national_key' };
  progress({ step: 'sign', done: 0, total: 1 });
  let grants;
  try {
    grants = national ? await grantContentKeys(submissions, await decryptionKeys(db), national) : [];
  } catch {
    return { ok: false, problem: 'dexport.key_cannot_open' };
  }
  const contents = districtExportContents({ submissions, findings, trust: (await trustList(db)).keys, grants });
  const link = await nextLink(db, districtChain(profile.code, 'district-export'));
  const created = await createDistrictExport(
    {
      district: { code: profile.code, name: profile.name },
      academicYear: ref.academicYear,
      round: ref.round,
      asOf: commonAsOf(submissions.map((s) => s.statement.asOf)) ?? submissions[0]!.statement.asOf,
      ...link,
      key,
      officer,
      createdAt: now.toISOString(),
      bundleId: crypto.randomUUID(),
      app: { name: 'tabian', version: __APP_VERSION__ },
    },
    contents,
    random,
  );
  const name = `ส่งต่อจากเขต-${profile.code}-${ref.academicYear}-${ref.round}-${link.sequence}.tabian`;
  await recordOutgoing(db, created, {
    fileName: name,
    fileSha256: await sha256Hex(created.bytes),
    now,
    summary: created.statement.counts,
  });
  progress({ step: 'sign', done: 1, total: 1 });
  return {
    ok: true,
    file: { bytes: created.bytes, name, type: 'application/octet-stream' },
    schools: schools.size,
    submissions: submissions.length,
    findings: findings.length,
    sequence: link.sequence,
  };
}
