// Bundles that carry photos are bounded in size (docs/bundle-format.md §2 "Photos"): when a device's photos
// do not fit one bundle, they go into several, each the next link of the same chain. The records travel in
// the first part; every part holds whole photos only, so each part can be imported and used on its own.
import type { Operation } from './operation';
import type { Contents } from './contents';
import { payloadFile, type PayloadFile } from './payloads';
import { photoLineBytes, type PhotoPayload } from '../photo/payload';
import type { Screening } from '../screening/schema';
import type { Building } from '../assets/schema';

/** The most payload bytes (before deflate and encryption) one sync or full-records bundle holds: 16 MiB. */
export const PHOTO_BUNDLE_MAX_BYTES = 16 * 1024 * 1024;

export const PHOTOS_PATH = 'payload/photos.jsonl';

/**
 * Photos split into runs whose `photo/1` lines fit `budget`, the first run sharing its bundle with `first`
 * bytes of records. Order is kept. Throws when one photo alone exceeds the budget (a writer never makes
 * a bundle over the bound).
 */
export function packPhotos(photos: readonly PhotoPayload[], budget: number, first = 0): PhotoPayload[][] {
  if (first > budget) throw new RangeError(`the records alone (${first} bytes) exceed the bundle bound (${budget})`);
  const parts: PhotoPayload[][] = [[]];
  let used = first;
  for (const p of photos) {
    const size = photoLineBytes(p);
    if (size > budget) throw new RangeError(`photo ${p.id} (${size} bytes) exceeds the bundle bound (${budget})`);
    if (used + size > budget && parts.at(-1)!.length + (parts.length === 1 ? first : 0) > 0) {
      parts.push([]);
      used = 0;
    }
    parts.at(-1)!.push(p);
    used += size;
  }
  return parts;
}

const bytesOf = (files: readonly PayloadFile[]) => files.reduce((n, f) => n + f.bytes.length, 0);
const photosFile = (photos: readonly PhotoPayload[]) =>
  photos.length ? [payloadFile(PHOTOS_PATH, 'photo/1', photos)] : [];

/** A device's sync export: its operations in the first bundle, its new photos spread over as many as needed. */
export function syncParts(
  operations: readonly Operation[],
  photos: readonly PhotoPayload[],
  budget = PHOTO_BUNDLE_MAX_BYTES,
): Contents[] {
  const ops = operations.length ? [payloadFile('payload/operations.jsonl', 'operation/1', operations)] : [];
  return packPhotos(photos, budget, bytesOf(ops)).map((run, i) => {
    const files = [...(i === 0 ? ops : []), ...photosFile(run)];
    return { files, counts: { operations: i === 0 ? operations.length : 0, photos: run.length } };
  });
}

export interface FullRecords {
  screenings: readonly Screening[];
  buildings: readonly Building[];
  photos: readonly PhotoPayload[];
}

/**
 * The full-records bundle for the district (decision 0038): the screenings and buildings in the first part,
 * the photos over as many parts as the bound needs; `part` and `parts` in each part's counts.
 */
export function fullRecordsParts(input: FullRecords, budget = PHOTO_BUNDLE_MAX_BYTES): Contents[] {
  const records = [
    ...(input.screenings.length ? [payloadFile('payload/screenings.jsonl', 'screening/1', input.screenings)] : []),
    ...(input.buildings.length ? [payloadFile('payload/buildings.jsonl', 'building/1', input.buildings)] : []),
  ];
  const runs = packPhotos(input.photos, budget, bytesOf(records));
  return runs.map((run, i) => ({
    files: [...(i === 0 ? records : []), ...photosFile(run)],
    counts: {
      part: i + 1,
      parts: runs.length,
      screenings: i === 0 ? input.screenings.length : 0,
      buildings: i === 0 ? input.buildings.length : 0,
      photos: run.length,
    },
  }));
}
