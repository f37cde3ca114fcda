import Dexie, { type Table } from 'dexie';
import { migrations, LATEST_VERSION } from './migrations';
import { StorageError } from './errors';
import { setSealPolicy, setVaultEnabled, vaultMiddleware } from './vault';
import type { User } from '../domain/access/users';
import type { AuditEntry } from '../domain/access/audit';
import type { Movement } from '../domain/year/movement';
import type { Attendance } from '../domain/year/attendance';
import type { YearResult } from '../domain/year/results';
import type { Incoming } from '../domain/year/incoming';
import type { Measurement, MeasureSession } from '../domain/measure/measurement';
import type {
  BundleRow,
  CorrectionRow,
  DismissedPairRow,
  DistrictSchoolRow,
  FindingRow,
  ImportPresetRow,
  KeyRow,
  OpRow,
  PhotoRow,
  ProfileRow,
  RoomRow,
  RoundRow,
  ScreeningRow,
  SettingRow,
  StudentRow,
  TrustRow,
  BuildingRow,
  SiteRow,
  StaffRow,
} from './rows';
import type { EquipmentCount } from '../domain/assets/schema';
import type { AssetSurvey } from '../domain/assets/round';
import type { Technology } from '../domain/staff/technology';

export const DB_NAME = 'tabian';
/** The settings row that says whether personal data is sealed, with each user's wrap of the data key. */
export const VAULT_SETTING = 'vault';

// Row types live in rows.ts (no circle between this file and the repositories); re-exported for old imports.
export type {
  ProfileRow,
  SettingRow,
  StudentRow,
  RoomRow,
  DismissedPairRow,
  ImportPresetRow,
  CorrectionRow,
  RoundRow,
} from './rows';

export class TabianDb extends Dexie {
  profile!: Table<ProfileRow, string>;
  settings!: Table<SettingRow, string>;
  students!: Table<StudentRow, string>;
  rooms!: Table<RoomRow, string>;
  users!: Table<User, string>;
  audit!: Table<AuditEntry, string>;
  dismissedPairs!: Table<DismissedPairRow, string>;
  importPresets!: Table<ImportPresetRow, string>;
  corrections!: Table<CorrectionRow, string>;
  movements!: Table<Movement, string>;
  rounds!: Table<RoundRow, string>;
  attendance!: Table<Attendance, string>;
  results!: Table<YearResult, string>;
  incoming!: Table<Incoming, string>;
  keys!: Table<KeyRow, string>;
  trust!: Table<TrustRow, string>;
  bundles!: Table<BundleRow, string>;
  districtSchools!: Table<DistrictSchoolRow, string>;
  findings!: Table<FindingRow, string>;
  measurements!: Table<Measurement, string>;
  measureSessions!: Table<MeasureSession, string>;
  ops!: Table<OpRow, string>;
  photos!: Table<PhotoRow, string>;
  screenings!: Table<ScreeningRow, string>;
  sites!: Table<SiteRow, number>;
  buildings!: Table<BuildingRow, string>;
  equipmentCounts!: Table<EquipmentCount, string>;
  assetSurveys!: Table<AssetSurvey, string>;
  staff!: Table<StaffRow, string>;
  technology!: Table<Technology, string>;

  /**
   * `upTo` builds an older schema version; tests use it to write fixtures of that version, and a restore
   * replays an older backup through the migrations in a `scratch` database: clear rows, no vault, and it
   * never changes the app's vault state.
   */
  constructor(name: string = DB_NAME, upTo: number = LATEST_VERSION, opts: { scratch?: boolean } = {}) {
    super(name);
    for (const m of migrations) {
      if (m.version > upTo) break;
      const v = this.version(m.version).stores(m.stores);
      if (m.upgrade) v.upgrade(m.upgrade);
    }
    if (opts.scratch) return;
    this.use(vaultMiddleware);
    // A newer database must not be opened by an older app: refuseNewerDatabase() before the first query,
    // and here, a second line, where indexedDB.databases() does not exist.
    this.on('ready', async (db) => {
      const installed = Math.floor(db.backendDB().version / 10);
      if (installed > upTo) {
        db.close();
        throw new StorageError('storage.newer_version', new Error(`database version ${installed} > ${upTo}`));
      }
      // Whether personal data is sealed is known before the first write.
      const vault = (await db.table('settings').get(VAULT_SETTING)) as SettingRow | undefined;
      const value = vault?.value as { enabled?: unknown; pending?: unknown; sealFormat?: unknown } | undefined;
      setVaultEnabled(value?.enabled === true);
      setSealPolicy({ pending: value?.pending === true, sealFormat: value?.sealFormat === 2 ? 2 : 1 });
    });
  }
}

/** The schema version of an existing database (Dexie keeps native version = its version × 10), or null. */
async function installedVersion(name: string): Promise<number | null> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return null;
  const found = (await indexedDB.databases()).find((d) => d.name === name);
  return found?.version ? Math.floor(found.version / 10) : null;
}

/**
 * Refuses a database written by a newer app before Dexie touches it (call before the first query):
 * Dexie 4 would first add this version's stores under a bumped version, and the newer app would then
 * refuse its own data. Where indexedDB.databases() is missing, the 'ready' check above still refuses.
 */
export async function refuseNewerDatabase(name: string = DB_NAME, upTo: number = LATEST_VERSION): Promise<void> {
  const installed = await installedVersion(name);
  if (installed !== null && installed > upTo) {
    throw new StorageError('storage.newer_version', new Error(`database version ${installed} > ${upTo}`));
  }
}

let shared: TabianDb | null = null;

/** The app's one database connection. */
export function appDb(): TabianDb {
  shared ??= new TabianDb();
  return shared;
}

/** Drops the connection after a failed open, so "try again" really opens anew. */
export function resetAppDb(): void {
  shared?.close();
  shared = null;
}
