// Whose keys this device trusts: enrolled from a key file or trust list, or from a held bundle once the
// officer has compared its fingerprint with the sender by phone. Every enrolment looks again at the
// bundles held for an unknown key.
import { appDb } from '../../db/database';
import { getBundle, recheckHeld, type BundleRow } from '../../db/bundle-repo';
import { saveSchools } from '../../db/district-school-repo';
import {
  enrolKeys,
  listTrust,
  revokeKey,
  trustList,
  type Enrolment,
  type TrustRow,
  type TrustSource,
} from '../../db/trust-repo';
import { fingerprintMatches, fingerprintOf } from '../../domain/bundle/keys';
import type { KeyOffice, TrustedKey } from '../../domain/bundle/trust';
import { loadProfile, saveProfile } from '../../db/profile-repo';
import { readKeyFile, type KeyFileProblem } from '../../domain/district/key-file';
import { session } from '../state/session.svelte';
import { download } from './export.service';
// Components name these rows' types through the service, never through src/db (decision 0036).
export type { TrustRow } from '../../db/trust-repo';

export type EnrolResult =
  | { ok: true; enrolment: Enrolment; accepted: BundleRow[] }
  | { ok: false; problem: KeyFileProblem | 'keyfile.school' | 'keyfile.unchecked' | 'keyfile.heard' };
/** How a district checked a school's key file: the fingerprints heard by phone, or deliberately not at all. */
export type KeyCheck = { heard: Record<string, string> } | 'unchecked';

const who = (): string => session.user?.name ?? '';

async function enrol(
  keys: TrustedKey[],
  source: TrustSource,
  now: Date,
): Promise<{ enrolment: Enrolment; accepted: BundleRow[] }> {
  const db = appDb();
  const enrolment = await enrolKeys(db, keys, { now, by: who(), source });
  const accepted = await recheckHeld(db, await trustList(db));
  return { enrolment, accepted };
}

/**
 * A key file (tabian-public-key/1) or a trust list (tabian-trust/1). `forSchool`: the school the officer
 * is enrolling for; a single key for another school is refused. `null` expects the district's key.
 */
export async function enrolKeyFile(
  file: Blob,
  forSchool?: string | null,
  now: Date = new Date(),
  check?: KeyCheck,
): Promise<EnrolResult> {
  return enrolKeyText(await file.text(), forSchool, now, check);
}

/**
 * The same from the file's text (a key QR code holds exactly that text). On a district device a school's
 * key file is trusted only with `check`: every fingerprint heard by phone matches, or the officer chose
 * to enrol without checking (recorded on the trust row as `file-unchecked`, with who and when).
 */
export async function enrolKeyText(
  text: string,
  forSchool?: string | null,
  now: Date = new Date(),
  check?: KeyCheck,
): Promise<EnrolResult> {
  const read = await readKeyFile(text);
  if (!read.ok) return read;
  if (forSchool !== undefined && read.kind === 'public-key' && read.keys[0]!.school !== forSchool)
    return { ok: false, problem: 'keyfile.school' };
  let source: TrustSource = read.kind === 'trust-list' ? 'list' : 'file';
  if (read.kind === 'public-key' && (await needsCheck(read.keys))) {
    if (check === undefined) return { ok: false, problem: 'keyfile.unchecked' };
    if (check === 'unchecked') source = 'file-unchecked';
    else if (!read.keys.every((k) => fingerprintMatches(k.keyid, check.heard[k.keyid] ?? '')))
      return { ok: false, problem: 'keyfile.heard' };
  }
  const done = await enrol(read.keys, source, now);
  if (read.office && forSchool === null) await noteDistrictOffice(read.office, now);
  return { ok: true, ...done };
}

/** A school's key arriving at a district office (the school was told to phone its fingerprint). */
async function needsCheck(keys: TrustedKey[]): Promise<boolean> {
  return keys.some((k) => k.school !== null) && (await loadProfile(appDb()))?.kind === 'district';
}

