// Reads a ZIP archive from an untrusted sender. Every declared size is checked against the limits
// before anything is inflated, and inflation stops as soon as an entry produces more than it declared.
import { Inflate } from 'fflate';
import { fromUtf8, type Bytes } from './bytes';
import { crc32 } from './crc32';
import { collisionKey, unsafeNameReason } from './zip-names';

export const ZIP_LIMITS = { maxEntries: 10_000, maxTotalBytes: 512 * 1024 * 1024, maxRatio: 200 } as const;
export interface ZipLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxRatio: number;
}

export type ZipFailure = 'zip.malformed' | 'zip.limits' | 'zip.path' | 'zip.duplicate';
export type ZipResult = { ok: true; entries: Map<string, Bytes> } | { ok: false; reason: ZipFailure; detail: string };

interface Entry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
  dataStart: number;
}

/** An archive whose directory was checked but whose entries are not yet unpacked. */
export interface ZipDirectory {
  /** Entry names in central-directory order, with the size each declares once unpacked. */
  sizes: Map<string, number>;
  /** Unpacks one entry (bounded by its declared size, CRC-32 checked); throws a ZipRefusal when it is damaged. */
  read(name: string): Bytes;
}
export type DirectoryResult = { ok: true; zip: ZipDirectory } | { ok: false; reason: ZipFailure; detail: string };

/** Thrown by ZipDirectory.read. */
export class ZipRefusal extends Error {
  constructor(
    readonly reason: ZipFailure,
    readonly detail: string,
  ) {
    super(detail);
  }
}
const malformed = (detail: string) => new ZipRefusal('zip.malformed', detail);

// Inflate input is fed in slices so that one push can expand to at most ~16 MiB before the check.
const SLICE = 16 * 1024;

function endOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - 0xffff; at--) {
    // The archive comment must run exactly to the end of the file: nothing hides after it.
    if (view.getUint32(at, true) === 0x06054b50 && at + 22 + view.getUint16(at + 20, true) === view.byteLength)
      return at;
  }
  throw malformed('no end-of-central-directory record');
}

function readCentralDirectory(bytes: Bytes, limits: ZipLimits): Entry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = endOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  const cdSize = view.getUint32(eocd + 12, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (
    view.getUint16(eocd + 4, true) !== 0 ||
    view.getUint16(eocd + 6, true) !== 0 ||
    view.getUint16(eocd + 8, true) !== count
  ) {
    throw malformed('multi-disk archive');
  }
  // Version 1 never needs ZIP64: the limits fit in 32 bits.
  if (eocd >= 20 && view.getUint32(eocd - 20, true) === 0x07064b50) throw malformed('ZIP64 archive');
  if (count > limits.maxEntries) throw new ZipRefusal('zip.limits', `${count} entries`);
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
    if (name === null) throw new ZipRefusal('zip.path', `entry ${i + 1}: name is not UTF-8`);
    const unsafe = unsafeNameReason(name);
    if (unsafe) throw new ZipRefusal('zip.path', `${JSON.stringify(name)}: ${unsafe}`);
    const key = collisionKey(name);
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new ZipRefusal('zip.duplicate', earlier === name ? name : `${earlier} / ${name}`);
    seen.set(key, name);
    if (flags & 1) throw malformed(`${name}: encrypted entry`);
    if (method !== 0 && method !== 8) throw malformed(`${name}: compression method ${method}`);
    const entry = {
      name,
      flags,
      method,
      crc: view.getUint32(at + 16, true),
      compressed: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
      dataStart: 0,
    };
    if (method === 0 && entry.compressed !== entry.size) throw malformed(`${name}: stored sizes differ`);
    if (entry.size > limits.maxRatio * entry.compressed)
      throw new ZipRefusal('zip.limits', `${name}: declares ${entry.size} bytes from ${entry.compressed}`);
    total += entry.size;
    if (total > limits.maxTotalBytes)
      throw new ZipRefusal('zip.limits', `more than ${limits.maxTotalBytes} bytes in total`);
    entry.dataStart = localData(view, rawName, entry, cdOffset);
    entries.push(entry);
    at = next;
  }
  // Directory records beyond the stated count would be entries that some tools see and others do not.
  if (at !== eocd) throw malformed('central directory holds more than the end record counts');
  checkTiling(view, entries, cdOffset);
  return entries;
}

