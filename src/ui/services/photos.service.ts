// Photos in and out of the shared store (decision 0028): a picture file is compressed on the device first,
// then stored as one small put. The compressed photo is returned before it is stored, so a full disk
// (the quota error) leaves it in memory for "try again" and nothing the user took is lost.
import { appDb } from '../../db/database';
import { deletePhoto, getPhoto, photosOf, photoUsage, savePhoto, type PhotoUsage } from '../../db/photo-repo';
import { localDateTime, type Photo, type PhotoInput, type PhotoOwner } from '../../domain/photo/schema';
import { compressPhoto } from '../../io/photo/compress';
// Components name these rows' types through the service, never through src/db (decision 0036).
export type { PhotoUsage } from '../../db/photo-repo';

/** Compresses a picture into a photo record for an owner's slot; nothing is stored yet. */
export async function preparePhoto(
  owner: PhotoOwner,
  slot: string,
  file: Blob,
  onStep?: (fraction: number) => void,
  now: Date = new Date(),
): Promise<PhotoInput> {
  const c = await compressPhoto(file, {}, onStep);
  // A file chosen from the gallery says when it was made; a picture just taken is taken now.
  const made = file instanceof File && file.lastModified ? new Date(file.lastModified) : now;
  return {
    id: crypto.randomUUID(),
    owner,
    slot,
    takenAt: localDateTime(made > now ? now : made),
    width: c.width,
    height: c.height,
    mime: c.mime,
    bytes: c.bytes,
    thumb: c.thumb,
  };
}

export const storePhoto = (photo: PhotoInput): Promise<Photo> => savePhoto(appDb(), photo);
export const loadPhoto = (id: string): Promise<Photo | null> => getPhoto(appDb(), id);
export const listPhotos = (owner: PhotoOwner): Promise<Photo[]> => photosOf(appDb(), owner);
export const removePhoto = (id: string): Promise<void> => deletePhoto(appDb(), id);
export const photosUsage = (): Promise<PhotoUsage> => photoUsage(appDb());

/** The ports PhotoField works through (tests give it fakes). */
export const photoPorts = { list: listPhotos, prepare: preparePhoto, store: storePhoto, remove: removePhoto };
export type PhotoPorts = typeof photoPorts;
