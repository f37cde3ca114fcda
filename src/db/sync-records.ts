// Applying merged sync operations to the records a teacher's phone or tablet hands the main device beside
// students and measurements (decision 0038): screenings, buildings, sites, and photos (whose bytes arrive in
// the bundle's photo/1 file; their operations only mark them and carry a removal). Same rule as the rest of
// sync: per field, the latest clock wins, whatever the order bundles arrive in.
import { buildingSchema, siteSchema, type Building, type Site } from '../domain/assets/schema';
import { mergeOperations } from '../domain/bundle/merge';
import type { Operation } from '../domain/bundle/operation';
import { screeningSchema, type Screening } from '../domain/screening/schema';
import type { z } from 'zod';
import { BUILDING_OPS, SITE_OPS } from './asset-repo';
import type { TabianDb } from './database';
import { PHOTO_OPS, PHOTO_REMOVED } from './photo-repo';
import { SCREENING_OPS } from './screening-repo';
import type { Actor } from './student-repo';

export const recordTables = (db: TabianDb) => [db.screenings, db.buildings, db.sites, db.photos];

export interface AppliedRecords {
  screenings: number;
  buildings: number;
  sites: number;
  photosRemoved: number;
}

const strip =
  <T extends object>(schema: z.ZodType<T>) =>
  (row: unknown): T | null =>
    row ? schema.parse(row) : null;

/** Photo ids whose winning `removed` operation says the photo was deleted on some device. */
export async function removedPhotos(db: TabianDb, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const ops = (
    await db.ops
      .where('recordId')
      .anyOf([...ids])
      .toArray()
  ).filter((op) => op.store === PHOTO_OPS && op.field === PHOTO_REMOVED);
  const { winners } = mergeOperations(
    ops.map(({ id: _id, ...op }) => op),
    null,
  );
  return new Set([...winners.values()].filter((op) => op.value === true).map((op) => op.recordId));
}

/** sync-repo's planner (passed in, so that neither module imports the other): each touched record as the merge says. */
export type Planner = <T extends object>(
  db: TabianDb,
  store: string,
  incoming: Operation[],
  current: (id: string) => Promise<T | null>,
  schema: z.ZodType<T>,
  skipped: string[],
) => Promise<{ id: string; next: T; changes: Operation[] }[]>;

/** Call inside the sync transaction (syncTables), after the incoming operations were appended. */
export async function applyRecordOperations(
  db: TabianDb,
  incoming: Operation[],
  actor: Actor,
  skipped: string[],
  plan: Planner,
): Promise<AppliedRecords> {
  const at = actor.now.toISOString();
  const screenings = await plan<Screening>(
    db,
    SCREENING_OPS,
    incoming,
    async (id) => {
      const row = await db.screenings.get(id);
      if (!row) return null;
      const { updatedAt: _a, updatedBy: _b, ...rest } = row;
      return strip(screeningSchema)(rest);
    },
    screeningSchema,
    skipped,
  );
  for (const p of screenings)
    await db.screenings.put({
      ...p.next,
      updatedAt: at,
      updatedBy: [...new Set(p.changes.map((op) => op.by))].join(', '),
    });
  const buildings = await plan<Building>(
    db,
    BUILDING_OPS,
    incoming,
    async (key) => strip(buildingSchema)((await db.buildings.get(key))?.building),
    buildingSchema,
    skipped,
  );
  for (const p of buildings) {
    const year = Number(p.id.split('/')[0]);
    if (Number.isInteger(year) && p.id === `${year}/${p.next.id}`)
      await db.buildings.put({ key: p.id, year, building: p.next, updatedAt: at });
    else skipped.push(`${BUILDING_OPS}/${p.id}`);
  }
  const sites = await plan<Site>(
    db,
    SITE_OPS,
    incoming,
    async (y) => strip(siteSchema)((await db.sites.get(Number(y)))?.site),
    siteSchema,
    skipped,
  );
  for (const p of sites) {
    const year = Number(p.id);
    if (Number.isInteger(year)) await db.sites.put({ year, site: p.next, updatedAt: at });
    else skipped.push(`${SITE_OPS}/${p.id}`);
  }
  const touched = [
    ...new Set(incoming.filter((op) => op.store === PHOTO_OPS && op.field === PHOTO_REMOVED).map((op) => op.recordId)),
  ];
  const removed = [...(await removedPhotos(db, touched))];
  await db.photos.bulkDelete(removed);
  return {
    screenings: screenings.length,
    buildings: buildings.length,
    sites: sites.length,
    photosRemoved: removed.length,
  };
}
