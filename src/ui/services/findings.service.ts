// School side: a findings bundle from the district (its acknowledgement of a round and the students it
// flagged) is verified against the district key this school enrolled, then stored with its findings.
// Nothing is written for a file that fails, belongs to another school, or does not follow the chain.
import { schoolChain } from '../../domain/bundle/chains';
import { appDb } from '../../db/database';
import { chainLinks } from '../../db/bundle-repo';
import {
  acceptFindings,
  acknowledgementOf,
  listFindings,
  type FindingRow,
  type RoundAcknowledgement,
} from '../../db/findings-repo';
import { loadProfile } from '../../db/profile-repo';
import { enrolKeys, trustList } from '../../db/trust-repo';
import { asBytes } from '../../domain/bundle/bytes';
import { sha256Hex } from '../../domain/bundle/hash';
import { fingerprintMatches, fingerprintOf } from '../../domain/bundle/keys';
import type { ReasonCode } from '../../domain/bundle/reasons';
import type { KeyEntry } from '../../domain/bundle/statement';
import { verifyBundle } from '../../domain/bundle/verify';
import { recordsOf } from '../../domain/bundle/verify-files';
import { roundIndex, type RoundId } from '../../domain/calendar';
import type { Acknowledgement } from '../../domain/district/findings-payload';
import { reasonText } from '../i18n/i18n.svelte';
import { session } from '../state/session.svelte';
// Components name these rows' types through the service, never through src/db (decision 0036).
export type { RoundAcknowledgement } from '../../db/findings-repo';

export type FindingsImport =
  | {
      status: 'imported';
      findings: number;
      acknowledgement: Acknowledgement | null;
      academicYear: number;
      round: RoundId | null;
    }
  | { status: 'already' }
  | { status: 'untrusted'; keys: (KeyEntry & { fingerprint: string })[] }
  | { status: 'gap'; detail: string }
  | { status: 'not-findings' }
  | { status: 'other-school'; school: { code: string; name: string } }
  | { status: 'not-school' }
  | { status: 'refused'; reason: ReasonCode; message: string };

export async function importFindingsFile(file: File, now: Date = new Date()): Promise<FindingsImport> {
  const db = appDb();
  const profile = await loadProfile(db);
  if (profile?.kind !== 'school') return { status: 'not-school' };
  const bytes = asBytes(new Uint8Array(await file.arrayBuffer()));
  const chain = schoolChain(profile.moeCode, 'findings');
  const r = await verifyBundle(bytes, { trust: await trustList(db), chain: await chainLinks(db, chain) });
  const s = r.statement;
  if (s && s.kind !== 'findings') return { status: 'not-findings' };
  if (s && s.school?.code !== profile.moeCode)
    return { status: 'other-school', school: { code: s.school?.code ?? '', name: s.school?.name ?? s.district.name } };
  if (r.reason === 'key.untrusted' && s) {
    const unknown = r.signers.filter((x) => x.trusted === false).map((x) => x.keyid);
    return {
      status: 'untrusted',
      keys: s.keys.filter((k) => unknown.includes(k.keyid)).map((k) => ({ ...k, fingerprint: fingerprintOf(k.keyid) })),
    };
  }
  if (r.reason === 'chain.gap') return { status: 'gap', detail: r.detail ?? '' };
  if (!r.valid || !s || !r.payload || !r.statementSha256) {
    const reason = r.reason ?? 'statement.schema';
    return { status: 'refused', reason, message: reasonText(reason, r.detail, 'district') };
  }
  if (r.chain?.status === 'duplicate') return { status: 'already' };
  const findings = recordsOf(r.payload, 'finding/1');
  const acknowledgement = recordsOf(r.payload, 'acknowledgement/1')[0] ?? null;
  const signed = new Set(r.signers.filter((x) => x.signature === 'valid').map((x) => x.keyid));
  await acceptFindings(
    db,
    {
      fileSha256: await sha256Hex(bytes),
      size: bytes.length,
      valid: true,
      reason: null,
      detail: null,
      statement: s,
      statementSha256: r.statementSha256,
      signers: r.signers,
      keys: s.keys.filter((k) => signed.has(k.keyid)),
      summary: null,
      roster: null,
    },
    { fileName: file.name, file: bytes, receivedAt: now.toISOString(), summary: acknowledgement },
    findings,
  );
  return {
    status: 'imported',
    findings: findings.length,
    acknowledgement,
    academicYear: s.academicYear,
    round: s.round,
  };
}

/** Trusts the district's key after the fingerprint read out by the district matched; false otherwise. */
export async function trustDistrictKey(key: KeyEntry, spoken: string, now: Date = new Date()): Promise<boolean> {
  if (key.role !== 'district' || !fingerprintMatches(key.keyid, spoken)) return false;
  const { keyid, alg, spki, role, name } = key;
  const done = await enrolKeys(appDb(), [{ keyid, alg, spki, role, name, school: null }], {
    now,
    by: session.user?.name ?? '',
    source: 'bundle',
  });
  return done.conflicts.length === 0;
}

/** The district's findings of the latest round it sent any, for the validation summary. */
export async function latestDistrictFindings(): Promise<FindingRow[]> {
  const rows = await listFindings(appDb());
  const rank = (f: FindingRow) => f.academicYear * 10 + (f.round ? roundIndex(f.round) : 0);
  const top = Math.max(-1, ...rows.map(rank));
  return rows.filter((f) => rank(f) === top);
}

/** The acknowledgement of this school's round, if the district sent one. */
export async function roundAcknowledgement(academicYear: number, round: RoundId): Promise<RoundAcknowledgement | null> {
  const profile = await loadProfile(appDb());
  return profile?.kind === 'school' ? acknowledgementOf(appDb(), profile.moeCode, academicYear, round) : null;
}
