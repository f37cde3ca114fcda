// A photo as it travels in a bundle (`photo/1`, docs/bundle-format.md): the stored record with its picture and
// thumbnail as base64. Only sync bundles (to the school's main device) and the full-records bundle for the
// district (encrypted to its key) carry it; a submission carries thumbnails only (`asset-photo/1`).
import { z } from 'zod';
import { fromBase64, toBase64 } from '../bundle/bytes';
import { PHOTO_MIMES, photoSchema, type Photo } from './schema';

/** A picture is at most ~400 KB after compression (decision 0028); 4 MB of base64 leaves room for a phone that could not compress. */
export const PHOTO_PAYLOAD_MAX_BASE64 = 4_000_000;
const b64 = z
  .string()
  .min(4)
  .max(PHOTO_PAYLOAD_MAX_BASE64)
  .refine((s) => fromBase64(s) !== null, 'expected standard base64');
const side = z.number().int().min(1).max(20_000);

// The stored record's fields, the picture and thumbnail as base64 instead of bytes: one definition of a photo.
export const photoPayloadSchema = photoSchema.omit({ schemaVersion: true, bytes: true, thumb: true }).extend({
  bytes: b64,
  thumb: z.object({ width: side, height: side, mime: z.enum(PHOTO_MIMES), bytes: b64 }),
});
export type PhotoPayload = z.infer<typeof photoPayloadSchema>;

export function photoToPayload(p: Photo): PhotoPayload {
  const { schemaVersion: _v, bytes, thumb, ...rest } = p;
  return { ...rest, bytes: toBase64(bytes), thumb: { ...thumb, bytes: toBase64(thumb.bytes) } };
}

/** The stored record again; the schema already checked the base64. */
export function photoFromPayload(p: PhotoPayload): Photo {
  return photoSchema.parse({
    ...p,
    bytes: fromBase64(p.bytes)!,
    thumb: { ...p.thumb, bytes: fromBase64(p.thumb.bytes)! },
  });
}

/** The bytes one photo adds to a `photo/1` file (its JSON line). */
export const photoLineBytes = (p: PhotoPayload): number => new TextEncoder().encode(JSON.stringify(p)).length + 1;
