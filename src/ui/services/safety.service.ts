// Read-only: what the shell's data-safety status shows (persistence, last backup, reminders). Nothing here writes.
import { lastBackup } from '../../db/backup-repo';
import { appDb } from '../../db/database';
import { guarded } from '../../db/errors';
import { listRoundRows } from '../../db/round-repo';
import { storageStatus, type StorageStatus } from '../../db/storage';
import { backupReminders, type Reminder } from '../../domain/backup/reminder';
import { roundStatus } from '../../domain/calendar';
import { overridesOf } from '../../domain/year/round';
import { todayIso } from './clock';
import { storageWasFull } from './storage-problem';

export interface Safety {
  storage: StorageStatus;
  /** The device's calendar day of the last backup; null when there never was one. */
  lastBackupOn: string | null;
  changesSinceBackup: number;
  reminders: Reminder[];
}

export { noteStorageProblem } from './storage-problem';

/** Deadlines of this academic year (with its overrides) and next year's term 1. */
async function deadlines(today: string) {
  const { rounds } = await listRoundRows(appDb());
  const status = roundStatus(today, overridesOf(rounds, roundStatus(today).academicYear));
  return [...status.rounds, status.next];
}

/**
 * What changed since the last backup: a school's audit entries; a district's bundles received or made
 * (imports, findings) and keys enrolled. Times are all toISOString(), so they compare as strings.
 */
async function changesSince(kind: 'school' | 'district', since: string | null): Promise<number> {
  const db = appDb();
  const after = (at: string) => since === null || at > since;
  if (kind === 'school') return guarded(() => (since ? db.audit.where('at').above(since).count() : db.audit.count()));
  const [bundles, keys] = await Promise.all([
    guarded(() => db.bundles.filter((b) => after(b.receivedAt)).count()),
    guarded(() => db.trust.filter((k) => after(k.enrolledAt)).count()),
  ]);
  return bundles + keys;
}

/** Backups are a school's and a district's (decision 0025); round deadlines only a school's. */
export async function loadSafety(
  kind: 'school' | 'district',
  now: Date = new Date(),
  nav: Navigator = navigator,
): Promise<Safety> {
  const db = appDb();
  const today = todayIso(now);
  const [storage, last] = await Promise.all([storageStatus(nav), lastBackup(db)]);
  const changes = await changesSince(kind, last?.at ?? null);
  const lastBackupOn = last ? todayIso(new Date(last.at)) : null;
  const reminders = backupReminders({
    today,
    lastBackupOn,
    deadlines: kind === 'school' ? await deadlines(today) : [],
    changesSinceBackup: changes,
    usageBytes: storage.usageBytes,
    quotaBytes: storage.quotaBytes,
    persisted: storage.persisted,
    writeFailedFull: storageWasFull(),
  });
  return { storage, lastBackupOn, changesSinceBackup: changes, reminders };
}
