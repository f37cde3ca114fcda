// When a reading is final. The GATT Weight Scale profile indicates Weight Measurement only when a
// measurement is complete, so a characteristic that indicates (and does not notify) gives final values.
// Scales that stream values as notifications while the number settles are read as stable once the same
// value, to the field's 0.1 kg, arrives twice in a row. Either way a settled value is reported once, and
// again only after the weight changes (the next child steps on).

export type StabilityMode = 'final' | 'repeat';

const tenth = (kg: number): number => Math.round(kg * 10);

export class StableReadings {
  private last: number | null = null;
  private reported: number | null = null;

  constructor(private readonly mode: StabilityMode) {}

  /** Feeds a value; true when it is a settled value not reported yet. */
  push(weightKg: number | null): boolean {
    if (weightKg === null || weightKg <= 0) {
      this.last = null;
      this.reported = null;
      return false;
    }
    const v = tenth(weightKg);
    const settled = this.mode === 'final' || v === this.last;
    this.last = v;
    if (!settled || (this.mode === 'repeat' && v === this.reported)) return false;
    this.reported = v;
    return true;
  }
}
