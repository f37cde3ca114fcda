// Reading a QR code from a frame: the browser's BarcodeDetector where it exists (Android, ChromeOS, macOS),
// else jsQR (a small pure-JS decoder, loaded only when needed). Either way the text is the code's bytes
// read as UTF-8, which is how the app writes key QR codes (src/ui/components/qr.ts).
import type { Frame } from './frames';

export type QrDecoder = (frame: Frame) => Promise<string | null>;

interface DetectorLike {
  detect(image: ImageData): Promise<{ rawValue: string }[]>;
}
type DetectorCtor = { new (opts: { formats: string[] }): DetectorLike; getSupportedFormats?(): Promise<string[]> };

async function barcodeDetector(): Promise<QrDecoder | null> {
  const Ctor = (globalThis as { BarcodeDetector?: DetectorCtor }).BarcodeDetector;
  if (!Ctor || typeof ImageData === 'undefined') return null;
  try {
    const formats = (await Ctor.getSupportedFormats?.()) ?? ['qr_code'];
    if (!formats.includes('qr_code')) return null;
    const detector = new Ctor({ formats: ['qr_code'] });
    return async (f) => {
      const found = await detector.detect(new ImageData(f.data as Uint8ClampedArray<ArrayBuffer>, f.width, f.height));
      return found[0]?.rawValue ?? null;
    };
  } catch {
    return null;
  }
}

export async function jsQrDecoder(): Promise<QrDecoder> {
  const jsQR = (await import('jsqr')).default;
  return async (f) => {
    const code = jsQR(f.data, f.width, f.height, { inversionAttempts: 'attemptBoth' });
    return code ? new TextDecoder().decode(new Uint8Array(code.binaryData)) : null;
  };
}

/** The best decoder this browser has. */
export async function qrDecoder(): Promise<QrDecoder> {
  return (await barcodeDetector()) ?? jsQrDecoder();
}
