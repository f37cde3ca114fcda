// A school's findings series (decision 18). รับทราบ makes the first findings bundle of the round, signed with
// the district key: the acknowledgement and the school's part of the cross-school check. Each later finding for
// the acknowledged round makes the next bundle of the school's findings chain (act `findings`). Every bundle
// made is kept whole and can be downloaded again.
import { bundleHeader } from '../../domain/bundle/header';
import { schoolChain } from '../../domain/bundle/chains';
import { appDb } from '../../db/database';
import { bundleFile, listBundles, nextLink, recordOutgoing, type BundleRow } from '../../db/bundle-repo';
import { activeKey, signingKeyOf } from '../../db/key-repo';
import { loadProfile } from '../../db/profile-repo';
import { getSetting, setSetting } from '../../db/settings-repo';
import { createBundle } from '../../domain/bundle/create';
import { sha256Hex } from '../../domain/bundle/hash';
import { findingsContents, findingsFor } from '../../domain/district/findings';
import type { Acknowledgement, FindingRecord } from '../../domain/district/findings-payload';
import { seriesState, type SentFindings, type SeriesState } from '../../domain/district/findings-series';
import { summarySchema } from '../../domain/district/summary';
import { z } from 'zod';
import { getUser, saveUser } from '../../db/user-repo';
import { signIn } from '../../domain/access/pin';
import { session } from '../state/session.svelte';
import { crossCheckRound, latestAccepted, type RoundCheck, type RoundRef } from './district.service';
import { download } from './export.service';

export type AcknowledgeProblem = 'ack.no_key' | 'ack.no_submission' | 'ack.signed_out';
export type Acknowledged =
  | { ok: true; fileName: string; findings: number; sequence: number }
  | { ok: false; problem: AcknowledgeProblem }
  // The officer's PIN, checked like a sign-in before the district key signs (wrong tries count to the lock).
  | { ok: false; problem: 'ack.wrong_pin'; attemptsLeft: number }
  | { ok: false; problem: 'ack.locked'; until: string };

/** The signed-in officer, with their PIN checked at `now`; the user is stored with its counters either way. */
async function officerWithPin(
  pin: string,
  now: Date,
): Promise<{ ok: true; name: string } | Exclude<Acknowledged, { ok: true }>> {
  const db = appDb();
  const user = session.user && (await getUser(db, session.user.id));
  if (!user) return { ok: false, problem: 'ack.signed_out' };
  const checked = await signIn(user, pin, now, random(16));
  // An older PIN is upgraded at a full sign-in, where its wraps are upgraded with it; not here.
  await saveUser(db, checked.ok && checked.upgraded ? { ...checked.user, pin: user.pin } : checked.user);
  if (checked.ok) return { ok: true, name: checked.user.name };
  return checked.reason === 'locked'
    ? { ok: false, problem: 'ack.locked', until: checked.until }
    : { ok: false, problem: 'ack.wrong_pin', attemptsLeft: checked.attemptsLeft };
}

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

// What an outgoing findings row remembers: the acknowledgement (first bundle only) and the ids it carried.
const sentSchema = z.object({
  findingIds: z.array(z.string()).optional(),
  at: z.string().optional(),
  submission: z.unknown().optional(),
});

/** The findings bundles made for a school's round, each with the finding ids it carried. */
export function sentFindings(
  rows: readonly BundleRow[],
  ref: RoundRef,
  schoolCode: string,
  current: readonly string[],
): (SentFindings & { row: BundleRow })[] {
  return rows
    .filter(
      (r) =>
        r.direction === 'out' &&
        r.kind === 'findings' &&
        r.school === schoolCode &&
        r.academicYear === ref.academicYear &&
        r.round === ref.round,
    )
    .flatMap((row) => {
      const s = sentSchema.safeParse(row.summary);
      if (!s.success) return [];
      // A bundle made before the ids were kept carried the whole list of its day: count it as carrying today's.
      return [
        {
          row,
          sequence: row.sequence ?? 0,
          findingIds: s.data.findingIds ?? current,
          at: row.receivedAt,
          acknowledged: s.data.submission !== undefined,
        },
      ];
    });
}

/** The series of one school's round against the round's current check. */
export async function seriesOf(
  ref: RoundRef,
  schoolCode: string,
  check: RoundCheck | null,
  rows?: readonly BundleRow[],
  revealedPairs?: ReadonlySet<string>,
): Promise<SeriesState & { sentRows: BundleRow[]; current: FindingRecord[] }> {
  const revealed = revealedPairs ?? new Set(await getSetting(appDb(), 'revealedPairs'));
  const current = check ? findingsFor(check.pairs, schoolCode, check.asOf, revealed) : [];
  const sent = sentFindings(
    rows ?? (await listBundles(appDb(), { school: schoolCode, kind: 'findings' })),
    ref,
    schoolCode,
    current.map((f) => f.id),
  );
  return {
    ...seriesState(current, sent),
    sentRows: sent.sort((a, b) => a.sequence - b.sequence).map((s) => s.row),
    current,
  };
}

