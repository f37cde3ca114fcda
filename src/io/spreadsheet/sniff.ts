// What a file really is, from its first bytes: users rename files, and a picture named .xlsx must get a
// clear message rather than be read as a one-column "CSV" of binary noise.
export type FileKind = 'zip' | 'cfb' | 'text' | 'picture' | 'binary' | 'empty';

const starts = (b: Uint8Array, sig: readonly number[]): boolean => sig.every((x, i) => b[i] === x);

const PICTURES: readonly [string, readonly number[]][] = [
  ['PNG', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG', [0xff, 0xd8, 0xff]],
  ['GIF', [0x47, 0x49, 0x46, 0x38]],
  ['PDF', [0x25, 0x50, 0x44, 0x46]],
  ['WebP', [0x52, 0x49, 0x46, 0x46]],
  ['BMP', [0x42, 0x4d]],
  ['HEIC', [0, 0, 0]], // ISO media: size, then "ftyp"
];

export interface Sniffed {
  kind: FileKind;
  picture?: string;
}

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes.length === 0) return { kind: 'empty' };
  if (starts(bytes, [0x50, 0x4b, 0x03, 0x04]) || starts(bytes, [0x50, 0x4b, 0x05, 0x06])) return { kind: 'zip' };
  if (starts(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { kind: 'cfb' };
  for (const [name, sig] of PICTURES) {
    if (
      name === 'HEIC'
        ? starts(bytes, sig) && String.fromCharCode(...bytes.subarray(4, 8)) === 'ftyp'
        : starts(bytes, sig)
    ) {
      return { kind: 'picture', picture: name };
    }
  }
  return { kind: looksLikeText(bytes) ? 'text' : 'binary' };
}

// Text (any of our encodings) has no NUL bytes and few control characters, except UTF-16 with its BOM.
function looksLikeText(bytes: Uint8Array): boolean {
  if (starts(bytes, [0xff, 0xfe]) || starts(bytes, [0xfe, 0xff])) return true;
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  }
  return control <= n / 100;
}
