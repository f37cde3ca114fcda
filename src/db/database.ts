import Dexie, { type Table } from 'dexie';
import { migrations, LATEST_VERSION } from './migrations';

export const DB_NAME = 'tabian';

export interface ProfileRow { key: 'device'; value: unknown }
export interface SettingRow { key: string; value: unknown }

export class TabianDb extends Dexie {
  profile!: Table<ProfileRow, string>;
  settings!: Table<SettingRow, string>;

  /** `upTo` builds an older schema version; tests use it to write fixtures of that version. */
  constructor(name: string = DB_NAME, upTo: number = LATEST_VERSION) {
    super(name);
    for (const m of migrations) {
      if (m.version > upTo) break;
      const v = this.version(m.version).stores(m.stores);
      if (m.upgrade) v.upgrade(m.upgrade);
    }
  }
}

let shared: TabianDb | null = null;

/** The app's one database connection. */
export function appDb(): TabianDb {
  shared ??= new TabianDb();
  return shared;
}
