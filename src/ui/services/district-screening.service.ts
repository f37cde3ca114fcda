// The district's panel of the schools' poor-student screenings: the counts each school's latest accepted
// submission of the round carried (numbers only, decision 0029), beside the district's list of schools.
import { appDb } from '../../db/database';
import { listBundles } from '../../db/bundle-repo';
import { listSchools } from '../../db/district-school-repo';
import { summarySchema } from '../../domain/district/summary';
import type { ScreeningCounts } from '../../domain/screening/counts';
import { latestAccepted, type RoundRef } from './district.service';

export interface ScreeningLine {
  code: string;
  name: string;
  screening: ScreeningCounts | null;
}

export async function loadDistrictScreening(ref: RoundRef): Promise<ScreeningLine[]> {
  const db = appDb();
  const [rows, schools] = await Promise.all([listBundles(db, { direction: 'in' }), listSchools(db)]);
  const lines = new Map<string, ScreeningLine>(
    schools.map((s) => [s.code, { code: s.code, name: s.name, screening: null }]),
  );
  for (const row of latestAccepted(rows, ref).values()) {
    const summary = summarySchema.safeParse(row.summary);
    lines.set(row.school, {
      code: row.school,
      name: row.schoolName,
      screening: summary.success ? (summary.data.screening ?? null) : null,
    });
  }
  return [...lines.values()].sort((a, b) => a.code.localeCompare(b.code));
}
