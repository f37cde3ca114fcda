// The import screen's state: file → (columns) → preview → saved. Parsing runs in the worker; the bar
// creeps forward while SheetJS parses (one long step with no progress of its own), then follows the
// worker's reports.
import { DEFAULT_CHOICES, type Choices } from '../../../../domain/import/choose';
import type { ColumnMapping } from '../../../../io/spreadsheet/layout';
import type { Preview } from '../../../../io/spreadsheet/pipeline';
import { SpreadsheetProblem, type ProblemCode, type ProblemParams } from '../../../../io/spreadsheet/problems';
import type { Importer } from '../../../../io/worker/client';
import type { Opened } from '../../../../io/worker/protocol';
import {
  commitImport,
  fileBytes,
  loadPresets,
  loadRegister,
  newImporter,
  rememberPreset,
  type ImportOutcome,
  type Register,
} from '../../../services/import.service';
import { todayIso } from '../../../services/clock';

export type Phase =
  | { name: 'idle' }
  | { name: 'reading' }
  | { name: 'mapping'; opened: Opened }
  | { name: 'preview'; preview: Preview; opened: Opened }
  | { name: 'saving'; preview: Preview; opened: Opened }
  | { name: 'done'; outcome: ImportOutcome }
  | { name: 'problem'; code: ProblemCode; params: ProblemParams; opened: Opened | null }
  | { name: 'failed'; message: string; storage: unknown };

export class ImportFlow {
  // Raw: a phase is only ever replaced whole, and a deep proxy over 3,000 planned rows made every read of the
  // plan (the preview, the commit's studentsToWrite) go through a Proxy trap.
  phase = $state.raw<Phase>({ name: 'idle' });
  fileName = $state('');
  progress = $state(0);
  choices = $state<Choices>({ ...DEFAULT_CHOICES });
  private reported = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private importer: Importer | null = null;
  private register: Promise<Register> | null = null;

  /** Readies the worker while the user looks for the file, so the preview comes sooner. */
  warm(): void {
    this.importer ??= newImporter();
    this.importer.warm().catch(() => {});
  }

  async pick(file: File): Promise<void> {
    this.fileName = file.name;
    this.choices = { ...DEFAULT_CHOICES };
    this.start();
    try {
      const register = loadRegister();
      // Read now, awaited only by the preview: the register loads while the worker parses the file.
      register.catch(() => {});
      this.register = register;
      const [bytes, presets] = await Promise.all([fileBytes(file), loadPresets()]);
      this.importer ??= newImporter();
      const opened = await this.importer.open(bytes, presets, (f) => this.report(f));
      if (opened.proposal.detection.layout !== 'custom')
        return await this.preview(opened, opened.proposal.detection.mapping);
      this.stop();
      this.phase = opened.usable
        ? { name: 'mapping', opened }
        : {
            name: 'problem',
            code: 'file.no_students',
            params: { sheets: opened.info.sheetNames.join(', ') },
            opened,
          };
    } catch (e) {
      this.fail(e, null);
    }
  }

  /** The user's columns (and, if asked, a preset saved for the next file like this one). */
  async confirmMapping(opened: Opened, mapping: ColumnMapping, presetName: string | null): Promise<void> {
    if (presetName) await rememberPreset(presetName, opened.proposal.detection.headers, mapping);
    this.start();
    await this.preview(opened, mapping);
  }

  async commit(): Promise<void> {
    if (this.phase.name !== 'preview') return;
    const { preview, opened } = this.phase;
    this.phase = { name: 'saving', preview, opened };
    try {
      this.phase = {
        name: 'done',
        outcome: await commitImport(preview.plan, $state.snapshot(this.choices), this.fileName),
      };
    } catch (e) {
      this.phase = { name: 'failed', message: e instanceof Error ? e.message : String(e), storage: e };
    }
  }

  reset(): void {
    this.stop();
    this.phase = { name: 'idle' };
  }

  dispose(): void {
    this.stop();
    this.importer?.dispose();
    this.importer = null;
  }

  private async preview(opened: Opened, mapping: ColumnMapping): Promise<void> {
    try {
      const register = await (this.register ??= loadRegister());
      const preview = await this.importer!.preview(mapping, register.students, todayIso(), register.dismissed, (f) =>
        this.report(f),
      );
      this.stop();
      this.phase = { name: 'preview', preview, opened };
    } catch (e) {
      this.fail(e, opened);
    }
  }

  private fail(e: unknown, opened: Opened | null): void {
    this.stop();
    if (e instanceof SpreadsheetProblem) this.phase = { name: 'problem', code: e.code, params: e.params, opened };
    else this.phase = { name: 'failed', message: e instanceof Error ? e.message : String(e), storage: e };
  }

  private start(): void {
    this.phase = { name: 'reading' };
    this.progress = 0;
    this.reported = 0;
    this.timer ??= setInterval(() => {
      // Parsing reports nothing until it ends: ease towards that step's end meanwhile, never beyond it.
      const cap = this.reported < 0.55 ? 0.5 : this.reported;
      this.progress = Math.max(this.reported, this.progress + (cap - this.progress) * 0.06);
    }, 100);
  }

  private report(fraction: number): void {
    this.reported = fraction;
    this.progress = Math.max(this.progress, fraction);
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.progress = 1;
  }
}
