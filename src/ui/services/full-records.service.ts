// The full-records bundle for the district (decision 0038): on the district's request the school officer makes
// it, after being told what leaves the school (names, ID numbers, incomes, home photos, building photos). It
// carries the year's screenings whole with their photos and the survey's buildings with their full photos,
// encrypted to the district key and signed like a submission (the officer confirms, the director certifies),
// in parts of at most 16 MiB, one chain per school. Nothing of it ever enters the ordinary submission.
import { appDb } from '../../db/database';
import { nextLink, recordOutgoing } from '../../db/bundle-repo';
import { listBuildings } from '../../db/asset-repo';
import { countPhotosOf, photosOfOwners } from '../../db/photo-repo';
import { loadProfile } from '../../db/profile-repo';
import { screeningsOfYear } from '../../db/screening-repo';
import { listUsers } from '../../db/user-repo';
import type { User } from '../../domain/access/users';
import { fromBase64 } from '../../domain/bundle/bytes';
import { BUNDLE_MEDIA_TYPE, createBundle } from '../../domain/bundle/create';
import { sha256Hex } from '../../domain/bundle/hash';
import type { SigningKey } from '../../domain/bundle/keys';
import { fullRecordsParts } from '../../domain/bundle/parts';
import { academicYearOf } from '../../domain/calendar';
import { photoToPayload } from '../../domain/photo/payload';
import type { Photo } from '../../domain/photo/schema';
import { session } from '../state/session.svelte';
import { todayIso } from './clock';
import { download } from './export.service';
import { districtKey, type DistrictKey } from './submission.service';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

export type FullProblem = 'full.no_profile' | 'full.no_district' | 'full.no_director' | 'full.nothing';
export interface FullChoice {
  screenings: boolean;
  buildings: boolean;
}
export interface FullPlan {
  ok: true;
  academicYear: number;
  screenings: number;
  /** Screenings' photos and signatures, and the buildings' and site's photos. */
  screeningPhotos: number;
  buildings: number;
  buildingPhotos: number;
  staff: User;
  director: User;
  district: DistrictKey;
}

async function gather(academicYear: number) {
  const db = appDb();
  const [screenings, buildings] = await Promise.all([
    screeningsOfYear(db, academicYear),
    listBuildings(db, academicYear),
  ]);
  const flat = (m: Map<string, Photo[]>) => [...m.values()].flat();
  const [screeningPhotos, buildingPhotos, sitePhotos] = await Promise.all([
    photosOfOwners(
      db,
      'screening',
      screenings.map((s) => s.id),
    ).then(flat),
    photosOfOwners(
      db,
      'building',
      buildings.map((b) => `${academicYear}/${b.id}`),
    ).then(flat),
    photosOfOwners(db, 'site', [String(academicYear)]).then(flat),
  ]);
  return { screenings, buildings, screeningPhotos, buildingPhotos: [...buildingPhotos, ...sitePhotos] };
}

/** What the bundle of this academic year would carry, and who signs; a problem when it cannot be made. */
export async function planFullRecords(now: Date = new Date()): Promise<FullPlan | { ok: false; problem: FullProblem }> {
  const db = appDb();
  const academicYear = academicYearOf(todayIso(now));
  const [profile, district, users, screenings, buildings] = await Promise.all([
    loadProfile(db),
    districtKey(),
    listUsers(db),
    screeningsOfYear(db, academicYear),
    listBuildings(db, academicYear),
  ]);
  // Counted from the clear owner index: the plan decrypts no picture.
  const [screeningPhotos, buildingPhotos, sitePhotos] = await Promise.all([
    countPhotosOf(
      db,
      'screening',
      screenings.map((s) => s.id),
    ),
    countPhotosOf(
      db,
      'building',
      buildings.map((b) => `${academicYear}/${b.id}`),
    ),
    countPhotosOf(db, 'site', [String(academicYear)]),
  ]);
  if (profile?.kind !== 'school') return { ok: false, problem: 'full.no_profile' };
  if (!district) return { ok: false, problem: 'full.no_district' };
  const director = users.find((u) => u.role === 'director' && u.active !== false);
  const staff = session.user;
  if (!director || !staff) return { ok: false, problem: 'full.no_director' };
  if (!screenings.length && !(buildingPhotos + sitePhotos)) return { ok: false, problem: 'full.nothing' };
  return {
    ok: true,
    academicYear,
    screenings: screenings.length,
    screeningPhotos,
    buildings: buildings.length,
    buildingPhotos: buildingPhotos + sitePhotos,
    staff,
    director,
    district,
  };
}

export interface MadeFull {
  files: { fileName: string; bytes: Uint8Array }[];
}

/** Makes, records and downloads the parts; `keys` opened with the officer's and the director's PINs. */
export async function makeFullRecords(
  plan: FullPlan,
  choice: FullChoice,
  keys: { staff: SigningKey; director: SigningKey },
  now: Date = new Date(),
): Promise<MadeFull> {
  const db = appDb();
  const profile = await loadProfile(db);
  if (profile?.kind !== 'school') throw new Error('full-records: no school profile');
  const g = await gather(plan.academicYear);
  const photos = [...(choice.screenings ? g.screeningPhotos : []), ...(choice.buildings ? g.buildingPhotos : [])].map(
    photoToPayload,
  );
  const parts = fullRecordsParts({
    screenings: choice.screenings ? g.screenings : [],
    buildings: choice.buildings ? g.buildings : [],
    photos,
  });
  const at = now.toISOString();
  const today = todayIso(now);
  const chain = `${profile.moeCode}|full-records`;
  const files: MadeFull['files'] = [];
  for (const part of parts) {
    const link = await nextLink(db, chain);
    const created = await createBundle(
      {
        kind: 'full-records',
        bundleId: crypto.randomUUID(),
        createdAt: at,
        app: { name: 'tabian', version: __APP_VERSION__ },
        school: { code: profile.moeCode, smis: profile.smisCode, name: profile.nameTh },
        district: { code: profile.districtOffice.code, name: profile.districtOffice.name },
        academicYear: plan.academicYear,
        round: null,
        asOf: today,
        ...link,
        ...part,
        signers: [
          { key: keys.staff, role: 'staff', name: plan.staff.name, act: 'confirm-existence', at },
          { key: keys.director, role: 'director', name: plan.director.name, act: 'certify', at },
        ],
        encryptTo: { keyid: plan.district.keyid, spki: fromBase64(plan.district.spki)! },
      },
      random,
    );
    const fileName = `${profile.moeCode}-${plan.academicYear}-full-${link.sequence}.tabian`;
    await recordOutgoing(db, created, {
      fileName,
      fileSha256: await sha256Hex(created.bytes),
      now,
      summary: { ...created.statement.counts, encrypted: true },
    });
    files.push({ fileName, bytes: created.bytes });
  }
  for (const f of files) download(f.bytes, f.fileName, BUNDLE_MEDIA_TYPE);
  return { files };
}
