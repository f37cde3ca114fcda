import { staffSchema, type Staff } from '../domain/staff/schema';
import { technologySchema, type Technology } from '../domain/staff/technology';
import type { TabianDb } from './database';
import { guarded } from './errors';

import type { StaffRow } from './rows';

export type { StaffRow };

const toStaff = (row: StaffRow): Staff => staffSchema.parse(row);

export async function listStaff(db: TabianDb): Promise<Staff[]> {
  return (await guarded(() => db.staff.toArray())).map(toStaff);
}

export async function getStaff(db: TabianDb, id: string): Promise<Staff | null> {
  const row = await guarded(() => db.staff.get(id));
  return row ? toStaff(row) : null;
}

/** Saves people in one transaction (an import lands whole or not at all); each is parsed first. */
export async function saveStaff(
  db: TabianDb,
  people: readonly Staff[],
  by: { userName: string; now: Date },
): Promise<void> {
  const rows = people.map((p) => ({
    ...staffSchema.parse(p),
    updatedAt: by.now.toISOString(),
    updatedBy: by.userName,
  }));
  await guarded(() => db.transaction('rw', db.staff, () => db.staff.bulkPut(rows)));
}

/** Removes a record entered by mistake (someone who left is kept, with their movement). */
export async function removeStaff(db: TabianDb, id: string): Promise<void> {
  await guarded(() => db.staff.delete(id));
}

/** Every technology record, oldest first. */
export async function listTechnology(db: TabianDb): Promise<Technology[]> {
  return (await guarded(() => db.technology.orderBy('asOf').toArray())).map((r) => technologySchema.parse(r));
}

/** The record in force on `on`: the latest dated on or before it. */
export async function technologyOn(db: TabianDb, on: string): Promise<Technology | null> {
  const row = await guarded(() => db.technology.where('asOf').belowOrEqual(on).last());
  return row ? technologySchema.parse(row) : null;
}

export async function saveTechnology(db: TabianDb, t: Technology): Promise<void> {
  const row = technologySchema.parse(t);
  await guarded(() => db.technology.put(row));
}
