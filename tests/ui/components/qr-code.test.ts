// The key's QR code: the SVG draws exactly the modules qrcode-generator makes for the key file's text
// (its own UTF-8 way, error correction M), with a quiet zone, and that text is a key file readKeyFile takes.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import qrcode from 'qrcode-generator';
import { toBase64 } from '../../../src/domain/bundle/bytes';
import { generateSigningKey } from '../../../src/domain/bundle/keys';
import { publicKeyFile, type PublicKeyFile } from '../../../src/domain/bundle/trust';
import { readKeyFile } from '../../../src/domain/district/key-file';
import QrCode from '../../../src/ui/components/QrCode.svelte';
import { qrMatrix, qrPayload } from '../../../src/ui/components/qr';

afterEach(() => cleanup());

async function keyFile(): Promise<PublicKeyFile> {
  const key = await generateSigningKey(false);
  return publicKeyFile({
    keyid: key.keyid,
    alg: 'ES256',
    spki: toBase64(key.spki),
    role: 'director',
    name: 'นางสมศรี ใจดีมากเป็นพิเศษ ผู้อำนวยการโรงเรียนบ้านหนองบัวแดง',
    school: '1050130001',
  });
}

/** The library's own matrix for the text, its bytes given as UTF-8 the documented way. */
function libraryMatrix(text: string): boolean[][] {
  const plain = qrcode.stringToBytes;
  qrcode.stringToBytes = (s: string) => [...new TextEncoder().encode(s)];
  try {
    const qr = qrcode(0, 'M');
    qr.addData(text);
    qr.make();
    const n = qr.getModuleCount();
    return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
  } finally {
    qrcode.stringToBytes = plain;
  }
}

/** Reads the SVG path back into modules (each run is `M x y h w v1 h-w z`, offset by the quiet zone). */
function svgMatrix(svg: SVGSVGElement): boolean[][] {
  const n = Number(svg.dataset.modules);
  const size = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
  const quiet = (size - n) / 2;
  const out = Array.from({ length: n }, () => Array<boolean>(n).fill(false));
  for (const m of svg
    .querySelector('path')!
    .getAttribute('d')!
    .matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    const [x, y, w] = [Number(m[1]) - quiet, Number(m[2]) - quiet, Number(m[3])];
    for (let i = 0; i < w; i++) out[y]![x + i] = true;
  }
  return out;
}

describe('QrCode', () => {
  it("draws the library's modules for the key file with a 4-module quiet zone, labelled, with the fingerprint", async () => {
    const file = await keyFile();
    render(QrCode, { file });
    const svg = screen.getByRole('img') as unknown as SVGSVGElement;
    const expected = libraryMatrix(qrPayload(file));
    expect(qrMatrix(qrPayload(file))).toEqual(expected);
    expect(svgMatrix(svg)).toEqual(expected);
    expect(svg.getAttribute('viewBox')).toBe(`0 0 ${expected.length + 8} ${expected.length + 8}`);
    expect(svg.getAttribute('aria-label')).toContain(file.fingerprint);
    expect(screen.getByTestId('key-qr-fingerprint')).toHaveTextContent(
      /^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/,
    );
    // A long Thai name still fits a version a phone reads easily (≤ 20: 97 modules).
    expect(expected.length).toBeLessThanOrEqual(97);
  });

  it('holds text that the key-file reader takes back as the same key', async () => {
    const file = await keyFile();
    const read = await readKeyFile(qrPayload(file));
    const { format: _f, fingerprint: _p, ...key } = file;
    expect(read).toEqual({ ok: true, keys: [key], kind: 'public-key', office: null });
  });
});
