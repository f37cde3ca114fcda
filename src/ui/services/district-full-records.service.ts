// The district's view of the full-records bundles schools chose to send (decision 0038): imported through the
// same verification as submissions (bundles-in.service), kept whole and encrypted in the bundles store, and
// opened again with the district key only when an officer looks at one school's screenings or photos.
import { appDb } from '../../db/database';
import { bundleFile, listBundles, type BundleRow } from '../../db/bundle-repo';
import { decryptionKeys } from '../../db/key-repo';
import { trustList } from '../../db/trust-repo';
import type { Building } from '../../domain/assets/schema';
import { asBytes } from '../../domain/bundle/bytes';
import { recordsOf } from '../../domain/bundle/verify-files';
import { verifyWithKeys } from '../../domain/district/incoming';
import { photoFromPayload } from '../../domain/photo/payload';
import type { Photo } from '../../domain/photo/schema';
import { assessScreening, type ScreeningAssessment } from '../../domain/screening/assess';
import type { Screening } from '../../domain/screening/schema';

export interface FullSchool {
  code: string;
  name: string;
  academicYear: number;
  parts: number;
  receivedAt: string;
}

const isFull = (r: BundleRow) => r.direction === 'in' && r.kind === 'full-records' && r.status === 'accepted';

/** Schools whose full records arrived, with the academic year and how many parts, newest year first. */
export async function listFullRecords(): Promise<FullSchool[]> {
  const out = new Map<string, FullSchool>();
  for (const r of (await listBundles(appDb(), { direction: 'in' })).filter(isFull)) {
    const key = `${r.school}/${r.academicYear}`;
    const known = out.get(key);
    out.set(key, {
      code: r.school,
      name: r.schoolName,
      academicYear: r.academicYear ?? 0,
      parts: (known?.parts ?? 0) + 1,
      receivedAt: known && known.receivedAt > r.receivedAt ? known.receivedAt : r.receivedAt,
    });
  }
  return [...out.values()].sort((a, b) => b.academicYear - a.academicYear || a.code.localeCompare(b.code));
}

export interface FullScreening {
  screening: Screening;
  assessment: ScreeningAssessment;
  photos: Photo[];
}
export interface FullBuilding {
  building: Building;
  photos: Photo[];
}
export interface FullView {
  screenings: FullScreening[];
  buildings: FullBuilding[];
  sitePhotos: Photo[];
  unreadable: number;
}

/** One school's full records of a year, every part opened with the district key (the latest copy of each record wins). */
export async function openFullRecords(school: string, academicYear: number): Promise<FullView> {
  const db = appDb();
  const [rows, trust, keys] = await Promise.all([
    listBundles(db, { direction: 'in' }),
    trustList(db),
    decryptionKeys(db),
  ]);
  const mine = rows
    .filter((r) => isFull(r) && r.school === school && r.academicYear === academicYear)
    .sort((a, b) => (a.sequence ?? 0) - (b.sequence ?? 0));
  const screenings = new Map<string, Screening>();
  const buildings = new Map<string, Building>();
  const photos = new Map<string, Photo>();
  let unreadable = 0;
  for (const row of mine) {
    const r = await verifyWithKeys(asBytes(new Uint8Array(await bundleFile(row).arrayBuffer())), {
      trust,
      decryptionKeys: keys,
    });
    if (!r.payload) {
      unreadable++;
      continue;
    }
    for (const s of recordsOf(r.payload, 'screening/1')) screenings.set(s.id, s);
    for (const b of recordsOf(r.payload, 'building/1')) buildings.set(b.id, b);
    for (const p of recordsOf(r.payload, 'photo/1')) photos.set(p.id, photoFromPayload(p));
  }
  const of = (kind: Photo['owner']['kind'], id: string) =>
    [...photos.values()].filter((p) => p.owner.kind === kind && p.owner.id === id);
  return {
    screenings: [...screenings.values()].map((s) => ({
      screening: s,
      assessment: assessScreening(s),
      photos: of('screening', s.id),
    })),
    buildings: [...buildings.values()].map((b) => ({ building: b, photos: of('building', `${academicYear}/${b.id}`) })),
    sitePhotos: of('site', String(academicYear)),
    unreadable,
  };
}
