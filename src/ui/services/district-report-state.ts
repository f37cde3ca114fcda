// What both district report services share, in a module of its own so neither imports the other: the
// loaded round report, and the nutrition parts computed this session for bundles stored before their
// summary had one (the stored rows stay as they were).
import type { CountedOnce } from '../../domain/district/distinct';
import type { NotCounted } from '../../domain/district/not-counted';
import type { NutritionSummary } from '../../domain/district/nutrition';
import type { DistrictNutrition } from '../../domain/district/nutrition-report';
import type { DistrictReport } from '../../domain/district/report';
import type { SubsidyTable } from '../../domain/district/subsidy';
import { t } from '../i18n/i18n.svelte';

export interface LoadedReport {
  report: DistrictReport;
  nutrition: DistrictNutrition;
  asOf: string | null;
  table: SubsidyTable | null;
  title: string;
  /** The district office's name, for report headers. */
  office: string;
  /** Counted as submitted and counted once after the cross-check (null when it could not run). */
  once: CountedOnce | null;
  /** Each school's accepted bundle, read again in the worker for its children to follow up. */
  bundles: Map<string, { id: string; file: Blob }>;
  /** Held schools and the school list's schools that sent nothing: listed in every report as not counted. */
  notCounted: NotCounted;
}

/** Nutrition parts computed this session, by bundle id (null: the bundle had no measurements). */
export class ComputedNutrition {
  readonly #byBundle = new Map<string, NutritionSummary | null>();
  get(bundleId: string): NutritionSummary | null | undefined {
    return this.#byBundle.get(bundleId);
  }
  set(bundleId: string, nutrition: NutritionSummary | null): void {
    this.#byBundle.set(bundleId, nutrition);
  }
}

export const computedNutrition = new ComputedNutrition();

/** Each school the report leaves out with why, in the screen's words, for the screen, the workbooks and print. */
export const notCountedLines = (n: NotCounted): { code: string; name: string; why: string }[] => [
  ...n.held.map((s) => ({ ...s, why: t('dreport.not_counted.held') })),
  ...n.notSubmitted.map((s) => ({ ...s, why: t('dreport.not_counted.missing') })),
];
