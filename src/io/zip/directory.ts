// Reads a ZIP's central directory without unpacking anything, and the first bytes of one entry. The
// spreadsheet reader uses it to learn a sheet's size (its <dimension>) before SheetJS parses the whole
// sheet: a file of 200,000 rows is refused in milliseconds instead of after a minute on a tablet.
import { Inflate } from 'fflate';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number): number => (u16(b, o) | (u16(b, o + 2) << 16)) >>> 0;

/** The entries, or null when the end-of-directory record is missing (a truncated download). */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const min = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= min; i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  const entries: ZipEntry[] = [];
  const names = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || u32(bytes, at) !== 0x02014b50) return null;
    const nameLength = u16(bytes, at + 28);
    const skip = nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    entries.push({
      name: names.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: u16(bytes, at + 10),
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localOffset: u32(bytes, at + 42),
    });
    at += 46 + skip;
  }
  return entries;
}

/** Up to `max` bytes from the start of an entry (stored or deflated), or null if it cannot be read. */
export function entryHead(bytes: Uint8Array, entry: ZipEntry, max = 4096): Uint8Array | null {
  const at = entry.localOffset;
  if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50) return null;
  const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
  const data = bytes.subarray(start, Math.min(bytes.length, start + entry.compressedSize));
  if (entry.method === 0) return data.subarray(0, max);
  if (entry.method !== 8) return null;
  const out: Uint8Array[] = [];
  let length = 0;
  const inflate = new Inflate((chunk) => {
    out.push(chunk);
    length += chunk.length;
  });
  try {
    // Feed small slices until enough text came out; the rest of the entry is never inflated.
    for (let o = 0; o < data.length && length < max; o += 8192) inflate.push(data.subarray(o, o + 8192), false);
  } catch {
    return null;
  }
  const head = new Uint8Array(length);
  let o = 0;
  for (const c of out) {
    head.set(c, o);
    o += c.length;
  }
  return head.subarray(0, max);
}
