import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import SafetyStatus from '../../../src/ui/shell/SafetyStatus.svelte';
import { i18n } from '../../../src/ui/i18n/i18n.svelte';
import { router } from '../../../src/ui/state/router.svelte';
import { loadSafety, noteStorageProblem, type Safety } from '../../../src/ui/services/safety.service';
import { appDb } from '../../../src/db/database';
import { noteBackup } from '../../../src/db/backup-repo';
import { StorageError } from '../../../src/db/errors';
import type { Reminder } from '../../../src/domain/backup/reminder';
import { freshDb } from '../screens/confirm/school';

const GB = 1024 ** 3;
const safety = (over: Partial<Safety> = {}, reminders: Reminder[] = []): Safety => ({
  storage: { persisted: true, usageBytes: 0.1 * GB, quotaBytes: 10 * GB },
  lastBackupOn: '2026-06-08',
  changesSinceBackup: 0,
  reminders,
  ...over,
});
const loader = (s: Safety) => vi.fn(() => Promise.resolve(s));

afterEach(() => {
  cleanup();
  i18n.set('th');
});

describe('the data-safety status', () => {
  it('shows persistent storage and the last backup in the Buddhist Era, and no reminder when all is well', async () => {
    render(SafetyStatus, { kind: 'school', load: loader(safety()) });
    await expect(screen.findByText('สำรองล่าสุด 8 มิ.ย. 2569')).resolves.toBeInTheDocument();
    expect(screen.getByTestId('safety-persisted')).toHaveTextContent('ข้อมูลถาวร');
    expect(screen.queryByTestId('safety-reminder')).toBeNull();
    expect(screen.queryByTestId('safety-usage')).toBeNull();
  });

  it('says when data may be cleared and when there was never a backup; English too', async () => {
    render(SafetyStatus, {
      kind: 'school',
      load: loader(
        safety({ storage: { persisted: false, usageBytes: null, quotaBytes: null }, lastBackupOn: null }, [
          { kind: 'not-persisted', severity: 'info' },
        ]),
      ),
    });
    await expect(screen.findByText('ยังไม่เคยสำรองข้อมูล')).resolves.toBeInTheDocument();
    expect(screen.getByTestId('safety-persisted')).toHaveTextContent('ข้อมูลอาจถูกลบ');
    expect(screen.getByTestId('safety-persisted')).toHaveAttribute('title', expect.stringContaining('สำรองข้อมูลไว้เสมอ'));
    // An information-only reminder is the status line itself, not a banner.
    expect(screen.queryByTestId('safety-reminder')).toBeNull();
    i18n.set('en');
    await expect(screen.findByText('Never backed up')).resolves.toBeInTheDocument();
    expect(screen.getByTestId('safety-persisted')).toHaveTextContent('Data may be cleared');
  });

  it('reminds before a deadline and after big changes, with a button to the backup card', async () => {
    const reminders: Reminder[] = [
      {
        kind: 'deadline',
        severity: 'urgent',
        days: 2,
        changes: 40,
        round: { round: 'term1', academicYear: 2569, deadline: '2026-06-10' },
      },
      { kind: 'many-changes', severity: 'warn', changes: 3000 },
    ];
    router.go('home');
    render(SafetyStatus, { kind: 'school', load: loader(safety({ changesSinceBackup: 3000 }, reminders)) });
    const banner = await screen.findByTestId('safety-reminder');
    expect(banner).toHaveAttribute('role', 'alert');
    expect(banner).toHaveTextContent('อีก 2 วันจะถึงกำหนดส่งข้อมูลภาคเรียนที่ 1 ปีการศึกษา 2569 กรุณาสำรองข้อมูลก่อน');
    expect(banner).toHaveTextContent('มีข้อมูลเปลี่ยนแปลง 3000 รายการหลังการสำรองครั้งล่าสุด');
    const go = screen.getByRole('button', { name: 'ไปที่การสำรองข้อมูล' });
    expect(go).toHaveClass('btn');
    await fireEvent.click(go);
    expect(router.place).toBe('settings');
    expect(location.hash).toBe('#/settings');
  });

  it('warns when storage is nearly full, and on the deadline itself', async () => {
    const reminders: Reminder[] = [
      { kind: 'storage-nearly-full', severity: 'warn', percent: 85 },
      {
        kind: 'deadline',
        severity: 'urgent',
        days: 0,
        changes: 1,
        round: { round: 'year-end', academicYear: 2569, deadline: '2027-04-30' },
      },
    ];
    render(SafetyStatus, {
      kind: 'school',
      load: loader(safety({ storage: { persisted: true, usageBytes: 8.5 * GB, quotaBytes: 10 * GB } }, reminders)),
    });
    const banner = await screen.findByTestId('safety-reminder');
    expect(banner).toHaveTextContent('พื้นที่เก็บข้อมูลใกล้เต็ม (ใช้ไปแล้ว 85%)');
    expect(banner).toHaveTextContent('วันนี้เป็นวันกำหนดส่งข้อมูลสิ้นปีการศึกษา ปีการศึกษา 2569');
    expect(screen.getByTestId('safety-usage')).toHaveTextContent('ใช้พื้นที่ 85%');
  });

  it('on a district device shows the last backup and the way to back up, as in a school (decision 0025)', async () => {
    render(SafetyStatus, {
      kind: 'district',
      load: loader(safety({ lastBackupOn: null }, [{ kind: 'never-backed-up', severity: 'warn', changes: 4 }])),
    });
    await expect(screen.findByTestId('safety-reminder')).resolves.toHaveTextContent('ยังไม่เคยสำรองข้อมูล');
    expect(screen.getByTestId('safety-backup')).toHaveTextContent('ยังไม่เคยสำรองข้อมูล');
    expect(screen.getByTestId('safety-go-backup')).toBeInTheDocument();
  });
});

