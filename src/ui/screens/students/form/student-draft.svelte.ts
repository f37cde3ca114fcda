// The student form's state: the draft and what is stored, what the user has touched, problems, the duplicate
// hint, who may edit, and the save. The component renders and binds; the ports reach the services.
import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import type { AreaIndex } from '../../../../domain/areas/areas';
import { needsIdOverride, settleIdentity } from '../../../../domain/student/id-entry';
import { studentSchema, type Student } from '../../../../domain/student/schema';
import { renamedFrom, tidyStudent } from '../../../../domain/student/tidy';
import { settleUnmatched } from '../../../../domain/student/unmatched';
import type { Finding } from '../../../../domain/validation/catalogue';
import { validateStudent } from '../../../../domain/validation/student';
import { i18n, t } from '../../../i18n/i18n.svelte';
import type { MessageKey } from '../../../i18n/th';
import { Task } from '../../../state/task.svelte';
import { duplicatesOf, pairedIds } from './duplicates';
import type { StudentFormContext } from './form-context';
import { tabOfField, type FormTab } from './tabs';

export interface DraftPorts {
  save(record: Student, note: string | null): Promise<unknown>;
  /** The rest of the school and the pairs marked "not the same child", for the duplicate hint. */
  others(): Promise<{ students: Student[]; dismissed: ReadonlySet<string> }>;
  /** Whether the signed-in user may edit a record of this class (read reactively). */
  mayEdit(grade: Student['grade'], room: string): boolean;
  signedIn(): boolean;
  /** Shows a field: its tab is already chosen; the port scrolls to it and focuses it. */
  reveal(path: string): Promise<void> | void;
  today: string;
}

const DUPLICATE_FIELDS: ReadonlySet<string> = new Set(['idNo', 'firstName', 'lastName', 'birthDate', 'sex']);
const NO_PAIRS: ReadonlySet<string> = new Set<string>();
const plain = (s: Student): Student => $state.snapshot(s) as Student;

export class StudentDraft implements StudentFormContext {
  private readonly ports: DraftPorts;
  // The form edits a copy; `stored` is what the database holds (null until a new record is first saved).
  draft = $state<Student>() as Student;
  stored = $state<Student | null>(null);
  private baseline = $state('');
  readonly dirty = $derived(JSON.stringify(this.draft) !== this.baseline);

  private readonly touched = new SvelteSet<string>();
  private readonly bad = new SvelteMap<string, MessageKey>();
  private submitted = $state(false);
  // A stored record opened to be fixed shows all its problems at once; a new one as the user goes.
  private readonly showAll: boolean;
  tab = $state<FormTab>('identity');
  /** The save: busy while it runs, and why it failed when storage refused it. */
  readonly task = new Task();
  /** Why the draft was not sent to be saved (input to fix, not the user's class, an ID needing a reason). */
  problem = $state<MessageKey | null>(null);
  outcome = $state<'ok' | 'findings' | null>(null);
  renameNote = $state('');
  historyVersion = $state(0);
  areas = $state<AreaIndex | null>(null);
  paired = $state<Student[]>([]);
  private duplicates = $state<Finding[]>([]);
  private others: Student[] = [];
  private dismissed: ReadonlySet<string> = NO_PAIRS;

  private readonly areaExists = $derived.by(() => {
    const a = this.areas;
    return a ? (code: number) => !!(a.province(code) ?? a.district(code) ?? a.subdistrict(code)) : undefined;
  });
  readonly findings = $derived.by(() => [
    ...validateStudent(this.draft, { asOf: this.ports.today, areaExists: this.areaExists }),
    ...this.duplicates,
  ]);
  readonly errorCount = $derived(this.findings.filter((f) => f.severity === 'error').length);
  readonly canEdit = $derived.by(() =>
    this.stored ? this.ports.mayEdit(this.stored.grade, this.stored.room) : this.ports.signedIn(),
  );

