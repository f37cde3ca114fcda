import { incomingSchema, type Incoming } from '../domain/year/incoming';
import type { TabianDb } from './database';
import { guarded } from './errors';

export async function listIncoming(db: TabianDb, academicYear: number): Promise<Incoming[]> {
  const rows = await guarded(() => db.incoming.where('academicYear').equals(academicYear).toArray());
  return rows.map((r) => incomingSchema.parse(r));
}

export async function saveIncoming(db: TabianDb, row: Incoming): Promise<void> {
  const value = incomingSchema.parse(row);
  await guarded(() => db.incoming.put(value));
}

/** Takes an applicant off the list; refused once they have become a student. */
export async function removeIncoming(db: TabianDb, id: string): Promise<boolean> {
  return guarded(() =>
    db.transaction('rw', db.incoming, async () => {
      const row = await db.incoming.get(id);
      if (!row || row.enrolledAt) return false;
      await db.incoming.delete(id);
      return true;
    }),
  );
}
