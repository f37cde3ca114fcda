// A bathroom scale the app can read: one interface, a Web Bluetooth transport (web-bluetooth.ts) and a
// faithful fake behind it (fake/fake-scale.ts) for tests and demos.

export interface ScaleReading {
  /** Kilograms, as the scale sent them (0.005 kg or 0.01 lb resolution). */
  weightKg: number;
  /** The scale has settled: safe to put in the weight field. */
  stable: boolean;
}

export type ScaleErrorCode = 'unsupported' | 'no_adapter' | 'cancelled' | 'no_service' | 'failed';

export class ScaleError extends Error {
  constructor(
    readonly code: ScaleErrorCode,
    cause?: unknown,
  ) {
    super(code, { cause });
    this.name = 'ScaleError';
  }
}

export interface Scale {
  /** The device's name once connected. */
  readonly name: string | null;
  /** Asks the user to choose a scale (the browser's own chooser) and starts listening. */
  connect(): Promise<void>;
  disconnect(): void;
  /** Calls back with every reading; returns the function that stops listening. */
  onReading(listener: (reading: ScaleReading) => void): () => void;
  onDisconnect(listener: () => void): () => void;
}
