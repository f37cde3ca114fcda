// The school site and its buildings, one copy per survey year: a new year starts from last year's copy,
// which stays untouched as the survey's "before".
import { buildingSchema, siteSchema, type Building, type Site } from '../domain/assets/schema';
import { carryOver } from '../domain/assets/round';
import type { TabianDb } from './database';
import { guarded } from './errors';
import { logRecordSave } from './op-log';

export type { BuildingRow, SiteRow } from './rows';

export const buildingKey = (year: number, id: string): string => `${year}/${id}`;

/** Store names in sync operations (decision 0038): a building's record id is its key `<year>/<id>`, a site's its year. */
export const BUILDING_OPS = 'buildings';
export const SITE_OPS = 'sites';
const SYNC_BY = 'assets';

export async function loadSite(db: TabianDb, year: number): Promise<Site | null> {
  const row = await guarded(() => db.sites.get(year));
  return row ? siteSchema.parse(row.site) : null;
}

export async function saveSite(
  db: TabianDb,
  year: number,
  site: Site,
  now: Date = new Date(),
  by = SYNC_BY,
): Promise<Site> {
  const parsed = siteSchema.parse(site);
  await guarded(() =>
    db.transaction('rw', [db.sites, db.settings, db.ops], async () => {
      const before = await db.sites.get(year);
      await db.sites.put({ year, site: parsed, updatedAt: now.toISOString() });
      await logRecordSave(db, SITE_OPS, String(year), before ? siteSchema.parse(before.site) : null, parsed, by, now);
    }),
  );
  return parsed;
}

export async function listBuildings(db: TabianDb, year: number): Promise<Building[]> {
  const rows = await guarded(() => db.buildings.where('year').equals(year).toArray());
  return rows.map((r) => buildingSchema.parse(r.building));
}

export async function saveBuilding(
  db: TabianDb,
  year: number,
  building: Building,
  now: Date = new Date(),
  by = SYNC_BY,
): Promise<Building> {
  const parsed = buildingSchema.parse(building);
  const key = buildingKey(year, parsed.id);
  await guarded(() =>
    db.transaction('rw', [db.buildings, db.settings, db.ops], async () => {
      const before = await db.buildings.get(key);
      await db.buildings.put({ key, year, building: parsed, updatedAt: now.toISOString() });
      await logRecordSave(
        db,
        BUILDING_OPS,
        key,
        before ? buildingSchema.parse(before.building) : null,
        parsed,
        by,
        now,
      );
    }),
  );
  return parsed;
}

/** The latest survey year before `year` that has buildings or a site, or null. */
export async function previousSurveyYear(db: TabianDb, year: number): Promise<number | null> {
  const [sites, buildings] = await guarded(() =>
    Promise.all([db.sites.where('year').below(year).primaryKeys(), db.buildings.where('year').below(year).keys()]),
  );
  const years = [...sites, ...buildings.map(Number)];
  return years.length ? Math.max(...years) : null;
}

/**
 * Opens `year`'s survey: when it has nothing yet, last survey's site and standing buildings are copied in
 * (in one transaction, so two tablets never copy twice). Returns the year carried from, or null.
 */
export async function startSurvey(db: TabianDb, year: number, now: Date = new Date()): Promise<number | null> {
  return guarded(() =>
    db.transaction('rw', db.sites, db.buildings, async () => {
      const from = await previousSurveyYear(db, year);
      const started = (await db.sites.get(year)) || (await db.buildings.where('year').equals(year).count()) > 0;
      if (started || from === null) return started ? from : null;
      const at = now.toISOString();
      const site = await db.sites.get(from);
      if (site) await db.sites.put({ year, site: site.site, updatedAt: at });
      const before = (await db.buildings.where('year').equals(from).toArray()).map((r) =>
        buildingSchema.parse(r.building),
      );
      await db.buildings.bulkPut(
        carryOver(before).map((b) => ({ key: buildingKey(year, b.id), year, building: b, updatedAt: at })),
      );
      return from;
    }),
  );
}