describe('loadSafety', () => {
  const nav = (persisted: boolean, usage: number, quota: number) =>
    ({
      storage: { persisted: () => Promise.resolve(persisted), estimate: () => Promise.resolve({ usage, quota }) },
    }) as unknown as Navigator;

  it('counts the changes since the last backup from the audit log and applies the rule', async () => {
    await freshDb();
    const db = appDb();
    const entry = (id: string, at: string) => ({
      id,
      at,
      userId: 'u1',
      userName: 'ครู',
      recordType: 'student' as const,
      recordId: id,
      action: 'create' as const,
      changes: [],
      note: null,
    });
    await db.audit.bulkAdd([
      entry('a1', '2026-06-01T03:00:00.000Z'),
      entry('a2', '2026-06-05T03:00:00.000Z'),
      entry('a3', '2026-06-06T03:00:00.000Z'),
    ]);
    const now = new Date('2026-06-08T03:00:00.000Z');
    const never = await loadSafety('school', now, nav(false, 1, 100));
    expect(never).toMatchObject({ lastBackupOn: null, changesSinceBackup: 3, storage: { persisted: false } });
    expect(never.reminders.map((r) => r.kind)).toEqual(['deadline', 'never-backed-up', 'not-persisted']);

    await noteBackup(db, {
      at: '2026-06-04T03:00:00.000Z',
      sequence: 1,
      statementSha256: 'f'.repeat(64),
      fileName: 'b.tabian',
    });
    const after = await loadSafety('school', now, nav(true, 90, 100));
    expect(after).toMatchObject({ lastBackupOn: '2026-06-04', changesSinceBackup: 2 });
    expect(after.reminders.map((r) => `${r.kind}:${r.severity}`)).toEqual([
      'deadline:urgent',
      'storage-nearly-full:warn',
    ]);

    noteStorageProblem(new StorageError('storage.full', new Error('QuotaExceededError')));
    expect((await loadSafety('district', now, nav(true, 1, 100))).reminders).toEqual([
      { kind: 'storage-full', severity: 'urgent' },
    ]);
  });
});

describe('the reminder clears when its state changes in place', () => {
  it('drops a backup reminder as soon as a backup is made, without a change of place', async () => {
    const { app } = await import('../../../src/ui/state/app.svelte');
    const load = vi
      .fn()
      .mockResolvedValueOnce(
        safety({ changesSinceBackup: 3000 }, [{ kind: 'many-changes', severity: 'warn', changes: 3000 }]),
      )
      .mockResolvedValue(safety());
    router.go('settings');
    render(SafetyStatus, { kind: 'school', load });
    await screen.findByTestId('safety-reminder');
    app.safetyChanged();
    await vi.waitFor(() => expect(screen.queryByTestId('safety-reminder')).toBeNull());
    expect(router.place).toBe('settings');
  });
});