// The local header must repeat the central directory's name and method; its data must end before the directory.
function localData(view: DataView, rawName: Uint8Array, e: Entry, cdOffset: number): number {
  const at = e.offset;
  if (at + 30 > cdOffset || view.getUint32(at, true) !== 0x04034b50) throw malformed(`${e.name}: no local header`);
  const nameLength = view.getUint16(at + 26, true);
  const dataStart = at + 30 + nameLength + view.getUint16(at + 28, true);
  if (view.getUint16(at + 8, true) !== e.method || nameLength !== rawName.length)
    throw malformed(`${e.name}: local header differs`);
  for (let i = 0; i < nameLength; i++) {
    if (view.getUint8(at + 30 + i) !== rawName[i]) throw malformed(`${e.name}: local header differs`);
  }
  if (dataStart + e.compressed > cdOffset) throw malformed(`${e.name}: data runs past the central directory`);
  return dataStart;
}

// The local entries must tile the file from byte 0 to the central directory: nothing prepended (an HTML
// page), no hidden local entry, no gap, no overlap (the "overlapping zip bomb"). A streaming reader that
// walks local headers then sees exactly the records this reader sees.
function checkTiling(view: DataView, entries: readonly Entry[], cdOffset: number): void {
  const sorted = [...entries].sort((a, b) => a.offset - b.offset);
  let expected = 0;
  for (const e of sorted) {
    if (e.offset !== expected)
      throw malformed(
        e.offset < expected
          ? `${e.name} overlaps the entry before it`
          : `${e.offset - expected} bytes before ${e.name} belong to no entry`,
      );
    expected = e.dataStart + e.compressed + descriptorLength(view, e, cdOffset);
  }
  if (expected !== cdOffset)
    throw malformed(`${cdOffset - expected} bytes before the central directory belong to no entry`);
}

// Flag bit 3: a data descriptor (CRC-32 and sizes, with or without its signature) follows the data;
// spreadsheet writers use it. It must repeat the directory's values.
function descriptorLength(view: DataView, e: Entry, cdOffset: number): number {
  if (!(e.flags & 8)) return 0;
  const at = e.dataStart + e.compressed;
  const u32 = (o: number) => view.getUint32(o, true);
  const base = at + 4 <= cdOffset && u32(at) === 0x08074b50 ? at + 4 : at;
  if (base + 12 > cdOffset || u32(base) !== e.crc || u32(base + 4) !== e.compressed || u32(base + 8) !== e.size) {
    throw malformed(`${e.name}: data descriptor differs from the central directory`);
  }
  return base - at + 12;
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
    if (e2 instanceof ZipRefusal) throw e2;
    throw malformed(`${e.name}: deflate data is damaged`);
  }
  if (produced !== e.size) throw malformed(`${e.name}: inflates to ${produced} bytes, declares ${e.size}`);
  return out;
}

/**
 * Checks the directory (names, declared sizes, limits, tiling) without unpacking anything: a verifier
 * reads the small signed statement first and unpacks the rest only once it has reason to.
 */
export function openZip(bytes: Bytes, limits: ZipLimits = ZIP_LIMITS): DirectoryResult {
  try {
    if (bytes.length < 22) throw malformed('too short to be a ZIP archive');
    const byName = new Map(readCentralDirectory(bytes, limits).map((e) => [e.name, e]));
    const read = (name: string): Bytes => {
      const e = byName.get(name);
      if (!e) throw malformed(`${name}: no such entry`);
      const data = bytes.subarray(e.dataStart, e.dataStart + e.compressed);
      const content = e.method === 0 ? data : inflateBounded(e, data);
      if (crc32(content) !== e.crc) throw malformed(`${e.name}: CRC-32 does not match`);
      return content;
    };
    return { ok: true, zip: { sizes: new Map([...byName].map(([n, e]) => [n, e.size])), read } };
  } catch (e) {
    if (e instanceof ZipRefusal) return { ok: false, reason: e.reason, detail: e.detail };
    throw e;
  }
}

/** Reads every entry, in central-directory order, or says why the archive is refused. */
export function readZip(bytes: Bytes, limits: ZipLimits = ZIP_LIMITS): ZipResult {
  const opened = openZip(bytes, limits);
  if (!opened.ok) return opened;
  try {
    const entries = new Map<string, Bytes>();
    for (const name of opened.zip.sizes.keys()) entries.set(name, opened.zip.read(name));
    return { ok: true, entries };
  } catch (e) {
    if (e instanceof ZipRefusal) return { ok: false, reason: e.reason, detail: e.detail };
    throw e;
  }
}
