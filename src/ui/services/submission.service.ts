// ส่งข้อมูลให้เขต: a certified round as a submission bundle. The students are the round's certified
// snapshot; the round keeps only each student's frozen fields (FrozenRow), so each record is today's full
// record with the frozen fields laid over it. Signed by the staff member who confirmed and the director who
// certified (each opens their key with their PIN), chained per school, encrypted to the district's key
// when the school has enrolled one.
import { appDb } from '../../db/database';
import { nextLink, recordOutgoing } from '../../db/bundle-repo';
import { measurementsOfStudents } from '../../db/measurement-repo';
import { listMovements } from '../../db/movement-repo';
import { loadProfile } from '../../db/profile-repo';
import { getRound } from '../../db/round-repo';
import { screeningsOfYear } from '../../db/screening-repo';
import { listStudents } from '../../db/student-repo';
import { listTrust } from '../../db/trust-repo';
import { getUser } from '../../db/user-repo';
import type { User } from '../../domain/access/users';
import { fromBase64, type Bytes } from '../../domain/bundle/bytes';
import { createBundle } from '../../domain/bundle/create';
import { bundleHeader, schoolParties } from '../../domain/bundle/header';
import { sha256Hex } from '../../domain/bundle/hash';
import { fingerprintOf, type SigningKey } from '../../domain/bundle/keys';
import type { Statement } from '../../domain/bundle/statement';
import {
  certifiedStudents,
  districtKeyToUse,
  submissionChain,
  submissionFileName,
  submissionFiles,
  submissionSigners,
} from '../../domain/bundle/submission';
import type { RoundId } from '../../domain/calendar';
import { repliesToSend } from '../../domain/district/finding-reply';
import { screeningCounts } from '../../domain/screening/counts';
import { certifiedAssetFiles } from './assets-send.service';
import { latestDistrictFindings } from './findings.service';
import { emisPayloads } from './staff-payloads';
import { emisDigest } from '../../domain/staff/payload';
import { certificationStale, type RoundRecord } from '../../domain/year/round';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
export { BUNDLE_MEDIA_TYPE as BUNDLE_TYPE } from '../../domain/bundle/create';

export interface DistrictKey {
  keyid: string;
  spki: string;
  name: string;
  fingerprint: string;
}

/** The district key schools encrypt to: the most recently enrolled, unrevoked one. */
export async function districtKey(): Promise<DistrictKey | null> {
  const row = districtKeyToUse(await listTrust(appDb(), { school: null }));
  return row ? { keyid: row.keyid, spki: row.spki, name: row.name, fingerprint: fingerprintOf(row.keyid) } : null;
}

export type SubmitProblem =
  | 'submit.not_certified'
  | 'submit.no_profile'
  | 'submit.signer_gone'
  | 'submit.missing_students'
  | 'submit.emis_changed';

/** Whether the roster or technology a submission would carry changed since the director certified (decision 40). */
async function emisStale(record: RoundRecord): Promise<boolean> {
  if (!record.certification) return false;
  return certificationStale(record, await emisDigest(await emisPayloads(record.certification.asOf)));
}

export interface SubmitPlan {
  ok: true;
  academicYear: number;
  round: RoundId;
  asOf: string;
  staff: User;
  director: User;
  students: number;
  district: DistrictKey | null;
  sequence: number;
  fileName: string;
}

// The rules are the domain's (domain/bundle/submission.ts); re-exported for the screens and tests that import them here.
export { certifiedStudents, submissionFileName, submissionFiles } from '../../domain/bundle/submission';

