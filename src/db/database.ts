import Dexie, { type Table } from 'dexie';
import { migrations, LATEST_VERSION } from './migrations';
import { StorageError } from './errors';
import type { Student } from '../domain/student/schema';
import type { GradeCode } from '../domain/codes';
import type { User } from '../domain/access/users';
import type { AuditEntry } from '../domain/access/audit';

export const DB_NAME = 'tabian';

export interface ProfileRow { key: 'device'; value: unknown }
export interface SettingRow { key: string; value: unknown }
/** A student document as stored: the schema's fields plus when and how often it was saved. */
export type StudentRow = Student & { updatedAt: string; revision: number };
export interface RoomRow { key: string; grade: GradeCode; room: string }
export interface DismissedPairRow { key: string; at: string; userId: string }

export class TabianDb extends Dexie {
  profile!: Table<ProfileRow, string>;
  settings!: Table<SettingRow, string>;
  students!: Table<StudentRow, string>;
  rooms!: Table<RoomRow, string>;
  users!: Table<User, string>;
  audit!: Table<AuditEntry, string>;
  dismissedPairs!: Table<DismissedPairRow, string>;

  /** `upTo` builds an older schema version; tests use it to write fixtures of that version. */
  constructor(name: string = DB_NAME, upTo: number = LATEST_VERSION) {
    super(name);
    for (const m of migrations) {
      if (m.version > upTo) break;
      const v = this.version(m.version).stores(m.stores);
      if (m.upgrade) v.upgrade(m.upgrade);
    }
    // Dexie 4 would open a newer database quietly; an older app must not write into it.
    // Dexie keeps native version = its version × 10.
    this.on('ready', (db) => {
      const installed = Math.floor(db.backendDB().version / 10);
      if (installed > upTo) {
        db.close();
        throw new StorageError('storage.newer_version', new Error(`database version ${installed} > ${upTo}`));
      }
    });
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
