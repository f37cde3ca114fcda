// The QR code of a public key file (QrCode.svelte draws it): its text, its modules and their SVG path.
import qrcode from 'qrcode-generator';
import type { PublicKeyFile } from '../../domain/bundle/trust';

/** What the code holds: the public key file as compact JSON, the same text readKeyFile takes. */
export const qrPayload = (file: PublicKeyFile): string => JSON.stringify(file);

/** The dark modules, row by row, with error correction M and the smallest version that fits (UTF-8 bytes). */
export function qrMatrix(text: string): boolean[][] {
  const qr = qrcode(0, 'M');
  // Byte mode: one char per UTF-8 byte, so the library's default (charCode & 0xff) writes the exact bytes.
  qr.addData(String.fromCharCode(...new TextEncoder().encode(text)), 'Byte');
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** One path of unit squares, merged along each row, for an SVG whose unit is one module. */
export function qrPath(matrix: readonly (readonly boolean[])[], quiet: number): string {
  let d = '';
  matrix.forEach((row, r) => {
    for (let c = 0; c < row.length; c++) {
      if (!row[c]) continue;
      let w = 1;
      while (row[c + w]) w++;
      d += `M${c + quiet} ${r + quiet}h${w}v1h-${w}z`;
      c += w - 1;
    }
  });
  return d;
}
