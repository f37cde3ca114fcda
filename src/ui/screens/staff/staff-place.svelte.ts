// The staff place's state: the roster and its findings, the person being edited, and each action's busy state
// and failure, so the components only render and bind.
import type { Staff, StaffMovement } from '../../../domain/staff/schema';
import { staffSchema } from '../../../domain/staff/schema';
import { checkStaff, type StaffFinding } from '../../../domain/staff/validate';
import { staffStatusOn, type StaffStatus } from '../../../domain/staff/status';
import { download } from '../../services/export.service';
import { problemKey } from '../../services/errors';
import {
  importStaff,
  loadStaffData,
  newStaffId,
  openStaffFile,
  planStaffImport,
  recordStaffMovement,
  rememberStaffPreset,
  reverseStaffMove,
  rosterWorkbook,
  saveStaffMember,
  type ImportPlan,
  type StaffData,
} from '../../services/staff.service';
import type { RosterMapping, RosterOpened } from '../../../io/spreadsheet/staff-roster';
import type { ChosenColumns } from '../exchange/import/MappingForm.svelte';
import { i18n, t } from '../../i18n/i18n.svelte';
import { problemMessage, SpreadsheetProblem } from '../../../io/spreadsheet/problems';

export type StaffTab = 'roster' | 'headcount' | 'technology';

export class StaffPlaceState {
  data = $state<StaffData | null>(null);
  tab = $state<StaffTab>('roster');
  /** The person whose form is open (a new one has no saved record yet). */
  editing = $state<Staff | null>(null);
  isNew = $state(false);
  typeFilter = $state<string>('');
  statusFilter = $state<StaffStatus | ''>('active');
  busy = $state(false);
  failure = $state<string | null>(null);
  notice = $state<string | null>(null);
  importPlan = $state<ImportPlan | null>(null);
  /** The file being imported, its proposed columns, and whether the mapping screen is showing. */
  importOpened = $state.raw<RosterOpened | null>(null);
  importMapping = $state(false);
  private importBytes: Uint8Array | null = null;

  async load(): Promise<void> {
    await this.run(async () => {
      this.data = await loadStaffData();
    });
  }

  statusOf = (s: Staff): StaffStatus => staffStatusOn(s, this.data?.today ?? '');

  get shown(): Staff[] {
    return (this.data?.staff ?? []).filter(
      (s) =>
        (!this.typeFilter || s.personnelType === this.typeFilter) &&
        (!this.statusFilter || this.statusOf(s) === this.statusFilter),
    );
  }
  findingsOf = (id: string): StaffFinding[] => (this.data?.findings ?? []).filter((f) => f.staffId === id);
  get usersWithoutRecord(): StaffFinding[] {
    return (this.data?.findings ?? []).filter((f) => f.rule === 'staff.user.no_record');
  }

  open(s: Staff): void {
    this.editing = s;
    this.isNew = false;
    this.notice = null;
  }
  /** A blank person; from a user without a record, with their name and link filled in. */
  openNew(user?: { id: string; name: string }): void {
    const [firstName = '', ...rest] = (user?.name ?? '').trim().split(/\s+/);
    this.editing = staffSchema.parse({
      id: newStaffId(),
      firstName,
      lastName: rest.join(' '),
      personnelType: 'civil-teacher',
      userId: user?.id ?? null,
    });
    this.isNew = true;
    this.notice = null;
  }
  close(): void {
    this.editing = null;
  }

  /** Problems that block a save: the person's own errors (warnings are shown, not blocking). */
  blocking = (s: Staff): StaffFinding[] => checkStaff(s, this.data?.rooms ?? []).filter((f) => f.severity === 'error');

  async save(s: Staff): Promise<boolean> {
    if (this.blocking(s).length) return false;
    return this.run(async () => {
      await saveStaffMember(s);
      this.notice = t('staff.saved', { name: `${s.firstName} ${s.lastName}` });
      this.editing = null;
      this.data = await loadStaffData();
    });
  }

  async move(s: Staff, draft: Omit<StaffMovement, 'id' | 'reversedAt'>): Promise<string | null> {
    let problem: string | null = null;
    await this.run(async () => {
      const outcome = await recordStaffMovement(s, draft);
      if (!outcome.ok) problem = t(`staff.problem.${outcome.problem}`);
      else {
        this.editing = outcome.staff;
        this.data = await loadStaffData();
      }
    });
    return problem;
  }

  async reverse(s: Staff, movementId: string): Promise<void> {
    await this.run(async () => {
      this.editing = await reverseStaffMove(s, movementId);
      this.data = await loadStaffData();
    });
  }

  /** Opens a file: straight to the preview when every header is known, else to the mapping screen. */
  async readImport(file: File): Promise<void> {
    this.cancelImport();
    await this.run(async () => {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const opened = await openStaffFile(bytes);
      this.importBytes = bytes;
      this.importOpened = opened;
      if (opened.recognised) await this.plan(opened.mapping);
      else this.importMapping = true;
    });
  }

  async mapImport(chosen: ChosenColumns, presetName: string | null): Promise<void> {
    const opened = this.importOpened;
    if (!opened) return;
    const mapping = { sheet: opened.mapping.sheet, ...chosen };
    await this.run(async () => {
      if (presetName) await rememberStaffPreset(presetName, opened.headers, mapping);
      this.importOpened = { ...opened, mapping, preset: presetName ?? opened.preset };
      await this.plan(mapping);
      this.importMapping = false;
    });
  }

  changeColumns(): void {
    this.importMapping = true;
  }

  cancelImport(): void {
    this.importPlan = null;
    this.importOpened = null;
    this.importMapping = false;
    this.importBytes = null;
  }

  private async plan(mapping: RosterMapping): Promise<void> {
    const d = this.data;
    this.importPlan = await planStaffImport(this.importBytes!, d?.staff ?? [], mapping, d ?? undefined);
  }

  async confirmImport(): Promise<void> {
    const plan = this.importPlan;
    if (!plan) return;
    await this.run(async () => {
      const n = await importStaff(plan);
      this.cancelImport();
      this.notice = t('staff.import.done', { n });
      this.data = await loadStaffData();
    });
  }

  async exportRoster(): Promise<void> {
    await this.run(async () => {
      const { bytes, fileName } = await rosterWorkbook(this.data?.staff ?? []);
      download(bytes, fileName);
    });
  }

  private async run(job: () => Promise<void>): Promise<boolean> {
    this.busy = true;
    this.failure = null;
    try {
      await job();
      return true;
    } catch (e) {
      // A file that cannot be read says why in the reader's own words.
      this.failure = e instanceof SpreadsheetProblem ? problemMessage(e.code, e.params, i18n.locale) : t(problemKey(e));
      return false;
    } finally {
      this.busy = false;
    }
  }
}
