// When to remind the officer to back up, and when to warn about storage: a pure rule over what the
// device knows (dates are the device's calendar days, as ISO; the caller passes today).
import type { RoundId } from '../calendar';
import { daysBetween } from '../thai-date';

export type ReminderKind =
  | 'storage-full'
  | 'storage-nearly-full'
  | 'not-persisted'
  | 'never-backed-up'
  | 'deadline'
  | 'many-changes'
  | 'backup-old';
export type Severity = 'info' | 'warn' | 'urgent';

export interface Reminder {
  kind: ReminderKind;
  severity: Severity;
  /** deadline: days until it (0 on the day); backup-old: days since the backup. */
  days?: number;
  round?: { round: RoundId; academicYear: number; deadline: string };
  /** many-changes, deadline, never-backed-up: records changed since the last backup. */
  changes?: number;
  /** storage-nearly-full: whole per cent of the quota in use. */
  percent?: number;
}

export interface ReminderInput {
  today: string;
  /** The day of the last backup, or null when there never was one. */
  lastBackupOn: string | null;
  /** Round deadlines; past ones are ignored. */
  deadlines: readonly { round: RoundId; academicYear: number; deadline: string }[];
  /** Audit entries (changed records) written after the last backup, or since the start. */
  changesSinceBackup: number;
  usageBytes: number | null;
  quotaBytes: number | null;
  persisted: boolean | null;
  /** A write was refused for lack of space since the app opened. */
  writeFailedFull: boolean;
}

/** Warn this far ahead of a round's deadline; urgent in its last days. */
export const DEADLINE_WARN_DAYS = 7;
export const DEADLINE_URGENT_DAYS = 2;
/** This many changed records since the last backup count as a big change (one import, one new year). */
export const BIG_CHANGE = 100;
export const BACKUP_OLD_DAYS = 30;
/** Usage share of the quota that warns; Chromium's quota is a made-up share of the disk, so warn early. */
export const STORAGE_WARN = 0.8;
export const STORAGE_URGENT = 0.95;

const rank: Record<Severity, number> = { urgent: 0, warn: 1, info: 2 };

/** Every reminder that applies today, most severe first. */
export function backupReminders(input: ReminderInput): Reminder[] {
  const out: Reminder[] = [];
  const { today, changesSinceBackup: changes } = input;

  if (input.writeFailedFull) out.push({ kind: 'storage-full', severity: 'urgent' });
  else if (input.usageBytes !== null && input.quotaBytes !== null && input.quotaBytes > 0) {
    const share = input.usageBytes / input.quotaBytes;
    if (share >= STORAGE_WARN)
      out.push({
        kind: 'storage-nearly-full',
        severity: share >= STORAGE_URGENT ? 'urgent' : 'warn',
        percent: Math.floor(share * 100),
      });
  }
  if (input.persisted === false) out.push({ kind: 'not-persisted', severity: 'info' });

  // Nothing changed since the last backup (or nothing entered yet): the backup is current.
  if (changes > 0) {
    const upcoming = input.deadlines
      .filter((d) => d.deadline >= today)
      .sort((a, b) => (a.deadline < b.deadline ? -1 : 1))[0];
    const daysLeft = upcoming ? daysBetween(today, upcoming.deadline) : null;
    if (upcoming && daysLeft !== null && daysLeft <= DEADLINE_WARN_DAYS) {
      out.push({
        kind: 'deadline',
        severity: daysLeft <= DEADLINE_URGENT_DAYS ? 'urgent' : 'warn',
        days: daysLeft,
        round: upcoming,
        changes,
      });
    }
    if (input.lastBackupOn === null) out.push({ kind: 'never-backed-up', severity: 'warn', changes });
    else {
      if (changes >= BIG_CHANGE) out.push({ kind: 'many-changes', severity: 'warn', changes });
      const age = daysBetween(input.lastBackupOn, today);
      if (age >= BACKUP_OLD_DAYS) out.push({ kind: 'backup-old', severity: 'warn', days: age });
    }
  }
  return out.sort((a, b) => rank[a.severity] - rank[b.severity]);
}
