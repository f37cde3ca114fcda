// A camera picture (often 12 MP, 3–6 MB) made small enough to keep hundreds on a phone: the long side at most
// 1600 px and the quality stepped down until the file is under about 400 KB, plus a ~320 px thumbnail.
// Runs in the browser (createImageBitmap, OffscreenCanvas or a canvas); the sizing rules are pure and tested.

export interface CompressOptions {
  maxSide?: number;
  thumbSide?: number;
  /** Stop stepping quality once the picture is at or under this many bytes. */
  maxBytes?: number;
  mime?: 'image/jpeg' | 'image/webp';
}
export interface Encoded {
  width: number;
  height: number;
  mime: 'image/jpeg' | 'image/webp';
  bytes: Uint8Array;
}
export interface Compressed extends Encoded {
  thumb: Encoded;
}

export const PHOTO_MAX_SIDE = 1600;
export const THUMB_SIDE = 320;
export const PHOTO_MAX_BYTES = 400_000;
/** Qualities tried in turn; the first under the byte limit wins, the last is kept in any case. */
export const QUALITY_STEPS = [0.86, 0.78, 0.7, 0.62, 0.54, 0.46] as const;

/** Width and height scaled down (never up) so the long side is at most `max`. */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Encodes at each quality step until the result is small enough; returns the bytes and the quality used. */
export async function stepQuality(
  encode: (quality: number) => Promise<Uint8Array>,
  maxBytes: number,
  steps: readonly number[] = QUALITY_STEPS,
): Promise<{ bytes: Uint8Array; quality: number }> {
  let last: { bytes: Uint8Array; quality: number } | null = null;
  for (const quality of steps) {
    last = { bytes: await encode(quality), quality };
    if (last.bytes.byteLength <= maxBytes) return last;
  }
  return last!;
}

type Surface = {
  canvas: OffscreenCanvas | HTMLCanvasElement;
  ctx: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
};

function surface(width: number, height: number): Surface {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (ctx) return { canvas, ctx };
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2D canvas in this browser');
  return { canvas, ctx };
}

async function toBytes(s: Surface, mime: string, quality: number): Promise<Uint8Array> {
  const blob =
    'convertToBlob' in s.canvas
      ? await s.canvas.convertToBlob({ type: mime, quality })
      : await new Promise<Blob>((resolve, reject) =>
          (s.canvas as HTMLCanvasElement).toBlob(
            (b) => (b ? resolve(b) : reject(new Error('the picture could not be encoded'))),
            mime,
            quality,
          ),
        );
  return new Uint8Array(await blob.arrayBuffer());
}

const isWebp = (b: Uint8Array) => b.byteLength > 12 && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP';

async function draw(
  source: ImageBitmap,
  max: number,
  mime: 'image/jpeg' | 'image/webp',
  maxBytes: number,
): Promise<Encoded> {
  const { width, height } = fitWithin(source.width, source.height, max);
  const s = surface(width, height);
  // JPEG has no transparency: a PNG's clear areas become white, not black.
  s.ctx.fillStyle = '#fff';
  s.ctx.fillRect(0, 0, width, height);
  s.ctx.imageSmoothingQuality = 'high';
  s.ctx.drawImage(source, 0, 0, width, height);
  const { bytes } = await stepQuality((q) => toBytes(s, mime, q), maxBytes);
  // A browser without WebP encoding quietly writes PNG instead: fall back to JPEG, which every one writes.
  if (mime === 'image/webp' && !isWebp(bytes)) return draw(source, max, 'image/jpeg', maxBytes);
  return { width, height, mime, bytes };
}

/** The browser cannot read this file as a picture (not an image, or a format it does not decode, e.g. HEIC). */
export class NotAPictureError extends Error {
  constructor(cause: unknown) {
    super('not a picture this browser can read', { cause });
    this.name = 'NotAPictureError';
  }
}

/** Compresses a picture file; `onStep` reports 0–1 so a slow phone can show progress. */
export async function compressPhoto(
  file: Blob,
  opts: CompressOptions = {},
  onStep?: (fraction: number) => void,
): Promise<Compressed> {
  const { maxSide = PHOTO_MAX_SIDE, thumbSide = THUMB_SIDE, maxBytes = PHOTO_MAX_BYTES, mime = 'image/jpeg' } = opts;
  onStep?.(0.05);
  let bitmap: ImageBitmap;
  try {
    // Phones store portrait pictures sideways with an EXIF turn: apply it.
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch (e) {
    throw new NotAPictureError(e);
  }
  try {
    onStep?.(0.3);
    const full = await draw(bitmap, maxSide, mime, maxBytes);
    onStep?.(0.8);
    const thumb = await draw(bitmap, thumbSide, 'image/jpeg', 40_000);
    onStep?.(1);
    return { ...full, thumb };
  } finally {
    bitmap.close();
  }
}
