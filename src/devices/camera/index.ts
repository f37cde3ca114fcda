// The camera for scanning a QR code: the real one, or window.__tabianFakeCamera (tests and demos; the fake
// module is loaded only when the hook is set, so it stays out of the app's own chunks).
import type { FakeCameraOptions } from './fake/fake-camera';
import type { FrameSource } from './frames';
import { qrDecoder, jsQrDecoder, type QrDecoder } from './decode';

declare global {
  var __tabianFakeCamera: FakeCameraOptions | undefined;
}

export { CameraError, type CameraProblem } from './frames';
export { scanQr } from './scan';

/** Whether the page may try a camera at all (the scan button is hidden otherwise). */
export const cameraPossible = (): boolean =>
  !!globalThis.__tabianFakeCamera || (typeof navigator !== 'undefined' && typeof navigator.mediaDevices?.getUserMedia === 'function');

/** Opens the camera into `video`; throws CameraError when there is none or it is refused. */
export async function openCamera(video: HTMLVideoElement): Promise<{ source: FrameSource; decode: QrDecoder }> {
  const hook = globalThis.__tabianFakeCamera;
  if (hook) {
    const { FakeCamera } = await import('./fake/fake-camera');
    // Always the pure-JS decoder, so a test exercises the fallback every browser without BarcodeDetector uses.
    return { source: new FakeCamera(hook), decode: await jsQrDecoder() };
  }
  const { openWebCamera } = await import('./web-camera');
  const source = await openWebCamera(video);
  return { source, decode: await qrDecoder() };
}
