// What the QR scanner reads: still frames from a camera (a real one, or the fake in tests and demos).
export interface Frame {
  data: Uint8ClampedArray;
  width: number;
  height: number;
}

export interface FrameSource {
  /** The current picture; null while the camera is not ready yet. */
  frame(): Frame | null;
  /** Releases the camera (the light goes off). */
  stop(): void;
}

export type CameraProblem = 'no-camera' | 'denied';

export class CameraError extends Error {
  constructor(readonly code: CameraProblem) {
    super(code);
    this.name = 'CameraError';
  }
}
