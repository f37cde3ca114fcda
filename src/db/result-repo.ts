import { parseUpgraded } from '../domain/record-history';
import { resultHistory, yearResultSchema, type YearResult } from '../domain/year/results';
import type { TabianDb } from './database';
import { guarded } from './errors';

export async function listResults(db: TabianDb, academicYear: number): Promise<YearResult[]> {
  const rows = await guarded(() => db.results.where('academicYear').equals(academicYear).toArray());
  return rows.map((r) => parseUpgraded(resultHistory, yearResultSchema, r));
}

/** Academic years that have at least one result. */
export async function yearsWithResults(db: TabianDb): Promise<number[]> {
  return (await guarded(() => db.results.orderBy('academicYear').uniqueKeys())).map(Number);
}

/** A room's results land together or not at all. */
export async function saveResults(db: TabianDb, results: readonly YearResult[]): Promise<void> {
  const rows = results.map((r) => yearResultSchema.parse(r));
  await guarded(() => db.results.bulkPut(rows));
}
