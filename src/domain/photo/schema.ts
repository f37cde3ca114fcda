// A photo kept on the device (decision 0028): one record per picture, owned by a screening, a building or a
// school site, in a named slot ("outside", "front", …). Full picture and a small thumbnail travel together, so
// lists, prints and submissions never decode the full image. Personal (a child's home): the store is sealed.
import { z } from 'zod';
import { gpsSchema } from '../school';
import { isIsoDate, localParts } from '../thai-date';

export const PHOTO_SCHEMA_VERSION = 1;

export const PHOTO_OWNER_KINDS = ['screening', 'building', 'site'] as const;
export const photoOwnerSchema = z.object({ kind: z.enum(PHOTO_OWNER_KINDS), id: z.string().min(1) });
export type PhotoOwner = z.infer<typeof photoOwnerSchema>;

/** Slots are the owner's words (outside, inside, school-sign, paper-signature, front, back, left, right, plan…). */
export const photoSlotSchema = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/);

export const PHOTO_MIMES = ['image/jpeg', 'image/webp'] as const;
const mimeSchema = z.enum(PHOTO_MIMES);

// Another realm's Uint8Array (a worker, jsdom) fails instanceof: check the tag.
const bytesSchema = z.custom<Uint8Array>(
  (v) => Object.prototype.toString.call(v) === '[object Uint8Array]' && (v as Uint8Array).byteLength > 0,
  'photo.bytes',
);
const side = z.number().int().min(1).max(20_000);

/** A local wall-clock time without zone, "2026-12-07T09:30:00": when the picture was taken where it was taken. */
export const localDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/)
  .refine((s) => isIsoDate(s.slice(0, 10)), 'photo.taken_at');

/** The local date-time of an instant on the school's calendar (Asia/Bangkok). */
export function localDateTime(instant: Date): string {
  const p = localParts(instant);
  return `${p.date}T${p.hh}:${p.mm}:${p.ss}`;
}

export const photoSchema = z.object({
  schemaVersion: z.literal(PHOTO_SCHEMA_VERSION).default(PHOTO_SCHEMA_VERSION),
  id: z.string().min(1),
  owner: photoOwnerSchema,
  slot: photoSlotSchema,
  takenAt: localDateTimeSchema,
  width: side,
  height: side,
  mime: mimeSchema,
  bytes: bytesSchema,
  /** About 320 px on the long side, JPEG: for lists, prints of many and submissions. */
  thumb: z.object({ width: side, height: side, mime: mimeSchema, bytes: bytesSchema }),
  note: z.string().max(500).optional(),
  gps: gpsSchema.optional(),
});
export type Photo = z.infer<typeof photoSchema>;
export type PhotoInput = z.input<typeof photoSchema>;

/** Bytes a photo takes on the device (picture and thumbnail). */
export const photoSize = (p: Pick<Photo, 'bytes' | 'thumb'>): number => p.bytes.byteLength + p.thumb.bytes.byteLength;

/** The local date a photo was taken, 'YYYY-MM-DD' (`takenAt` is local time already, never UTC). */
export const photoDate = (p: Pick<Photo, 'takenAt'>): string => p.takenAt.slice(0, 10);

/** The local time of day it was taken, 'HH:MM'. */
export const photoTime = (p: Pick<Photo, 'takenAt'>): string => p.takenAt.slice(11, 16);