/** Who must sign and what the file will be called; a problem when the round cannot be sent yet. */
export async function planSubmission(
  academicYear: number,
  round: RoundId,
): Promise<SubmitPlan | { ok: false; problem: SubmitProblem }> {
  const db = appDb();
  const [record, profile] = await Promise.all([getRound(db, academicYear, round), loadProfile(db)]);
  if (!record.confirmation || !record.certification) return { ok: false, problem: 'submit.not_certified' };
  if (profile?.kind !== 'school') return { ok: false, problem: 'submit.no_profile' };
  if (await emisStale(record)) return { ok: false, problem: 'submit.emis_changed' };
  const [staff, director, district, link] = await Promise.all([
    getUser(db, record.confirmation.userId),
    getUser(db, record.certification.userId),
    districtKey(),
    nextLink(db, submissionChain(profile.moeCode)),
  ]);
  if (!staff?.active || !director?.active) return { ok: false, problem: 'submit.signer_gone' };
  return {
    ok: true,
    academicYear,
    round,
    asOf: record.certification.asOf,
    staff,
    director,
    students: record.certification.snapshot.length,
    district,
    sequence: link.sequence,
    fileName: submissionFileName(profile.moeCode, academicYear, round, link.sequence),
  };
}

export interface MadeSubmission {
  bytes: Bytes;
  fileName: string;
  statement: Statement;
  statementSha256: string;
  encrypted: boolean;
  patched: boolean;
}

/**
 * Builds, records (as the next link of the school's submission chain) and returns the bundle. `staffKey`
 * and `directorKey` are the opened keys of the round's confirmer and certifier; `encrypt` asks for
 * encryption to the enrolled district key.
 */
export async function makeSubmission(
  academicYear: number,
  round: RoundId,
  keys: { staff: SigningKey; director: SigningKey },
  opts: { encrypt: boolean },
  now: Date = new Date(),
): Promise<MadeSubmission | { ok: false; problem: SubmitProblem }> {
  const db = appDb();
  const [record, profile, current, movements] = await Promise.all([
    getRound(db, academicYear, round),
    loadProfile(db),
    listStudents(db),
    listMovements(db),
  ]);
  const confirmation = record.confirmation;
  const certification = record.certification;
  if (!confirmation || !certification) return { ok: false, problem: 'submit.not_certified' };
  if (profile?.kind !== 'school') return { ok: false, problem: 'submit.no_profile' };
  const { students, missing } = certifiedStudents(certification.snapshot, current);
  if (missing.length) return { ok: false, problem: 'submit.missing_students' };
  const measurements = await measurementsOfStudents(
    db,
    students.map((s) => s.id),
  );
  const replies = repliesToSend(await latestDistrictFindings());
  const screened = await screeningsOfYear(db, academicYear);
  const screening = screened.length ? screeningCounts(academicYear, screened) : null;
  const emis = await emisPayloads(certification.asOf);
  if (certificationStale(record, await emisDigest(emis))) return { ok: false, problem: 'submit.emis_changed' };
  const base = submissionFiles({
    students,
    movements,
    measurements,
    profile,
    asOf: certification.asOf,
    replies,
    screening,
    emis,
  });
  const assets = await certifiedAssetFiles();
  const contents = { files: [...base.files, ...assets.files], counts: { ...base.counts, ...assets.counts } };
  const district = opts.encrypt ? await districtKey() : null;
  const link = await nextLink(db, submissionChain(profile.moeCode));
  const created = await createBundle(
    {
      ...bundleHeader('submission', schoolParties(profile), {
        bundleId: crypto.randomUUID(),
        createdAt: now.toISOString(),
        appVersion: __APP_VERSION__,
      }),
      academicYear,
      round,
      asOf: certification.asOf,
      ...link,
      ...contents,
      signers: submissionSigners(confirmation, certification, keys),
      encryptTo: district ? { keyid: district.keyid, spki: fromBase64(district.spki)! } : null,
    },
    random,
  );
  const fileName = submissionFileName(profile.moeCode, academicYear, round, link.sequence);
  // `encrypted` beside the counts lets the list of submissions say so without opening each file.
  await recordOutgoing(db, created, {
    fileName,
    fileSha256: await sha256Hex(created.bytes),
    now,
    summary: { ...created.statement.counts, encrypted: district !== null },
  });
  const patched = students.some(
    (s, i) => JSON.stringify(s) !== JSON.stringify(current.find((c) => c.id === certification.snapshot[i]!.id)),
  );
  return {
    bytes: created.bytes,
    fileName,
    statement: created.statement,
    statementSha256: created.statementSha256,
    encrypted: district !== null,
    patched,
  };
}
