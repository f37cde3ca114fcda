// The merge screen's state: the pair side by side, which record survives, the pick of each differing
// field, then the merge and its undo.
import { SvelteSet } from 'svelte/reactivity';
import {
  defaultSurvivor,
  fieldDifferences,
  type Dated,
  type FieldDifference,
  type Side,
} from '../../../../domain/student/merge';
import type { MessageKey } from '../../../i18n/th';
import { loadPair, mergePair, removalProblem, undoLast } from '../../../services/merge.service';

export type MergeStage = 'loading' | 'choosing' | 'saving' | 'merged' | 'undone' | 'gone';

export class MergeState {
  stage = $state<MergeStage>('loading');
  keep = $state.raw<Dated | null>(null);
  drop = $state.raw<Dated | null>(null);
  /** Ids certified rounds hold: read once with the pair. */
  certified = $state.raw<ReadonlySet<string>>(new SvelteSet<string>());
  picks = $state<Record<string, Side>>({});
  problem = $state<{ key: MessageKey; rounds?: string } | null>(null);
  private entryId: string | null = null;

  constructor(private readonly ids: [string, string]) {}

  readonly differences: FieldDifference[] = $derived(
    this.keep && this.drop ? fieldDifferences(this.keep, this.drop) : [],
  );

  async load(): Promise<void> {
    this.stage = 'loading';
    this.problem = null;
    try {
      const pair = await loadPair(...this.ids);
      if (!pair) return void (this.stage = 'gone');
      [this.keep, this.drop] = defaultSurvivor(pair.a, pair.b, pair.certified);
      this.certified = pair.certified;
      this.picks = {};
      this.stage = 'choosing';
    } catch (error) {
      this.problem = removalProblem(error);
    }
  }

  /** Keeps the other record instead; every field goes back to its default for the new sides. */
  swap(): void {
    [this.keep, this.drop] = [this.drop, this.keep];
    this.picks = {};
  }

  pickOf(d: FieldDifference): Side {
    return this.picks[d.field] ?? d.pick;
  }

  pick(field: string, side: Side): void {
    this.picks = { ...this.picks, [field]: side };
  }

  async merge(): Promise<void> {
    if (!this.keep || !this.drop) return;
    this.stage = 'saving';
    this.problem = null;
    try {
      this.entryId = await mergePair(this.keep.student.id, this.drop.student.id, $state.snapshot(this.picks));
      this.stage = 'merged';
    } catch (error) {
      this.problem = removalProblem(error);
      this.stage = 'choosing';
    }
  }

  async undo(): Promise<void> {
    if (!this.entryId) return;
    this.problem = null;
    try {
      await undoLast(this.entryId);
      this.entryId = null;
      this.stage = 'undone';
    } catch (error) {
      this.problem = removalProblem(error);
    }
  }

  get keptId(): string | null {
    return this.keep?.student.id ?? null;
  }
}
