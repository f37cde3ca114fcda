// A camera for tests and demos that "sees" a QR code: its modules drawn black on white, 4 px a module with
// the 4-module quiet zone, as a phone would photograph a printed code. Never loaded unless the hook is set.
import { CameraError, type Frame, type FrameSource } from '../frames';

export interface FakeCameraOptions {
  /** The QR code in view, module by module (true = dark); null: the camera sees nothing readable. */
  modules: readonly (readonly boolean[])[] | null;
  /** No camera on this device, or the user refused it. */
  problem?: 'no-camera' | 'denied';
}

export function qrFrame(modules: readonly (readonly boolean[])[], scale = 4, quiet = 4): Frame {
  const side = (modules.length + 2 * quiet) * scale;
  const data = new Uint8ClampedArray(side * side * 4).fill(255);
  modules.forEach((row, r) =>
    row.forEach((dark, c) => {
      if (!dark) return;
      for (let y = 0; y < scale; y++) {
        for (let x = 0; x < scale; x++) {
          const i = (((r + quiet) * scale + y) * side + (c + quiet) * scale + x) * 4;
          data[i] = data[i + 1] = data[i + 2] = 0;
        }
      }
    }),
  );
  return { data, width: side, height: side };
}

export class FakeCamera implements FrameSource {
  stopped = false;
  private readonly picture: Frame;
  constructor(private readonly opts: FakeCameraOptions) {
    if (opts.problem) throw new CameraError(opts.problem);
    this.picture = opts.modules
      ? qrFrame(opts.modules)
      : { data: new Uint8ClampedArray(64 * 64 * 4).fill(255), width: 64, height: 64 };
  }
  frame(): Frame | null {
    return this.stopped ? null : this.picture;
  }
  stop(): void {
    this.stopped = true;
  }
}