/** A school key file read, not yet trusted: what the officer compares before enrolling it. */
export interface KeyFileOffer {
  text: string;
  keys: TrustedKey[];
  needsCheck: boolean;
}
export interface PendingKeyFile {
  name: string;
  offer: KeyFileOffer;
}

export async function readKeyOffer(text: string): Promise<KeyFileOffer | { problem: KeyFileProblem }> {
  const read = await readKeyFile(text);
  if (!read.ok) return { problem: read.problem };
  return { text, keys: read.keys, needsCheck: read.kind === 'public-key' && (await needsCheck(read.keys)) };
}

/**
 * A school that enrols its district's key takes the office's code from the key file (decision 0025), so
 * its submissions name their district; a name typed at set-up stays, an empty one is filled.
 */
async function noteDistrictOffice(office: KeyOffice, now: Date): Promise<void> {
  const db = appDb();
  const profile = await loadProfile(db);
  if (profile?.kind !== 'school') return;
  const districtOffice = { code: office.code, name: profile.districtOffice.name.trim() || office.name };
  if (districtOffice.code === profile.districtOffice.code && districtOffice.name === profile.districtOffice.name)
    return;
  await saveProfile(db, { ...profile, districtOffice, updatedAt: now.toISOString() });
}

export interface DistrictKeyOffer {
  keyid: string;
  name: string;
  fingerprint: string;
  text: string;
}

/**
 * A district key read from its file or its QR code (the same compact JSON), not yet trusted: the school
 * compares its fingerprint with the district by phone first, then enrolKeyText takes `text`.
 */
export async function readDistrictKey(text: string): Promise<DistrictKeyOffer | null> {
  const read = await readKeyFile(text);
  if (!read.ok || read.kind !== 'public-key') return null;
  const key = read.keys[0]!;
  if (key.role !== 'district' || key.school !== null) return null;
  return { keyid: key.keyid, name: key.name, fingerprint: fingerprintOf(key.keyid), text };
}

/** The signing keys of a held bundle that this device does not trust yet. */
export async function unknownKeysOf(row: BundleRow): Promise<TrustedKey[]> {
  const known = new Set((await listTrust(appDb())).map((k) => k.keyid));
  const school = row.kind === 'findings' ? null : row.school;
  return row.keys.filter((k) => !known.has(k.keyid)).map((k) => ({ ...k, school }));
}

/**
 * Enrols the unknown keys of a held bundle, each only if the fingerprint the sender read out matches.
 * Returns null when a fingerprint does not match (nothing is enrolled then).
 */
export async function enrolFromBundle(
  bundleId: string,
  spoken: Record<string, string>,
  now: Date = new Date(),
): Promise<{ enrolment: Enrolment; accepted: BundleRow[] } | null> {
  const row = await getBundle(appDb(), bundleId);
  if (!row) return null;
  const keys = await unknownKeysOf(row);
  if (keys.length === 0 || !keys.every((k) => fingerprintMatches(k.keyid, spoken[k.keyid] ?? ''))) return null;
  const school = row.kind === 'findings' ? null : row.school;
  if (school) await saveSchools(appDb(), [{ code: school, smis: row.smis, name: row.schoolName }], 'bundle', now);
  return enrol(keys, 'bundle', now);
}

export const keysOfSchool = (code: string): Promise<TrustRow[]> => listTrust(appDb(), { school: code });
export const districtKeys = (): Promise<TrustRow[]> => listTrust(appDb(), { school: null });

export async function revoke(keyid: string, now: Date = new Date()): Promise<void> {
  await revokeKey(appDb(), keyid, now);
}

/** Downloads every enrolled key as a tabian-trust/1 list (for `tabian district merge --trust`). */
export async function exportTrustList(): Promise<void> {
  const list = await trustList(appDb());
  download(new TextEncoder().encode(JSON.stringify(list, null, 2) + '\n'), 'trust-keys.json', 'application/json');
}

/** Every enrolled key that still counts, for the school list's counts. */
export const listAllTrust = (): Promise<TrustRow[]> => listTrust(appDb());
