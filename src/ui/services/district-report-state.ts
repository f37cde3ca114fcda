// What both district report services share, in a module of its own so neither imports the other: the
// loaded round report, and the nutrition parts computed this session for bundles stored before their
// summary had one (the stored rows stay as they were).
import type { CountedOnce } from '../../domain/district/distinct';
import type { NutritionSummary } from '../../domain/district/nutrition';
import type { DistrictNutrition } from '../../domain/district/nutrition-report';
import type { DistrictReport } from '../../domain/district/report';
import type { SubsidyTable } from '../../domain/district/subsidy';

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
