// Poor-student screenings (แบบ นร./กสศ.01, decision 0029): one row per student per academic year, sealed.
// The form saves field by field on a phone, so each save is one small put of the whole record.
import { screeningSchema, type Screening, type ScreeningInput } from '../domain/screening/schema';
import type { TabianDb } from './database';
import { guarded } from './errors';

import type { ScreeningRow } from './rows';

export type { ScreeningRow };

/** One student's screening of one year has one id, so two phones never start two of them. */
export const screeningId = (academicYear: number, studentId: string): string => `${academicYear}/${studentId}`;

const toScreening = (row: ScreeningRow): Screening => {
  const { updatedAt: _a, updatedBy: _b, ...rest } = row;
  return screeningSchema.parse(rest);
};

export async function getScreening(db: TabianDb, id: string): Promise<Screening | null> {
  const row = await guarded(() => db.screenings.get(id));
  return row ? toScreening(row) : null;
}

export async function screeningsOfYear(db: TabianDb, academicYear: number): Promise<Screening[]> {
  return (await guarded(() => db.screenings.where('academicYear').equals(academicYear).toArray())).map(toScreening);
}

export async function saveScreening(db: TabianDb, input: ScreeningInput, by: { userName: string; now: Date }): Promise<Screening> {
  const s = screeningSchema.parse(input);
  await guarded(() => db.screenings.put({ ...s, updatedAt: by.now.toISOString(), updatedBy: by.userName }));
  return s;
}
