// National findings at the district (decision 32): the province's or national office's bundle listing this
// district's children also counted in another district, the other district and school named. Verified against
// the national key the district enrolled (role national), kept whole in the district's chain for that kind, and
// read back for the round: the newest accepted bundle carries the round's whole current list.
import { z } from 'zod';
import { appDb } from '../../db/database';
import { listBundles, recordIncoming, type RecordOutcome } from '../../db/bundle-repo';
import { loadProfile } from '../../db/profile-repo';
import { trustList } from '../../db/trust-repo';
import { sha256Hex } from '../../domain/bundle/hash';
import { verifyBundle } from '../../domain/bundle/verify';
import { recordsOf } from '../../domain/bundle/verify-files';
import { nationalFindingSchema, type NationalFinding } from '../../domain/district/national-finding';
import type { Incoming } from '../../domain/district/incoming';
import type { RoundRef } from './district.service';

export type NationalImportProblem =
  | 'nfind.no_profile'
  | 'nfind.damaged'
  | 'nfind.wrong_kind'
  | 'nfind.untrusted'
  | 'nfind.other_district'
  | 'nfind.chain';
export type NationalImport =
  | { ok: true; outcome: RecordOutcome; findings: number; round: RoundRef; sequence: number }
  | { ok: false; problem: NationalImportProblem; detail: string | null };

const storedSchema = z.object({ findings: z.array(nationalFindingSchema) });

export async function importNationalFindings(file: File, now: Date = new Date()): Promise<NationalImport> {
  const db = appDb();
  const profile = await loadProfile(db);
  if (profile?.kind !== 'district') return { ok: false, problem: 'nfind.no_profile', detail: null };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const v = await verifyBundle(bytes, { trust: await trustList(db) });
  const s = v.statement;
  if (s && s.kind !== 'national-findings') return { ok: false, problem: 'nfind.wrong_kind', detail: s.kind };
  if (v.reason === 'key.untrusted') return { ok: false, problem: 'nfind.untrusted', detail: v.detail };
  if (!v.valid || !s || !v.payload) return { ok: false, problem: 'nfind.damaged', detail: v.reason };
  if (s.district.code !== profile.code)
    return { ok: false, problem: 'nfind.other_district', detail: `${s.district.code} ${s.district.name}` };
  const findings = recordsOf(v.payload, 'national-finding/1');
  const signed = new Set(v.signers.filter((x) => x.signature === 'valid').map((x) => x.keyid));
  const incoming: Incoming = {
    fileSha256: await sha256Hex(bytes),
    size: bytes.length,
    valid: true,
    reason: null,
    detail: null,
    statement: s,
    statementSha256: v.statementSha256,
    signers: v.signers,
    keys: s.keys.filter((k) => signed.has(k.keyid)),
    summary: null,
    roster: null,
  };
  const { outcome, row } = await recordIncoming(db, incoming, {
    fileName: file.name,
    file: bytes,
    receivedAt: now.toISOString(),
    summary: { findings },
  });
  if (outcome === 'rejected' || outcome === 'held') return { ok: false, problem: 'nfind.chain', detail: row.detail };
  return {
    ok: true,
    outcome,
    findings: findings.length,
    round: { academicYear: s.academicYear, round: s.round! },
    sequence: s.sequence,
  };
}

/** The round's current national findings: those of the newest accepted bundle for it. */
export async function nationalFindingsOf(
  ref: RoundRef,
): Promise<{ findings: NationalFinding[]; receivedAt: string } | null> {
  const rows = (await listBundles(appDb(), { direction: 'in', status: 'accepted' }))
    .filter((r) => r.kind === 'national-findings' && r.academicYear === ref.academicYear && r.round === ref.round)
    .sort((a, b) => (b.sequence ?? 0) - (a.sequence ?? 0));
  const parsed = rows[0] ? storedSchema.safeParse(rows[0].summary) : null;
  return parsed?.success ? { findings: parsed.data.findings, receivedAt: rows[0]!.receivedAt } : null;
}
