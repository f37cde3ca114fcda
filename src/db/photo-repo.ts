// The shared photo store (decision 0028): screenings, buildings and sites keep their pictures here, sealed like
// every personal record. Only the owner and the size stay in clear (index keys): a list by owner and the
// storage total ("photos use N MB") need no decryption, and neither says anything about a child.
import { photoSchema, photoSize, type Photo, type PhotoInput, type PhotoOwner } from '../domain/photo/schema';
import type { TabianDb } from './database';
import { guarded } from './errors';
import { logRecordSave, tickClocks, appendOps } from './op-log';

import type { PhotoRow } from './rows';

export type { PhotoRow };

const toPhoto = (row: unknown): Photo => {
  const { size: _size, ...photo } = row as PhotoRow;
  return photoSchema.parse(photo);
};

/**
 * Store name in sync operations (decision 0038): a photo's owner and slot as operations mark it as this
 * device's to send (its bytes travel in the sync bundle's photo/1 file); `removed` deletes it everywhere.
 */
export const PHOTO_OPS = 'photos';
export const PHOTO_REMOVED = 'removed';
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.byteLength === b.byteLength && a.every((x, i) => x === b[i]);
const marker = (p: Pick<Photo, 'owner' | 'slot'>) => ({ owner: p.owner, slot: p.slot });

/** Stores (or replaces) one photo. A full disk surfaces as StorageError 'storage.full'; nothing is half-written. */
export async function savePhoto(db: TabianDb, input: PhotoInput, now: Date = new Date(), by = 'photo'): Promise<Photo> {
  const photo = photoSchema.parse(input);
  await guarded(() =>
    db.transaction('rw', [db.photos, db.settings, db.ops], async () => {
      const before = await db.photos.get(photo.id);
      await db.photos.put({ ...photo, size: photoSize(photo) });
      // Another picture under the same id is a new marker, so the re-taken photo is sent again.
      const same = before !== undefined && sameBytes(before.bytes, photo.bytes);
      await logRecordSave(db, PHOTO_OPS, photo.id, same ? marker(before) : null, marker(photo), by, now);
    }),
  );
  return photo;
}

export async function getPhoto(db: TabianDb, id: string): Promise<Photo | null> {
  const row = await guarded(() => db.photos.get(id));
  return row ? toPhoto(row) : null;
}

/** An owner's photos, oldest first by when they were taken. */
export async function photosOf(db: TabianDb, owner: PhotoOwner): Promise<Photo[]> {
  const rows = await guarded(() => db.photos.where('[owner.kind+owner.id]').equals([owner.kind, owner.id]).toArray());
  return rows.map(toPhoto).sort((a, b) => a.takenAt.localeCompare(b.takenAt) || a.id.localeCompare(b.id));
}

/** The photos of many owners of one kind (a class's screenings), by owner id. */
export async function photosOfOwners(
  db: TabianDb,
  kind: PhotoOwner['kind'],
  ids: readonly string[],
): Promise<Map<string, Photo[]>> {
  const rows = await guarded(() =>
    db.photos
      .where('[owner.kind+owner.id]')
      .anyOf(ids.map((id) => [kind, id]))
      .toArray(),
  );
  const out = new Map<string, Photo[]>();
  for (const p of rows.map(toPhoto).sort((a, b) => a.takenAt.localeCompare(b.takenAt)))
    out.set(p.owner.id, [...(out.get(p.owner.id) ?? []), p]);
  return out;
}

export async function deletePhoto(db: TabianDb, id: string, now: Date = new Date(), by = 'photo'): Promise<void> {
  await guarded(() =>
    db.transaction('rw', [db.photos, db.settings, db.ops], async () => {
      await db.photos.delete(id);
      const [hlc] = await tickClocks(db, 1, now);
      await appendOps(db, [{ store: PHOTO_OPS, recordId: id, field: PHOTO_REMOVED, value: true, hlc: hlc!, by }]);
    }),
  );
}

/** Deletes every photo of an owner (a screening removed, a building demolished). */
export async function deletePhotosOf(db: TabianDb, owner: PhotoOwner): Promise<number> {
  return guarded(() => db.photos.where('[owner.kind+owner.id]').equals([owner.kind, owner.id]).delete());
}

export interface PhotoUsage {
  count: number;
  bytes: number;
}

/** How many photos the device keeps and what they take, read from the size index alone (works while locked). */
export async function photoUsage(db: TabianDb): Promise<PhotoUsage> {
  const sizes = (await guarded(() => db.photos.orderBy('size').keys())) as number[];
  return { count: sizes.length, bytes: sizes.reduce((s, n) => s + n, 0) };
}

/** How many photos owners of one kind hold, read from the clear owner index alone (nothing decrypted). */
export async function countPhotosOf(db: TabianDb, kind: PhotoOwner['kind'], ids: readonly string[]): Promise<number> {
  if (!ids.length) return 0;
  return guarded(() =>
    db.photos
      .where('[owner.kind+owner.id]')
      .anyOf(ids.map((id) => [kind, id]))
      .count(),
  );
}
