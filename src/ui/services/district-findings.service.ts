// รับทราบ: the officer acknowledges a school's latest submission of a round. That makes a findings
// bundle signed with the district key: the acknowledgement, and the school's part of the cross-school
// check (its own students, the other school's code and name only), downloaded for the school.
import { appDb } from '../../db/database';
import { listBundles, nextLink, recordOutgoing } from '../../db/bundle-repo';
import { activeKey, signingKeyOf } from '../../db/key-repo';
import { loadProfile } from '../../db/profile-repo';
import { createBundle } from '../../domain/bundle/create';
import { sha256Hex } from '../../domain/bundle/hash';
import { findingsContents, findingsFor } from '../../domain/district/findings';
import type { Acknowledgement } from '../../domain/district/findings-payload';
import { summarySchema } from '../../domain/district/summary';
import { session } from '../state/session.svelte';
import { crossCheckRound, latestAccepted, type RoundRef } from './district.service';
import { download } from './export.service';

export type AcknowledgeProblem = 'ack.no_key' | 'ack.no_submission' | 'ack.signed_out';
export type Acknowledged = { ok: true; fileName: string; findings: number } | { ok: false; problem: AcknowledgeProblem };

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

export async function acknowledge(ref: RoundRef, schoolCode: string, now: Date = new Date()): Promise<Acknowledged> {
  const db = appDb();
  const officer = session.user?.name;
  if (!officer) return { ok: false, problem: 'ack.signed_out' };
  const [profile, keyRow] = await Promise.all([loadProfile(db), activeKey(db, 'district')]);
  const key = keyRow && (await signingKeyOf(keyRow));
  if (!key || profile?.kind !== 'district') return { ok: false, problem: 'ack.no_key' };
  const submission = latestAccepted(await listBundles(db, { school: schoolCode, kind: 'submission' }), ref).get(schoolCode);
  const summary = summarySchema.safeParse(submission?.summary);
  if (!submission || !summary.success) return { ok: false, problem: 'ack.no_submission' };

  const check = await crossCheckRound(ref);
  const asOf = check?.asOf ?? submission.asOf!;
  const findings = findingsFor(check?.pairs ?? [], schoolCode, asOf);
  const at = now.toISOString();
  const ack: Acknowledgement = {
    submission: { bundleId: submission.bundleId!, sequence: submission.sequence!, statementSha256: submission.id },
    academicYear: ref.academicYear, round: ref.round, asOf, students: summary.data.students, findings: findings.length, officer, at,
  };
  const chain = `${schoolCode}|findings`;
  const link = await nextLink(db, chain);
  const created = await createBundle({
    kind: 'findings', bundleId: crypto.randomUUID(), createdAt: at, app: { name: 'tabian', version: __APP_VERSION__ },
    school: { code: schoolCode, smis: submission.smis, name: submission.schoolName }, district: { code: profile.code, name: profile.name },
    academicYear: ref.academicYear, round: ref.round, asOf, ...link, ...findingsContents(findings, ack),
    signers: [{ key, role: 'district', name: officer, act: 'acknowledge', at }], encryptTo: null,
  }, random);
  const fileName = `ผลการตรวจจากเขต-${schoolCode}-${ref.academicYear}-${ref.round}-${link.sequence}.tabian`;
  await recordOutgoing(db, created, { fileName, fileSha256: await sha256Hex(created.bytes), now, summary: ack });
  download(created.bytes, fileName, 'application/octet-stream');
  return { ok: true, fileName, findings: findings.length };
}