  readonly renamedFrom = $derived(renamedFrom(this.stored, this.draft));
  /** How many problems each tab shows now. */
  /** The sentence under the form: the draft's own problem, else the failed save's. */
  readonly message = $derived(this.problem ? t(this.problem) : this.task.problem);
  readonly badges = $derived.by(() => {
    const counts: Partial<Record<FormTab, number>> = {};
    const shown = this.showAll || this.submitted ? this.findings.map((f) => f.field) : [];
    for (const path of [...shown, ...this.bad.keys()]) counts[tabOfField(path)] = (counts[tabOfField(path)] ?? 0) + 1;
    return counts;
  });

  constructor(student: Student, isNew: boolean, focus: string | null, ports: DraftPorts) {
    this.ports = ports;

    this.draft = structuredClone(plain(student));
    this.stored = isNew ? null : student;
    this.baseline = JSON.stringify(this.draft);
    this.showAll = !isNew;
    this.tab = focus ? tabOfField(focus) : 'identity';
  }

  /** Loads what the duplicate hint compares with; a failed read only skips the hint (the school check finds them too). */
  async loadOthers(): Promise<void> {
    try {
      const { students, dismissed } = await this.ports.others();
      this.others = students;
      this.dismissed = dismissed;
      this.checkDuplicates();
    } catch {
      // Nothing to say: the hint is optional.
    }
  }

  checkDuplicates(): void {
    const record = plain(this.draft);
    this.duplicates = duplicatesOf(record, this.others, this.dismissed);
    const ids = pairedIds(record, this.others, this.dismissed);
    this.paired = this.others.filter((o) => ids.includes(o.id));
  }

  async focusField(path: string): Promise<void> {
    this.tab = tabOfField(path);
    this.touched.add(path);
    await this.ports.reveal(path);
  }

  errorFor(path: string): string | null {
    const local = this.bad.get(path);
    if (local) return t(local);
    if (!this.showAll && !this.submitted && !this.touched.has(path)) return null;
    const mine = this.findings.filter((f) => f.field === path);
    const f = mine.find((x) => x.severity === 'error') ?? mine[0];
    if (!f) return null;
    return f.severity === 'warning' ? `${t('validation.warning')}: ${f.message[i18n.locale]}` : f.message[i18n.locale];
  }

  kept(path: string): string | null {
    return this.draft.unmatched?.[path] ?? null;
  }

  leave(path: string): void {
    this.touched.add(path);
    if (DUPLICATE_FIELDS.has(path)) this.checkDuplicates();
  }

  setBad(path: string, key: MessageKey | null): void {
    if (key) this.bad.set(path, key);
    else this.bad.delete(path);
  }

  async save(): Promise<void> {
    this.submitted = true;
    this.problem = null;
    this.task.clear();
    this.outcome = null;
    if (this.bad.size > 0) {
      this.problem = 'student.fix_input';
      return void this.focusField([...this.bad.keys()][0]!);
    }
    if (!this.ports.mayEdit(this.draft.grade, this.draft.room)) return void (this.problem = 'student.not_yours');
    this.draft = tidyStudent(plain(this.draft));
    const parsed = studentSchema.safeParse(plain(this.draft));
    if (!parsed.success) return void (this.problem = 'student.fix_input');
    // The type follows the number typed; a picked value settles the text a file had kept for its field.
    const next = settleUnmatched(settleIdentity(parsed.data));
    if (needsIdOverride(next)) {
      this.problem = 'student.id_override.needed';
      return void this.focusField('idNo');
    }
    this.draft = structuredClone(next);
    // A new or changed override goes into the audit entry with its reason, beside the stored field.
    const overridden =
      next.idOverride && next.idOverride.reason !== this.stored?.idOverride?.reason
        ? t('student.id_override.note', { id: next.idNo, reason: next.idOverride.reason })
        : null;
    const note =
      [this.renamedFrom ? this.renameNote.trim() : '', overridden ?? ''].filter((x) => x !== '').join(' · ') || null;
    await this.task.run(async () => {
      await this.ports.save(next, note);
      this.stored = next;
      this.baseline = JSON.stringify(this.draft);
      this.renameNote = '';
      this.historyVersion++;
      this.checkDuplicates();
      this.outcome = this.errorCount > 0 ? 'findings' : 'ok';
    });
  }
}
