// The technology form's state (technology/1 as of a date): the draft, the record last saved, and the save.
import { computerTotals, type Technology } from '../../../domain/staff/technology';
import { Task } from '../../state/task.svelte';

export interface TechnologyPorts {
  load: (asOf: string) => Promise<{ record: Technology; carried: string | null }>;
  save: (record: Technology) => Promise<Technology>;
}

export const PURPOSES = ['teaching', 'administration'] as const;

/** An emptied count box means none; an emptied speed or cost stays unknown (null). */
export function zeroed(d: Technology): Technology {
  const zero = (n: number | null | undefined): number => n ?? 0;
  const pair = (x: { working: number; broken: number }) => ({ working: zero(x.working), broken: zero(x.broken) });
  const computers = Object.fromEntries(
    PURPOSES.map((p) => [p, { obec: pair(d.computers[p].obec), own: pair(d.computers[p].own) }]),
  ) as Technology['computers'];
  const connections = d.connections.map((c) => ({ ...c, monthlyBaht: c.moenet ? null : c.monthlyBaht }));
  return { ...d, computers, tablets: pair(d.tablets), wifiPoints: zero(d.wifiPoints), connections };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export class TechnologyForm {
  draft = $state<Technology | null>(null);
  /** The date of the earlier record the draft was carried from, when there is none on this date. */
  carried = $state<string | null>(null);
  readonly task = new Task();
  // What the last save stored; "saved" is said only while the draft still holds exactly that.
  private stored = $state<Technology | null>(null);

  readonly totals = $derived(this.draft ? computerTotals(this.draft) : null);
  readonly saved = $derived(
    this.stored !== null && this.draft !== null && same($state.snapshot(this.draft), this.stored),
  );

  constructor(private readonly ports: TechnologyPorts) {}

  async load(asOf: string): Promise<void> {
    this.stored = null;
    await this.task.run(async () => {
      const r = await this.ports.load(asOf);
      this.draft = r.record;
      this.carried = r.carried;
    });
  }

  async save(): Promise<void> {
    if (!this.draft) return;
    // Plain copies: IndexedDB cannot store the screen's reactive proxies.
    const record = zeroed($state.snapshot(this.draft) as Technology);
    await this.task.run(async () => {
      const r = await this.ports.save(record);
      this.draft = r;
      this.carried = null;
      this.stored = structuredClone(r);
    });
  }
}
