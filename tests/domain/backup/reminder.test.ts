import { describe, expect, it } from 'vitest';
import { backupReminders, type ReminderInput } from '../../../src/domain/backup/reminder';
import { roundsOf } from '../../../src/domain/calendar';

const GB = 1024 ** 3;
const base: ReminderInput = {
  today: '2026-05-20',
  lastBackupOn: '2026-05-19',
  deadlines: roundsOf(2569),
  changesSinceBackup: 0,
  usageBytes: 0.1 * GB,
  quotaBytes: 10 * GB,
  persisted: true,
  writeFailedFull: false,
};
const kinds = (input: Partial<ReminderInput>) =>
  backupReminders({ ...base, ...input }).map((r) => `${r.kind}:${r.severity}`);

describe('backup reminders', () => {
  it('says nothing when the backup is current and storage is fine', () => {
    expect(backupReminders(base)).toEqual([]);
    // Even at a deadline: nothing changed since the last backup.
    expect(kinds({ today: '2026-06-09' })).toEqual([]);
  });

  it('reminds before each round deadline when something changed since the last backup', () => {
    expect(kinds({ today: '2026-06-02', changesSinceBackup: 3 })).toEqual([]);
    expect(backupReminders({ ...base, today: '2026-06-03', changesSinceBackup: 3 })).toEqual([
      {
        kind: 'deadline',
        severity: 'warn',
        days: 7,
        changes: 3,
        round: expect.objectContaining({ round: 'term1', academicYear: 2569, deadline: '2026-06-10' }),
      },
    ]);
    expect(kinds({ today: '2026-06-08', changesSinceBackup: 3 })).toEqual(['deadline:urgent']);
    expect(backupReminders({ ...base, today: '2026-06-10', changesSinceBackup: 3 })[0]).toMatchObject({
      kind: 'deadline',
      days: 0,
    });
    // The next round's deadline once term 1's has passed.
    expect(
      backupReminders({ ...base, today: '2026-11-05', lastBackupOn: '2026-11-01', changesSinceBackup: 1 })[0],
    ).toMatchObject({ kind: 'deadline', days: 5, round: { round: 'term2' } });
    expect(kinds({ today: '2026-06-11', changesSinceBackup: 3 })).toEqual([]);
  });

  it('asks for a first backup once there is data, and after a big change', () => {
    expect(kinds({ lastBackupOn: null, changesSinceBackup: 0 })).toEqual([]);
    expect(kinds({ lastBackupOn: null, changesSinceBackup: 1 })).toEqual(['never-backed-up:warn']);
    expect(kinds({ changesSinceBackup: 99 })).toEqual([]);
    expect(backupReminders({ ...base, changesSinceBackup: 3000 })).toEqual([
      { kind: 'many-changes', severity: 'warn', changes: 3000 },
    ]);
  });

  it('asks again when the last backup is a month old and there were changes', () => {
    expect(kinds({ lastBackupOn: '2026-04-20', changesSinceBackup: 1 })).toEqual(['backup-old:warn']);
    expect(kinds({ lastBackupOn: '2026-04-21', changesSinceBackup: 1 })).toEqual([]);
    expect(kinds({ lastBackupOn: '2026-01-01', changesSinceBackup: 0 })).toEqual([]);
  });

  it('warns well before storage is full, and at once when a write was refused', () => {
    expect(kinds({ usageBytes: 7.9 * GB })).toEqual([]);
    expect(backupReminders({ ...base, usageBytes: 8.1 * GB })).toEqual([
      { kind: 'storage-nearly-full', severity: 'warn', percent: 81 },
    ]);
    expect(kinds({ usageBytes: 9.6 * GB })).toEqual(['storage-nearly-full:urgent']);
    expect(kinds({ writeFailedFull: true })).toEqual(['storage-full:urgent']);
    // A browser that will not say how much it holds gives no usage warning.
    expect(kinds({ usageBytes: null, quotaBytes: null })).toEqual([]);
    expect(kinds({ usageBytes: 5, quotaBytes: 0 })).toEqual([]);
  });

  it('notes storage that the browser may clear, and lists the most severe first', () => {
    expect(kinds({ persisted: false })).toEqual(['not-persisted:info']);
    expect(kinds({ persisted: null })).toEqual([]);
    expect(
      kinds({
        persisted: false,
        today: '2026-06-09',
        lastBackupOn: null,
        changesSinceBackup: 500,
        writeFailedFull: true,
      }),
    ).toEqual(['storage-full:urgent', 'deadline:urgent', 'never-backed-up:warn', 'not-persisted:info']);
  });
});
