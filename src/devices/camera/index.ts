// The browser's camera for scanning a QR code. Whether a fake stands in is decided in ../environment.ts.
import type { FrameSource } from './frames';
import { qrDecoder, type QrDecoder } from './decode';

export { CameraError, type CameraProblem } from './frames';
export { scanQr } from './scan';

export const browserCameraPossible = (): boolean =>
  typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function';

export async function openBrowserCamera(video: HTMLVideoElement): Promise<{ source: FrameSource; decode: QrDecoder }> {
  const { openWebCamera } = await import('./web-camera');
  const source = await openWebCamera(video);
  return { source, decode: await qrDecoder() };
}
