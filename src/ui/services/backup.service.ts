// Settings → สำรองข้อมูล (a school's and a district office's): the whole database as a passphrase-encrypted backup bundle, downloaded; and a
// restore that verifies the file completely before replacing anything (one transaction).
import { appDb } from '../../db/database';
import {
  BackupRowsError,
  BackupVersionError,
  dumpDatabase,
  lastBackup,
  noteBackup,
  restoreDatabase,
  type LastBackup,
} from '../../db/backup-repo';
import { activeKey, createDeviceKey, signingKeyOf } from '../../db/key-repo';
import { loadProfile } from '../../db/profile-repo';
import { makeBackup, openBackup, type BackupProblem } from '../../domain/backup/backup-bundle';
import { backupSubject } from '../../domain/backup/subject';
import type { DeviceProfile } from '../../domain/school';
import { asBytes } from '../../domain/bundle/bytes';
import { BUNDLE_MEDIA_TYPE } from '../../domain/bundle/create';
import type { SigningKey } from '../../domain/bundle/keys';
import { academicYearOf } from '../../domain/calendar';
import { todayIso } from './clock';
import { download } from './export.service';
import { fileBytes } from './import.service';
// Components name these rows' types through the service, never through src/db (decision 0036).
export type { LastBackup } from '../../db/backup-repo';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
export { MIN_BACKUP_PASSPHRASE } from '../../domain/backup/backup-bundle';

export const lastBackupInfo = (): Promise<LastBackup | null> => lastBackup(appDb());

/** The device's own non-extractable signing key, made the first time one is needed. */
async function deviceKey(now: Date): Promise<{ key: SigningKey; name: string }> {
  const db = appDb();
  const row =
    (await activeKey(db, 'device')) ?? (await createDeviceKey(db, { role: 'device', name: 'device', now })).row;
  const key = await signingKeyOf(row);
  if (!key) throw new Error('the device key cannot sign');
  return { key, name: row.name };
}

export type BackupMade =
  { ok: true; fileName: string; bytes: Uint8Array } | { ok: false; problem: 'backup.no_profile' };

/** A school's or a district office's whole database: the same file, the same reminders (decision 0025). */

/** Makes, downloads and notes a backup. PBKDF2 at 600,000 iterations takes a moment: the UI says so. */
export async function backUp(
  passphrase: string,
  now: Date = new Date(),
  opts: { iterations?: number; save?: boolean } = {},
): Promise<BackupMade> {
  const db = appDb();
  const profile = await loadProfile(db);
  if (!profile) return { ok: false, problem: 'backup.no_profile' };
  const subject = backupSubject(profile);
  const device = await deviceKey(now);
  const [dump, last] = await Promise.all([dumpDatabase(db), lastBackup(db)]);
  const today = todayIso(now);
  const academicYear = academicYearOf(today);
  const sequence = (last?.sequence ?? 0) + 1;
  const made = await makeBackup({
    dump,
    academicYear,
    asOf: today,
    sequence,
    previous: last?.statementSha256 ?? null,
    device,
    passphrase,
    now,
    school: subject.school,
    bundleId: crypto.randomUUID(),
    app: { name: 'tabian', version: __APP_VERSION__ },
    random,
    ...(opts.iterations ? { iterations: opts.iterations } : {}),
  });
  const fileName = subject.fileName(academicYear, sequence);
  await noteBackup(db, { at: now.toISOString(), sequence, statementSha256: made.statementSha256, fileName });
  if (opts.save !== false) download(made.bytes, fileName, BUNDLE_MEDIA_TYPE);
  return { ok: true, fileName, bytes: made.bytes };
}

export type RestoreProblem = BackupProblem | 'backup.version';
export type Restored =
  | {
      ok: true;
      kind: DeviceProfile['kind'] | null;
      students: number;
      bundles: number;
      backedUpAt: string;
      districtKeyMissing: boolean;
    }
  | { ok: false; problem: RestoreProblem; detail: string | null };

/** Verifies the whole file with the passphrase, then replaces the database; on any problem nothing changes. */
export async function restoreBackup(file: Blob, passphrase: string): Promise<Restored> {
  const opened = await openBackup(asBytes(new Uint8Array(await fileBytes(file))), passphrase);
  if (!opened.ok) return opened;
  try {
    await restoreDatabase(appDb(), opened.dump);
  } catch (e) {
    if (e instanceof BackupVersionError) return { ok: false, problem: 'backup.version', detail: e.message };
    if (e instanceof BackupRowsError) return { ok: false, problem: 'backup.damaged', detail: e.message };
    throw e;
  }
  const db = appDb();
  const profile = await loadProfile(db);
  // A district's own key never leaves its device: on a new device it comes back from its own key backup.
  const districtKeyMissing = profile?.kind === 'district' && !(await activeKey(db, 'district'));
  const bundles = (opened.dump.stores['bundles'] ?? []).filter(
    (b) => (b as { direction?: string }).direction === 'in',
  ).length;
  return {
    ok: true,
    kind: profile?.kind ?? null,
    students: opened.dump.stores['students']?.length ?? 0,
    bundles,
    backedUpAt: opened.statement.createdAt,
    districtKeyMissing,
  };
}
