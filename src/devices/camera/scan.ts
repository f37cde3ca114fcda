// Scanning: read frames until one holds a QR code whose text `accept` takes, or the user stops.
import type { QrDecoder } from './decode';
import type { FrameSource } from './frames';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The first decoded text that `accept` takes (a key file, say); other QR codes are reported through
 * `onOther` and scanning goes on. Null when stopped. The camera is released either way.
 */
export async function scanQr(
  source: FrameSource,
  decode: QrDecoder,
  opts: { signal: AbortSignal; accept?: (text: string) => boolean; onOther?: (text: string) => void; everyMs?: number },
): Promise<string | null> {
  try {
    while (!opts.signal.aborted) {
      const frame = source.frame();
      const text = frame ? await decode(frame) : null;
      if (text !== null) {
        if (!opts.accept || opts.accept(text)) return text;
        opts.onOther?.(text);
      }
      await pause(opts.everyMs ?? 150);
    }
    return null;
  } finally {
    source.stop();
  }
}
