// Read-only: what the shell's data-safety status shows (persistence, last backup, reminders). Nothing here writes.
import { lastBackup } from '../../db/backup-repo';
import { appDb } from '../../db/database';
import { guarded, StorageError } from '../../db/errors';
import { listRoundRows } from '../../db/round-repo';
import { storageStatus, type StorageStatus } from '../../db/storage';
import { backupReminders, type Reminder } from '../../domain/backup/reminder';
import { roundStatus } from '../../domain/calendar';
import { overridesOf } from '../../domain/year/round';
import { todayIso } from './clock';

export interface Safety {
  storage: StorageStatus;
  /** The device's calendar day of the last backup; null when there never was one. */
  lastBackupOn: string | null;
  changesSinceBackup: number;
  reminders: Reminder[];
}

let writeFailedFull = false;

/** Where a storage error is shown: a write refused for lack of space keeps the reminder up until reload. */
export function noteStorageProblem(error: unknown): void {
  if (error instanceof StorageError && error.problem === 'storage.full') writeFailedFull = true;
}

/** Deadlines of this academic year (with its overrides) and next year's term 1. */
async function deadlines(today: string) {
  const { rounds } = await listRoundRows(appDb());
  const status = roundStatus(today, overridesOf(rounds, roundStatus(today).academicYear));
  return [...status.rounds, status.next];
}

/** Backups and round deadlines are a school's; a district device gets the storage part only. */
export async function loadSafety(kind: 'school' | 'district', now: Date = new Date(), nav: Navigator = navigator): Promise<Safety> {
  const db = appDb();
  const today = todayIso(now);
  const [storage, last] = await Promise.all([storageStatus(nav), kind === 'school' ? lastBackup(db) : Promise.resolve(null)]);
  // Audit times and the backup time are both toISOString(), so they compare as strings.
  const changes = kind === 'school' ? await guarded(() => (last ? db.audit.where('at').above(last.at).count() : db.audit.count())) : 0;
  const lastBackupOn = last ? todayIso(new Date(last.at)) : null;
  const reminders = backupReminders({
    today, lastBackupOn, deadlines: kind === 'school' ? await deadlines(today) : [], changesSinceBackup: changes,
    usageBytes: storage.usageBytes, quotaBytes: storage.quotaBytes, persisted: storage.persisted, writeFailedFull,
  });
  return { storage, lastBackupOn, changesSinceBackup: changes, reminders };
}
