// window.__tabianFakeCamera: loaded only in a build with fakes and only when the hook is set.
import { jsQrDecoder } from '../decode';
import { FakeCamera, type FakeCameraOptions } from './fake-camera';

export async function openFakeCamera(hook: FakeCameraOptions) {
  // Always the pure-JS decoder, so a test exercises the fallback every browser without BarcodeDetector uses.
  return { source: new FakeCamera(hook), decode: await jsQrDecoder() };
}
