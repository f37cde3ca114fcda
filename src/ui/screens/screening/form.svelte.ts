// One screening being filled on a phone: one section a screen, every change saved a moment later (and at
// once when the phone goes to sleep or the teacher moves on), and the form's own facts computed live.
import { assessScreening, incomeOf } from '../../../domain/screening/assess';
import type { Screening } from '../../../domain/screening/schema';
import type { Student } from '../../../domain/student/schema';
import type { MessageKey } from '../../i18n/th';
import { problemKey } from '../../services/errors';

export const SECTIONS = [
  'student',
  'members',
  'household',
  'institution',
  'travel',
  'address',
  'photos',
  'sign',
  'result',
] as const;
export type Section = (typeof SECTIONS)[number];

export interface FormPorts {
  save(s: Screening): Promise<Screening>;
}

/** A pause this long after the last keystroke saves; leaving a field or the page saves at once. */
export const AUTOSAVE_MS = 700;

export class ScreeningFormState {
  draft: Screening = $state() as Screening;
  section = $state<Section>('student');
  saving = $state(false);
  /** Whether everything typed is stored. */
  saved = $state(true);
  problem = $state<MessageKey | null>(null);
  readonly assessment = $derived(assessScreening(this.draft));
  readonly income = $derived(incomeOf(this.draft.members));
  /** The institution section only when the student lives in an institutional household (code 05). */
  readonly sections = $derived(SECTIONS.filter((s) => s !== 'institution' || this.draft.student.livesWith === '05'));
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> = Promise.resolve();

  constructor(
    initial: Screening,
    readonly student: Student,
    private readonly ports: FormPorts,
  ) {
    this.draft = initial;
  }

  get index(): number {
    return this.sections.indexOf(this.section);
  }

  go(section: Section): void {
    void this.flush();
    this.section = section;
  }

  next(): void {
    const n = this.sections[this.index + 1];
    if (n) this.go(n);
  }

  back(): void {
    const p = this.sections[this.index - 1];
    if (p) this.go(p);
  }

  /** Something in the draft changed: save shortly. */
  changed(): void {
    this.saved = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), AUTOSAVE_MS);
  }

  /** Saves now if anything is unsaved; saves run one after another, the last state wins. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (this.saved) return this.running;
    this.saved = true;
    const snapshot = $state.snapshot(this.draft) as Screening;
    this.running = this.running.then(async () => {
      this.saving = true;
      try {
        await this.ports.save(snapshot);
        this.problem = null;
      } catch (e) {
        this.saved = false;
        this.problem = problemKey(e);
      } finally {
        this.saving = false;
      }
    });
    return this.running;
  }
}
