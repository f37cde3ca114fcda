// Hostile input for the security tests, made in the test (deterministic) rather than committed as binaries.
import { deflateSync, strToU8, zipSync } from 'fflate';
import { utf8, type Bytes } from '../../src/domain/bundle/bytes';
import { crc32 } from '../../src/domain/bundle/crc32';
import { assembleZip, type RawZipEntry } from '../../src/domain/bundle/zip-write';

/** Text that must only ever be shown as text, and cells that must never become formulas. */
export const HOSTILE_TEXT = [
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '{@html "<b>x</b>"}',
  '\u202Eevil\u202C', // right-to-left override
  '=HYPERLINK("http://evil","x")',
  "+cmd|' /C calc'!A0",
  '-2+3',
  '@SUM(1,1)',
  '\t=1+1',
  '\r=1+1',
] as const;

export const POLLUTING_JSON = '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}';

/** Nothing that parsed hostile input may have changed Object.prototype. */
export const polluted = (): unknown =>
  (({}) as Record<string, unknown>).polluted ?? (Object.prototype as Record<string, unknown>).polluted;

export const deepJson = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

/** An entry written exactly as given, with a declared size that may lie. */
export function rawEntry(
  name: string | Uint8Array,
  data: Uint8Array,
  opts: { deflate?: boolean; size?: number } = {},
): RawZipEntry {
  const compressed = opts.deflate === false ? data : deflateSync(data, { level: 9 });
  return {
    name: typeof name === 'string' ? utf8(name) : name,
    method: opts.deflate === false ? 0 : 8,
    crc: crc32(data),
    compressed: compressed as Bytes,
    size: opts.size ?? data.length,
  };
}

export const zipOf = (entries: readonly RawZipEntry[]): Bytes => assembleZip(entries);

/** 64 MiB of zeros deflated to about 64 KB: a zip bomb that declares its true size. */
export const bombData = (mib = 64): Uint8Array => new Uint8Array(mib * 1024 * 1024);

/** Deterministic pseudo-random bytes (xorshift), so a failing case can be rebuilt. */
export function noise(n: number, seed = 1): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** Time a promise; the tests' bound is generous so that slow CI machines pass, but no hang does. */
export async function timed<T>(work: () => Promise<T> | T): Promise<{ value: T; ms: number }> {
  const start = performance.now();
  const value = await work();
  return { value, ms: performance.now() - start };
}

export const NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';

/** An ODS file whose one table is `rows` made of the XML given (as LibreOffice would write it). */
export function ods(rows: string): Uint8Array {
  const content = `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="1.2"><office:body><office:spreadsheet><table:table table:name="S">${rows}</table:table></office:spreadsheet></office:body></office:document-content>`;
  const manifest =
    '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>';
  return zipSync(
    {
      mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
      'content.xml': strToU8(content),
      'META-INF/manifest.xml': strToU8(manifest),
      'styles.xml': strToU8(`<?xml version="1.0"?><office:document-styles ${NS}/>`),
    },
    { level: 9 },
  );
}
export const cell = (text: string, repeat = 1) =>
  `<table:table-cell table:number-columns-repeated="${repeat}" office:value-type="string"><text:p>${text}</text:p></table:table-cell>`;
export const row = (cells: string, repeat = 1) =>
  `<table:table-row table:number-rows-repeated="${repeat}">${cells}</table:table-row>`;
/** The review's attack: about 1 KB that SheetJS would expand to 16 billion cells. */
export const BOMB_ODS = ods(row(cell('x', 16_384), 1_000_000));
