import { describe, expect, it } from 'vitest';
import { jsQrDecoder } from '../../../src/devices/camera/decode';
import { FakeCamera } from '../../../src/devices/camera/fake/fake-camera';
import { CameraError } from '../../../src/devices/camera/frames';
import { scanQr } from '../../../src/devices/camera/scan';
import { toBase64 } from '../../../src/domain/bundle/bytes';
import { fingerprintOf, generateSigningKey } from '../../../src/domain/bundle/keys';
import { publicKeyFile } from '../../../src/domain/bundle/trust';
import { readKeyFile } from '../../../src/domain/district/key-file';
import { qrMatrix, qrPayload } from '../../../src/ui/components/qr';

describe('scanning the district key QR code with the camera', () => {
  it('reads the key file the district shows (Thai name and all) and gives the fingerprint to compare', async () => {
    const key = await generateSigningKey(true);
    const file = publicKeyFile({
      keyid: key.keyid,
      alg: 'ES256',
      spki: toBase64(key.spki),
      role: 'district',
      name: 'สพป.เชียงใหม่ เขต 1',
      school: null,
    });
    const camera = new FakeCamera({ modules: qrMatrix(qrPayload(file)) });
    const text = await scanQr(camera, await jsQrDecoder(), { signal: new AbortController().signal, everyMs: 1 });
    expect(text).toBe(qrPayload(file));
    const read = await readKeyFile(text!);
    expect(read).toMatchObject({
      ok: true,
      kind: 'public-key',
      keys: [{ keyid: key.keyid, role: 'district', name: 'สพป.เชียงใหม่ เขต 1', school: null }],
    });
    expect(fingerprintOf(key.keyid)).toBe(file.fingerprint);
    expect(camera.stopped).toBe(true);
  });

  it('reports a QR code that is not wanted and goes on until the user stops; the camera is released', async () => {
    const camera = new FakeCamera({ modules: qrMatrix('https://example.org/not-a-key') });
    const stop = new AbortController();
    const others: string[] = [];
    const text = await scanQr(camera, await jsQrDecoder(), {
      signal: stop.signal,
      everyMs: 1,
      accept: (t) => t.startsWith('{'),
      onOther: (t) => {
        others.push(t);
        stop.abort();
      },
    });
    expect(text).toBeNull();
    expect(others).toEqual(['https://example.org/not-a-key']);
    expect(camera.stopped).toBe(true);
  });

  it('a device without a camera, or a refused one, says which', () => {
    expect(() => new FakeCamera({ modules: null, problem: 'denied' })).toThrow(CameraError);
    expect(() => new FakeCamera({ modules: null, problem: 'no-camera' })).toThrow(
      expect.objectContaining({ code: 'no-camera' }),
    );
  });
});
