// The scale button's state: whether a scale can be reached, connecting, the live reading, what went wrong.
// A stable reading is handed to `onweight`; the scale is kept for the next connect once opened.
import {
  openScaleHere,
  scaleErrorCode,
  scaleSupportHere,
  type Scale,
  type ScaleErrorCode,
  type ScaleSupport,
} from '../../services/scale.service';

export interface ScalePorts {
  support(): Promise<ScaleSupport>;
  open(): Promise<Scale>;
}

export class ScaleLink {
  support = $state<ScaleSupport | null>(null);
  phase = $state<'idle' | 'connecting' | 'connected'>('idle');
  live = $state<number | null>(null);
  problem = $state<ScaleErrorCode | 'disconnected' | null>(null);
  name = $state('');
  private scale: Scale | null = null;

  constructor(
    private readonly onweight: (kg: number) => void,
    private readonly ports: ScalePorts = { support: scaleSupportHere, open: openScaleHere },
  ) {}

  async check(): Promise<void> {
    this.support = await this.ports.support();
  }

  async connect(): Promise<void> {
    this.problem = null;
    if (this.support === 'unsupported') {
      this.problem = 'unsupported';
      return;
    }
    this.phase = 'connecting';
    try {
      this.scale ??= await this.ports.open();
      const scale = this.scale;
      await scale.connect();
      this.name = scale.name ?? '';
      scale.onReading((r) => {
        this.live = r.weightKg;
        if (r.stable) this.onweight(r.weightKg);
      });
      scale.onDisconnect(() => {
        this.phase = 'idle';
        this.problem = 'disconnected';
      });
      this.phase = 'connected';
    } catch (e) {
      this.phase = 'idle';
      this.problem = scaleErrorCode(e);
    }
  }

  disconnect(): void {
    this.scale?.disconnect();
    this.phase = 'idle';
    this.live = null;
  }

  /** The screen is leaving: let go of the scale without changing what it shows. */
  close(): void {
    this.scale?.disconnect();
  }
}
