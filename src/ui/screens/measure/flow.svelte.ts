// One class on measurement day: who is next, what is being typed, the "are you sure?" question, absences.
// Each value is handed to `save` the moment it is accepted; saves run one after another in order.
import type { KeypadKey } from '../../components/growth/keypad';
import { assessGrowth, type GrowthResult } from '../../../domain/growth/assess';
import type { GrowthReferences } from '../../../domain/growth/tables';
import type { MeasureSession } from '../../../domain/measure/measurement';
import { plausibilityChecks, type PlausibilityCode } from '../../../domain/measure/plausibility';
import type { RosterEntry } from '../../services/measure.service';

export type Field = 'weight' | 'height';
export interface Asking {
  field: Field;
  value: number;
  codes: PlausibilityCode[];
}

export interface FlowPorts {
  save(session: MeasureSession, studentId: string, weightKg: number | null, heightCm: number | null): Promise<void>;
  absent(session: MeasureSession, studentId: string, absent: boolean): Promise<unknown>;
}

/** The name of the user-timing entry for tap → stored (read by the end-to-end test). */
export const SAVE_TIMING = 'tabian.measure.save';

const isDone = (e: RosterEntry): boolean => e.weightKg !== null && e.heightCm !== null;

function timed(start: number): void {
  try {
    performance.measure(SAVE_TIMING, { start, end: performance.now() });
  } catch {
    // Timing is for measuring the app, never a reason to fail a save.
  }
}

export class MeasureFlow {
  entries = $state<RosterEntry[]>([]);
  absent = $state<string[]>([]);
  index = $state(0);
  field = $state<Field>('weight');
  text = $state('');
  asking = $state<Asking | null>(null);
  phase = $state<'entry' | 'summary'>('entry');
  /** Going round the students marked absent, at the end. */
  absentPass = $state(false);
  lastSaved = $state<RosterEntry | null>(null);
  failure = $state<unknown>(null);
  private queue: Promise<void> = Promise.resolve();
  /** Saves and absences handed to the queue and not yet settled. */
  private pending = 0;

  constructor(
    readonly session: MeasureSession,
    entries: RosterEntry[],
    private readonly refs: GrowthReferences,
    private readonly ports: FlowPorts,
  ) {
    this.entries = entries;
    this.absent = [...session.absent];
    const first = this.entries.findIndex((e) => !isDone(e) && !this.isAbsent(e));
    if (first < 0) this.phase = 'summary';
    else this.goTo(first);
  }

  get current(): RosterEntry | null {
    return this.phase === 'entry' ? (this.entries[this.index] ?? null) : null;
  }
  isAbsent = (e: RosterEntry): boolean => this.absent.includes(e.student.id) && !isDone(e);
  get doneCount(): number {
    return this.entries.filter(isDone).length;
  }
  get absentCount(): number {
    return this.entries.filter(this.isAbsent).length;
  }

  goTo(i: number): void {
    const e = this.entries[i];
    if (!e) return;
    this.phase = 'entry';
    this.index = i;
    this.asking = null;
    this.text = '';
    this.field = e.weightKg !== null && e.heightCm === null ? 'height' : 'weight';
  }

  /** Tapping a field to correct it. */
  select(field: Field): void {
    if (!this.current) return;
    this.asking = null;
    this.text = '';
    this.field = field;
  }

  /** The growth status of an entry, from the WHO references; null without sex, birth date or values. */
  resultOf(e: RosterEntry): GrowthResult | null {
    const s = e.student;
    if (!s.sex || !s.birthDate || s.birthDate > this.session.date || e.weightKg === null || e.heightCm === null)
      return null;
    return assessGrowth(
      { sex: s.sex, birthDate: s.birthDate, measuredOn: this.session.date, weightKg: e.weightKg, heightCm: e.heightCm },
      this.refs,
    );
  }

  key(k: KeypadKey): void {
    if (this.asking || !this.current) return;
    if (k === 'ok') return this.commit();
    if (k === 'delete') {
      if (this.text) this.text = this.text.slice(0, -1);
      else if (this.field === 'height') this.field = 'weight';
      return;
    }
    if (k === '.') {
      if (!this.text.includes('.')) this.text = (this.text || '0') + '.';
      return;
    }
    const [whole = '', decimals] = this.text.split('.');
    if (decimals !== undefined ? decimals.length >= 1 : whole.length >= 3) return;
    this.text = whole === '0' && decimals === undefined ? k : this.text + k;
    // One decimal is all a scale or a tape gives: the value is complete.
    if (/\.\d$/.test(this.text)) this.commit();
  }

