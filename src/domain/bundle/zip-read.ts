// Reads a ZIP archive from an untrusted sender. Every declared size is checked against the limits
// before anything is inflated, and inflation stops as soon as an entry produces more than it declared.
import { Inflate } from 'fflate';
import { fromUtf8, type Bytes } from './bytes';
import { crc32 } from './crc32';
import { collisionKey, unsafeNameReason } from './zip-names';

export const ZIP_LIMITS = { maxEntries: 10_000, maxTotalBytes: 512 * 1024 * 1024, maxRatio: 200 } as const;
export interface ZipLimits { maxEntries: number; maxTotalBytes: number; maxRatio: number }

export type ZipFailure = 'zip.malformed' | 'zip.limits' | 'zip.path' | 'zip.duplicate';
export type ZipResult =
  | { ok: true; entries: Map<string, Bytes> }
  | { ok: false; reason: ZipFailure; detail: string };

interface Entry { name: string; method: number; crc: number; compressed: number; size: number; offset: number; dataStart: number }

class Reject extends Error {
  constructor(readonly reason: ZipFailure, readonly detail: string) {
    super(detail);
  }
}
const malformed = (detail: string) => new Reject('zip.malformed', detail);

// Inflate input is fed in slices so that one push can expand to at most ~16 MiB before the check.
const SLICE = 16 * 1024;

function endOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    // The archive comment must run exactly to the end of the file: nothing hides after it.
    if (view.getUint32(at, true) === 0x06054b50 && at + 22 + view.getUint16(at + 20, true) === view.byteLength) return at;
  }
  throw malformed('no end-of-central-directory record');
}

function readCentralDirectory(bytes: Bytes, limits: ZipLimits): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (view.getUint16(eocd + 4, true) !== 0 || view.getUint16(eocd + 6, true) !== 0 || view.getUint16(eocd + 8, true) !== count) {
    throw malformed('multi-disk archive');
  }
  // Version 1 never needs ZIP64: the limits fit in 32 bits.
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === 0x07064b50) throw malformed('ZIP64 archive');
  if (count > limits.maxEntries) throw new Reject('zip.limits', `${count} entries`);
  if (cdOffset + cdSize !== eocd) throw malformed('central directory is not where the end record says');
  const entries: Entry[] = [];
  const seen = new Map<string, string>();
  let total = 0;
  let at = cdOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== 0x02014b50) throw malformed(`central directory entry ${i + 1}`);
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const nameLength = view.getUint16(at + 28, true);
    const next = at + 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    if (next > eocd) throw malformed(`central directory entry ${i + 1}`);
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = fromUtf8(rawName);
    if (name === null) throw new Reject('zip.path', `entry ${i + 1}: name is not UTF-8`);
    const unsafe = unsafeNameReason(name);
    if (unsafe) throw new Reject('zip.path', `${JSON.stringify(name)}: ${unsafe}`);
    const key = collisionKey(name);
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new Reject('zip.duplicate', earlier === name ? name : `${earlier} / ${name}`);
    seen.set(key, name);
    if (flags & 1) throw malformed(`${name}: encrypted entry`);
    if (method !== 0 && method !== 8) throw malformed(`${name}: compression method ${method}`);
    const entry = {
      name, method, crc: view.getUint32(at + 16, true), compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true), offset: view.getUint32(at + 42, true), dataStart: 0,
    };
    if (method === 0 && entry.compressed !== entry.size) throw malformed(`${name}: stored sizes differ`);
    if (entry.size > limits.maxRatio * entry.compressed) throw new Reject('zip.limits', `${name}: declares ${entry.size} bytes from ${entry.compressed}`);
    total += entry.size;
    if (total > limits.maxTotalBytes) throw new Reject('zip.limits', `more than ${limits.maxTotalBytes} bytes in total`);
    entry.dataStart = localData(view, rawName, entry, cdOffset);
    entries.push(entry);
    at = next;
  }
  // Directory records beyond the stated count would be entries that some tools see and others do not.
  if (at !== eocd) throw malformed('central directory holds more than the end record counts');
  checkNoOverlap(entries);
  return entries;
}

// The local header must repeat the central directory's name and method; its data must end before the directory.
function localData(view: DataView, rawName: Uint8Array, e: Entry, cdOffset: number): number {
  const at = e.offset;
  if (at + 30 > cdOffset || view.getUint32(at, true) !== 0x04034b50) throw malformed(`${e.name}: no local header`);
  const nameLength = view.getUint16(at + 26, true);
  const dataStart = at + 30 + nameLength + view.getUint16(at + 28, true);
  if (view.getUint16(at + 8, true) !== e.method || nameLength !== rawName.length) throw malformed(`${e.name}: local header differs`);
  for (let i = 0; i < nameLength; i++) {
    if (view.getUint8(at + 30 + i) !== rawName[i]) throw malformed(`${e.name}: local header differs`);
  }
  if (dataStart + e.compressed > cdOffset) throw malformed(`${e.name}: data runs past the central directory`);
  return dataStart;
}

// Overlapping entries let a small file expand into many large ones (the "overlapping zip bomb").
function checkNoOverlap(entries: readonly Entry[]): void {
  const sorted = [...entries].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < sorted.length; i++) {
    const prev = sorted[i - 1]!;
    if (sorted[i]!.offset < prev.dataStart + prev.compressed) throw malformed(`${sorted[i]!.name} overlaps ${prev.name}`);
  }
}

function inflateBounded(e: Entry, data: Uint8Array): Bytes {
  const out = new Uint8Array(e.size);
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    // Stopped at the declared size, which the limits already allowed: nothing more is unpacked, so this is
    // damage (one flipped byte of deflate data does it), not danger.
    if (produced + chunk.length > e.size) throw malformed(`${e.name}: inflates past its declared ${e.size} bytes`);
    out.set(chunk, produced);
    produced += chunk.length;
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += SLICE) inflater.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
  } catch (e2) {
    if (e2 instanceof Reject) throw e2;
    throw malformed(`${e.name}: deflate data is damaged`);
  }
  if (produced !== e.size) throw malformed(`${e.name}: inflates to ${produced} bytes, declares ${e.size}`);
  return out;
}

/** Reads every entry, in central-directory order, or says why the archive is refused. */
export function readZip(bytes: Bytes, limits: ZipLimits = ZIP_LIMITS): ZipResult {
  try {
    if (bytes.length < 22) throw malformed('too short to be a ZIP archive');
    const entries = new Map<string, Bytes>();
    for (const e of readCentralDirectory(bytes, limits)) {
      const data = bytes.subarray(e.dataStart, e.dataStart + e.compressed);
      const content = e.method === 0 ? data : inflateBounded(e, data);
      if (crc32(content) !== e.crc) throw malformed(`${e.name}: CRC-32 does not match`);
      entries.set(e.name, content);
    }
    return { ok: true, entries };
  } catch (e) {
    if (e instanceof Reject) return { ok: false, reason: e.reason, detail: e.detail };
    throw e;
  }
}
