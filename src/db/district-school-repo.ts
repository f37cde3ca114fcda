// The district's list of schools (MOE code, SMIS code, name) and the officer's subsidy rate table.
import { districtSchoolSchema, type DistrictSchool } from '../domain/district/school-list';
import { subsidyTableSchema, type SubsidyTable } from '../domain/district/subsidy';
import type { TabianDb } from './database';
import type { DistrictSchoolRow } from './rows';
import { guarded } from './errors';

export type { DistrictSchoolRow };

export interface SchoolListSave {
  added: number;
  updated: number;
  unchanged: number;
}

/** Adds or updates schools in one transaction; a school only known from a bundle takes the list's name. */
export async function saveSchools(
  db: TabianDb,
  schools: readonly DistrictSchool[],
  source: DistrictSchoolRow['source'],
  now: Date,
): Promise<SchoolListSave> {
  const parsed = schools.map((s) => districtSchoolSchema.parse(s));
  return guarded(() =>
    db.transaction('rw', db.districtSchools, async () => {
      const out: SchoolListSave = { added: 0, updated: 0, unchanged: 0 };
      const old = await db.districtSchools.bulkGet(parsed.map((s) => s.code));
      const rows: DistrictSchoolRow[] = [];
      parsed.forEach((s, i) => {
        const was = old[i];
        if (was && (source === 'bundle' || (was.smis === s.smis && was.name === s.name && was.source === 'list')))
          return void out.unchanged++;
        if (was) out.updated++;
        else out.added++;
        rows.push({ ...s, source, updatedAt: now.toISOString() });
      });
      await db.districtSchools.bulkPut(rows);
      return out;
    }),
  );
}

export async function listSchools(db: TabianDb): Promise<DistrictSchoolRow[]> {
  const rows = await guarded(() => db.districtSchools.toArray());
  return rows.sort((a, b) => (a.code < b.code ? -1 : 1));
}

const RATES_KEY = 'district.subsidyRates';

/** The rate tables the officer entered, one per academic year; a damaged row reads as none. */
export async function loadSubsidyTables(db: TabianDb): Promise<SubsidyTable[]> {
  const row = await guarded(() => db.settings.get(RATES_KEY));
  const parsed = subsidyTableSchema.array().safeParse(row?.value ?? []);
  return parsed.success ? parsed.data : [];
}

export async function saveSubsidyTable(db: TabianDb, table: SubsidyTable): Promise<void> {
  const value = subsidyTableSchema.parse(table);
  await guarded(() =>
    db.transaction('rw', db.settings, async () => {
      const row = await db.settings.get(RATES_KEY);
      const parsed = subsidyTableSchema.array().safeParse(row?.value ?? []);
      const others = (parsed.success ? parsed.data : []).filter((t) => t.academicYear !== value.academicYear);
      await db.settings.put({
        key: RATES_KEY,
        value: [...others, value].sort((a, b) => a.academicYear - b.academicYear),
      });
    }),
  );
}
