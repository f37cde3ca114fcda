import { beforeEach, describe, expect, it } from 'vitest';
import { appDb } from '../../../src/db/database';
import { enrolKeys } from '../../../src/db/trust-repo';
import { getScreening, saveScreening } from '../../../src/db/screening-repo';
import { deletePhoto, getPhoto, photosOf, savePhoto } from '../../../src/db/photo-repo';
import { listBuildings, saveBuilding } from '../../../src/db/asset-repo';
import { buildingSchema } from '../../../src/domain/assets/schema';
import { screeningSchema } from '../../../src/domain/screening/schema';
import type { PhotoInput } from '../../../src/domain/photo/schema';
import type { PublicKeyFile } from '../../../src/domain/bundle/trust';
import { asBytes } from '../../../src/domain/bundle/bytes';
import { inspectBundle } from '../../../src/domain/bundle/verify';
import { devicePublicKeyFile, exportSync, importSync, type SyncFile } from '../../../src/ui/services/sync.service';
import { certifiedSchool } from './certified-school';

const inStep = async () =>
  appDb().settings.put({ key: 'sync.exported', value: (await appDb().settings.get('sync.clock'))!.value });
const fileOf = (f: SyncFile) => new File([f.bytes as Uint8Array<ArrayBuffer>], f.fileName);
const enrol = async (f: PublicKeyFile) => {
  const { format: _format, fingerprint: _fp, ...key } = f;
  await enrolKeys(appDb(), [key], { now: new Date(), by: 'test', source: 'file' });
};
const picture = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + seed) % 256);
const aPhoto = (id: string, owner: PhotoInput['owner'], slot: string, seed: number, size = 200_000): PhotoInput => ({
  id,
  owner,
  slot,
  takenAt: '2026-06-12T09:30:00',
  width: 1600,
  height: 1200,
  mime: 'image/jpeg',
  bytes: picture(size, seed),
  thumb: { width: 320, height: 240, mime: 'image/jpeg', bytes: picture(9_000, seed) },
});
const screening = (over: object = {}) =>
  screeningSchema.parse({ id: '2569/s1', studentId: 's1', academicYear: 2569, formVersion: 'v', ...over });

beforeEach(async () => {
  await certifiedSchool();
});

describe('sync with photos (decision 0038)', () => {
  it('hands a teacher’s screening with 2 photos and a building photo to the main device', async () => {
    const t0 = new Date('2026-06-12T02:00:00Z');
    await inStep();
    const by = { userName: 'ครูสมใจ', now: t0 };
    await savePhoto(appDb(), aPhoto('p-out', { kind: 'screening', id: '2569/s1' }, 'outside', 1), t0);
    await savePhoto(appDb(), aPhoto('p-in', { kind: 'screening', id: '2569/s1' }, 'inside', 2), t0);
    await saveScreening(appDb(), screening({ travel: { pocketMoneyPerDay: 20 } }), by);
    await saveBuilding(
      appDb(),
      2569,
      buildingSchema.parse({
        id: 'b1',
        kind: 'b01',
        condition: 'fair',
        photos: { front: { id: 'p-front', takenOn: '2026-06-12' } },
      }),
      t0,
    );
    await savePhoto(appDb(), aPhoto('p-front', { kind: 'building', id: '2569/b1' }, 'front', 3), t0);
    // A photo taken and deleted before the export is not sent, and its removal travels.
    await savePhoto(appDb(), aPhoto('p-gone', { kind: 'screening', id: '2569/s1' }, 'inside', 4), t0);
    await deletePhoto(appDb(), 'p-gone', t0);
    const tabletKey = (await devicePublicKeyFile(t0))!;
    const out = await exportSync(t0, { save: false });
    if (!out.ok) throw new Error(out.problem);
    expect(out).toMatchObject({ photos: 3, files: [{ fileName: '1050130001-2569-sync-1.tabian' }] });
    const statement = (await inspectBundle(asBytes(out.bytes))).statement!;
    expect(statement.counts).toEqual({ operations: out.operations, photos: 3 });
    expect(statement.files.map((f) => f.schema)).toEqual(['operation/1', 'photo/1']);

    // The school's main device already holds the building (carried over) and had its own edit of the screening.
    await certifiedSchool();
    await enrol(tabletKey);
    const t1 = new Date('2026-06-12T03:00:00Z');
    expect(await importSync(fileOf(out.files[0]!), t1)).toMatchObject({
      outcome: 'accepted',
      photos: 3,
      applied: { screenings: 1, buildings: 1 },
    });
    expect(await getScreening(appDb(), '2569/s1')).toMatchObject({ studentId: 's1' });
    expect((await photosOf(appDb(), { kind: 'screening', id: '2569/s1' })).map((p) => p.slot)).toEqual([
      'inside',
      'outside',
    ]);
    const got = (await getPhoto(appDb(), 'p-out'))!.bytes;
    expect(got.length === 200_000 && picture(200_000, 1).every((b, i) => got[i] === b)).toBe(true);
    expect(await getPhoto(appDb(), 'p-gone')).toBeNull();
    expect((await listBuildings(appDb(), 2569))[0]).toMatchObject({
      id: 'b1',
      condition: 'fair',
      photos: { front: { id: 'p-front' } },
    });
    expect(await importSync(fileOf(out.files[0]!), t1)).toMatchObject({ outcome: 'duplicate', photos: 0 });
  }, 60_000);

  it('splits photos over several bundles of one chain when they pass the bound, each importable in turn', async () => {
    const t0 = new Date('2026-06-12T02:00:00Z');
    await inStep();
    // 16 MiB of payload holds about 31 photos of 400 KB (base64 × 4/3): 35 need two bundles.
    for (let i = 0; i < 35; i++)
      await savePhoto(appDb(), aPhoto(`p${i}`, { kind: 'screening', id: '2569/s1' }, 'outside', i, 400_000), t0);
    const tabletKey = (await devicePublicKeyFile(t0))!;
    const out = await exportSync(t0, { save: false });
    if (!out.ok) throw new Error(out.problem);
    expect(out.files.map((f) => f.fileName)).toEqual([
      '1050130001-2569-sync-1.tabian',
      '1050130001-2569-sync-2.tabian',
    ]);
    const second = (await inspectBundle(asBytes(out.files[1]!.bytes))).statement!;
    expect(second).toMatchObject({ sequence: 2, counts: { operations: 0 } });
    for (const f of out.files) expect(f.bytes.length).toBeLessThan(17 * 1024 * 1024);

    await certifiedSchool();
    await enrol(tabletKey);
    // The second part first waits for the first (chain), then both are in.
    expect(await importSync(fileOf(out.files[1]!))).toMatchObject({ outcome: 'held', reason: 'chain.gap' });
    expect(await importSync(fileOf(out.files[0]!))).toMatchObject({ outcome: 'accepted' });
    expect(await importSync(fileOf(out.files[1]!))).toMatchObject({ outcome: 'accepted' });
    expect(await appDb().photos.count()).toBe(35);
  }, 120_000);
});
