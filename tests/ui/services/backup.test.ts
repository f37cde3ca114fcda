import { beforeEach, describe, expect, it } from 'vitest';
import { appDb } from '../../../src/db/database';
import { dumpDatabase } from '../../../src/db/backup-repo';
import { saveUser, getUser } from '../../../src/db/user-repo';
import { asBytes } from '../../../src/domain/bundle/bytes';
import { inspectBundle } from '../../../src/domain/bundle/verify';
import { openBackup } from '../../../src/domain/backup/backup-bundle';
import { backUp, lastBackupInfo, restoreBackup } from '../../../src/ui/services/backup.service';
import { unlockPersonKey } from '../../../src/ui/services/signing.service';
import { certifiedSchool } from './certified-school';
import { getPhoto, savePhoto } from '../../../src/db/photo-repo';
import { buildingSchema } from '../../../src/domain/assets/schema';
import { listBuildings, saveBuilding } from '../../../src/db/asset-repo';

const PASS = 'ต้นมะม่วง หน้าโรงเรียน';
const blob = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]);
const core = async () => {
  const { stores } = await dumpDatabase(appDb());
  return {
    students: stores['students'],
    users: stores['users'],
    rounds: stores['rounds'],
    profile: stores['profile'],
    keys: stores['keys'],
  };
};

async function made(): Promise<Uint8Array> {
  const r = await backUp(PASS, new Date('2026-06-12T04:00:00Z'), { save: false });
  if (!r.ok) throw new Error(r.problem);
  expect(r.fileName).toBe('1050130001-2569-backup-1.tabian');
  return r.bytes;
}

beforeEach(async () => {
  await certifiedSchool();
  const unlocked = await unlockPersonKey((await getUser(appDb(), 'd1'))!, '7531');
  expect(unlocked.ok).toBe(true);
});

describe('backup and restore', () => {
  it('makes a signed, passphrase-encrypted backup bundle and notes when', async () => {
    expect(await lastBackupInfo()).toBeNull();
    const bytes = await made();
    const looked = await inspectBundle(asBytes(bytes));
    expect(looked.statement).toMatchObject({
      kind: 'backup',
      round: null,
      sequence: 1,
      previous: null,
      attestations: [{ role: 'device', act: 'export' }],
    });
    expect(looked.statement?.encryption).not.toBeNull();
    expect(JSON.stringify(looked.statement)).not.toContain('มาลี');
    expect(await lastBackupInfo()).toMatchObject({ at: '2026-06-12T04:00:00.000Z', sequence: 1 });
    const opened = await openBackup(asBytes(bytes), PASS);
    expect(opened.ok).toBe(true);
    const second = await backUp(PASS, new Date('2026-06-13T04:00:00Z'), { save: false });
    const next = second.ok ? await inspectBundle(asBytes(second.bytes)) : null;
    expect(next?.statement).toMatchObject({ sequence: 2, previous: looked.statementSha256 });
  }, 60_000);

  it('restores the same data, including the PIN-wrapped keys', async () => {
    const before = await core();
    const bytes = await made();
    await appDb().students.clear();
    await saveUser(appDb(), { ...(await getUser(appDb(), 'u1'))!, name: 'เปลี่ยนชื่อ' });
    await appDb().keys.clear();
    const r = await restoreBackup(blob(bytes), PASS);
    expect(r).toMatchObject({ ok: true, students: 3 });
    expect(await core()).toEqual(before);
    const again = await unlockPersonKey((await getUser(appDb(), 'd1'))!, '7531');
    expect(again).toMatchObject({ ok: true, created: false });
  }, 60_000);

  it('restores a building survey with its photos, bytes and thumbnails alike (issue 22)', async () => {
    const photo = {
      id: 'ph1',
      owner: { kind: 'building' as const, id: '2569/b1' },
      slot: 'front' as const,
      takenAt: '2026-06-12T09:30:00',
      width: 1600,
      height: 1200,
      mime: 'image/jpeg' as const,
      bytes: new Uint8Array(3000).fill(9),
      thumb: { width: 320, height: 240, mime: 'image/jpeg' as const, bytes: new Uint8Array(100).fill(4) },
    };
    await savePhoto(appDb(), photo);
    await saveBuilding(
      appDb(),
      2569,
      buildingSchema.parse({
        id: 'b1',
        kind: 'b01',
        name: 'อาคาร 1',
        condition: 'poor',
        note: 'หลังคารั่ว',
        photos: { front: { id: 'ph1', takenOn: '2026-06-12' } },
      }),
    );
    const bytes = await made();
    await appDb().photos.clear();
    await appDb().buildings.clear();
    const restored = await restoreBackup(blob(bytes), PASS);
    expect(restored).toMatchObject({ ok: true });
    const back = await getPhoto(appDb(), 'ph1');
    expect([...back!.bytes]).toEqual([...photo.bytes]);
    expect([...back!.thumb.bytes]).toEqual([...photo.thumb.bytes]);
    expect((await listBuildings(appDb(), 2569)).map((b) => [b.id, b.condition, b.note, b.photos.front?.id])).toEqual([
      ['b1', 'poor', 'หลังคารั่ว', 'ph1'],
    ]);
  }, 60_000);

  it('refuses a wrong passphrase and a damaged file without touching the data', async () => {
    const bytes = await made();
    await appDb().students.delete('s3');
    const before = await core();
    expect(await restoreBackup(blob(bytes), 'ผิดรหัสผ่านแน่นอน')).toMatchObject({
      ok: false,
      problem: 'backup.passphrase',
    });
    const damaged = bytes.slice();
    damaged[Math.floor(damaged.length * 0.6)]! ^= 0xff;
    const r = await restoreBackup(blob(damaged), PASS);
    expect(r.ok).toBe(false);
    expect(['backup.file', 'backup.damaged']).toContain(r.ok ? null : r.problem);
    expect(await restoreBackup(blob(new TextEncoder().encode('not a zip')), PASS)).toMatchObject({
      ok: false,
      problem: 'backup.file',
    });
    expect(await core()).toEqual(before);
  }, 60_000);
});