async function makeFindings(
  ref: RoundRef,
  schoolCode: string,
  acknowledging: boolean,
  pin: string,
  now: Date,
): Promise<Acknowledged> {
  const db = appDb();
  const signer = await officerWithPin(pin, now);
  if (!signer.ok) return signer;
  const officer = signer.name;
  const [profile, keyRow] = await Promise.all([loadProfile(db), activeKey(db, 'district')]);
  const key = keyRow && (await signingKeyOf(keyRow));
  if (!key || profile?.kind !== 'district') return { ok: false, problem: 'ack.no_key' };
  const submission = latestAccepted(await listBundles(db, { school: schoolCode, kind: 'submission' }), ref).get(
    schoolCode,
  );
  const summary = summarySchema.safeParse(submission?.summary);
  if (!submission || !summary.success) return { ok: false, problem: 'ack.no_submission' };

  const check = await crossCheckRound(ref);
  const asOf = check?.asOf ?? submission.asOf!;
  const revealed = new Set(await getSetting(db, 'revealedPairs'));
  const findings = findingsFor(check?.pairs ?? [], schoolCode, asOf, revealed);
  const at = now.toISOString();
  const ack: Acknowledgement | null = acknowledging
    ? {
        submission: { bundleId: submission.bundleId!, sequence: submission.sequence!, statementSha256: submission.id },
        academicYear: ref.academicYear,
        round: ref.round,
        asOf,
        students: summary.data.students,
        findings: findings.length,
        officer,
        at,
      }
    : null;
  const link = await nextLink(db, schoolChain(schoolCode, 'findings'));
  const created = await createBundle(
    {
      ...bundleHeader(
        'findings',
        {
          school: { code: schoolCode, smis: submission.smis, name: submission.schoolName },
          district: { code: profile.code, name: profile.name },
        },
        { bundleId: crypto.randomUUID(), createdAt: at, appVersion: __APP_VERSION__ },
      ),
      academicYear: ref.academicYear,
      round: ref.round,
      asOf,
      ...link,
      ...findingsContents(findings, ack),
      signers: [{ key, role: 'district', name: officer, act: acknowledging ? 'acknowledge' : 'findings', at }],
      encryptTo: null,
    },
    random,
  );
  const fileName = `ผลการตรวจจากเขต-${schoolCode}-${ref.academicYear}-${ref.round}-${link.sequence}.tabian`;
  await recordOutgoing(db, created, {
    fileName,
    fileSha256: await sha256Hex(created.bytes),
    now,
    summary: { ...ack, at, findingIds: findings.map((f) => f.id) },
  });
  download(created.bytes, fileName, 'application/octet-stream');
  return { ok: true, fileName, findings: findings.length, sequence: link.sequence };
}

/** รับทราบ: the round's first findings bundle, with the acknowledgement, signed once the officer's PIN is checked. */
export const acknowledge = (
  ref: RoundRef,
  schoolCode: string,
  pin: string,
  now: Date = new Date(),
): Promise<Acknowledged> => makeFindings(ref, schoolCode, true, pin, now);

/** The next bundle of an acknowledged school's series: the round's whole current list, new findings included. */
export const sendNewFindings = (
  ref: RoundRef,
  schoolCode: string,
  pin: string,
  now: Date = new Date(),
): Promise<Acknowledged> => makeFindings(ref, schoolCode, false, pin, now);

/** Downloads a findings bundle made earlier, byte for byte as it was first given. */
export async function downloadAgain(row: BundleRow): Promise<void> {
  download(new Uint8Array(await bundleFile(row).arrayBuffer()), row.fileName, 'application/octet-stream');
}

/** Pair keys whose other school the officer chose to name in the findings sent to each school. */
export const revealedPairs = async (): Promise<Set<string>> => new Set(await getSetting(appDb(), 'revealedPairs'));

/** Names (or stops naming) the other school in both schools' findings of this pair, from their next findings file. */
export async function setRevealed(key: string, on: boolean): Promise<void> {
  const keys = await revealedPairs();
  if (on) keys.add(key);
  else keys.delete(key);
  await setSetting(appDb(), 'revealedPairs', [...keys].sort());
}