  /** A value from the Bluetooth scale, to the field's one decimal. */
  fromScale(weightKg: number): void {
    if (this.asking || !this.current || this.field !== 'weight') return;
    this.text = (Math.round(weightKg * 10) / 10).toFixed(1);
    this.commit();
  }

  commit(): void {
    const e = this.current;
    if (!e) return;
    const existing = this.field === 'weight' ? e.weightKg : e.heightCm;
    const value = this.text === '' ? existing : Number(this.text);
    if (value === null || !(value > 0)) {
      this.text = '';
      return;
    }
    if (value === existing) return this.accept(this.field, value);
    const codes = plausibilityChecks(
      {
        sex: e.student.sex,
        birthDate: e.student.birthDate,
        measuredOn: this.session.date,
        weightKg: this.field === 'weight' ? value : e.weightKg,
        heightCm: this.field === 'height' ? value : null,
        previous: e.previous,
      },
      this.field,
      this.refs,
    );
    if (codes.length > 0) this.asking = { field: this.field, value, codes };
    else this.accept(this.field, value);
  }

  confirm(): void {
    if (this.asking) this.accept(this.asking.field, this.asking.value);
  }

  fix(): void {
    this.asking = null;
    this.text = '';
  }

  private accept(field: Field, value: number): void {
    const e = this.current!;
    this.asking = null;
    this.text = '';
    const changed = (field === 'weight' ? e.weightKg : e.heightCm) !== value;
    if (field === 'weight') e.weightKg = value;
    else e.heightCm = value;
    if (changed) this.persist(e);
    if (field === 'weight') {
      this.field = 'height';
      return;
    }
    this.lastSaved = e;
    this.next();
  }

  private persist(e: RosterEntry): void {
    const tapped = performance.now();
    const [id, w, h] = [e.student.id, e.weightKg, e.heightCm];
    if (this.absent.includes(id)) this.absent = this.absent.filter((a) => a !== id);
    // With nothing waiting, the save starts now, before the screen moves on: its transaction's reads run
    // while the next value renders instead of after it (issue 24). Otherwise it waits its turn as before.
    const started = this.pending === 0 ? this.start(() => this.ports.save(this.session, id, w, h)) : null;
    this.pending++;
    this.queue = this.queue
      .then(() => started ?? this.ports.save(this.session, id, w, h))
      .then(() => {
        timed(tapped);
        this.failure = null;
      })
      .catch((error: unknown) => {
        this.failure = error;
      })
      .finally(() => this.pending--);
  }

  /** A save begun outside the queue; a port that throws at once fails like one that rejects. */
  private start(save: () => Promise<void>): Promise<void> {
    try {
      return save();
    } catch (error) {
      return Promise.reject(error);
    }
  }

  markAbsent(): void {
    const e = this.current;
    if (!e) return;
    if (!this.absent.includes(e.student.id)) {
      this.absent = [...this.absent, e.student.id];
      const id = e.student.id;
      this.pending++;
      this.queue = this.queue
        .then(() => this.ports.absent(this.session, id, true))
        .then(
          () => undefined,
          (error: unknown) => {
            this.failure = error;
          },
        )
        .finally(() => this.pending--);
    }
    this.next();
  }

  /** The next student still to do after the current one; absent students only once the rest are done. */
  private next(): void {
    const todo = (e: RosterEntry) => !isDone(e) && (this.absentPass ? this.isAbsent(e) : !this.isAbsent(e));
    const after = this.entries.findIndex((e, i) => i > this.index && todo(e));
    const wrapped = after >= 0 ? after : this.absentPass ? -1 : this.entries.findIndex(todo);
    if (wrapped >= 0 && wrapped !== this.index) return this.goTo(wrapped);
    this.phase = 'summary';
    this.absentPass = false;
  }

  back(): void {
    if (this.phase === 'summary') return this.goTo(this.entries.length - 1);
    if (this.index > 0) this.goTo(this.index - 1);
  }

  /** Comes back to the students marked absent. */
  measureAbsent(): void {
    const first = this.entries.findIndex(this.isAbsent);
    if (first < 0) return;
    this.absentPass = true;
    this.goTo(first);
  }

  /** Resolves once every save so far has finished (tests, and before leaving the screen). */
  settled(): Promise<void> {
    return this.queue;
  }
}
