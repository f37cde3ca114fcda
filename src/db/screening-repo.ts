// Poor-student screenings (แบบ นร./กสศ.01, decision 0029): one row per student per academic year, sealed.
// The form saves field by field on a phone, so each save is one small put of the whole record.
import { screeningSchema, type Screening, type ScreeningInput } from '../domain/screening/schema';
import type { TabianDb } from './database';
import { guarded } from './errors';
import { logRecordSave } from './op-log';

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

/** Store name in sync operations (decision 0038): a teacher's phone hands its screenings to the main device. */
export const SCREENING_OPS = 'screenings';

/** Stores the screening with its changed fields as sync operations, in one transaction. */
export async function saveScreening(
  db: TabianDb,
  input: ScreeningInput,
  by: { userName: string; now: Date },
): Promise<Screening> {
  const s = screeningSchema.parse(input);
  await guarded(() =>
    db.transaction('rw', [db.screenings, db.settings, db.ops], async () => {
      const before = await db.screenings.get(s.id);
      await db.screenings.put({ ...s, updatedAt: by.now.toISOString(), updatedBy: by.userName });
      await logRecordSave(db, SCREENING_OPS, s.id, before ? toScreening(before) : null, s, by.userName, by.now);
    }),
  );
  return s;
}
