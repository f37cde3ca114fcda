// Writes ZIP archives deterministically: same entries in, same bytes out (fixed time, no extra fields).
import { deflateSync } from 'fflate';
import { asBytes, utf8, type Bytes } from './bytes';
import { crc32 } from './crc32';
import { ZIP_LIMITS } from './zip-read';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** An entry exactly as it will be written; tests use it to make archives that lie. */
export interface RawZipEntry {
  name: Uint8Array;
  method: 0 | 8;
  crc: number;
  compressed: Uint8Array;
  /** Declared uncompressed size. */
  size: number;
}

const UTF8_NAMES = 0x0800;
const DOS_DATE_1980_01_01 = 0x0021;

function header(length: number, fields: [bytes: 2 | 4, value: number][]): Bytes {
  const out = new Uint8Array(length);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [size, value] of fields) {
    if (size === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value >>> 0, true);
    at += size;
  }
  return out;
}

const common = (e: RawZipEntry): [2 | 4, number][] => [
  [2, 20],
  [2, UTF8_NAMES],
  [2, e.method],
  [2, 0],
  [2, DOS_DATE_1980_01_01],
  [4, e.crc],
  [4, e.compressed.length],
  [4, e.size],
  [2, e.name.length],
  [2, 0],
];

export function assembleZip(entries: readonly RawZipEntry[]): Bytes {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const local = header(30, [[4, 0x04034b50], ...common(e)]);
    parts.push(local, e.name, e.compressed);
    central.push(
      header(46, [[4, 0x02014b50], [2, 20], ...common(e), [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]]),
      e.name,
    );
    offset += local.length + e.name.length + e.compressed.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = header(22, [
    [4, 0x06054b50],
    [2, 0],
    [2, 0],
    [2, entries.length],
    [2, entries.length],
    [4, cdSize],
    [4, offset],
    [2, 0],
  ]);
  const out = new Uint8Array(offset + cdSize + end.length);
  let at = 0;
  for (const p of [...parts, ...central, end]) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// Encrypted payloads and JPEG photos do not deflate; deflating the first 64 KB says so without spending seconds
// on megabytes that would be stored as they are anyway (a backup of 300 homes' photos: docs/performance.md).
const SAMPLE = 64 * 1024;
const mayDeflate = (data: Uint8Array): boolean =>
  data.length <= SAMPLE || deflateSync(data.subarray(0, SAMPLE), { level: 1 }).length < SAMPLE * 0.9;

/** Deflates each entry unless that does not help or would exceed the readers' ratio limit. */
export function writeZip(entries: readonly ZipEntry[]): Bytes {
  return assembleZip(
    entries.map(({ name, data }) => {
      const deflated = mayDeflate(data) ? deflateSync(data, { level: 6 }) : data;
      const deflate = deflated.length < data.length && deflated.length * ZIP_LIMITS.maxRatio >= data.length;
      return {
        name: utf8(name),
        method: deflate ? 8 : 0,
        crc: crc32(data),
        compressed: asBytes(deflate ? deflated : data),
        size: data.length,
      };
    }),
  );
}
