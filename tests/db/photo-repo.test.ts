import { afterEach, describe, expect, it } from 'vitest';
import { dumpDatabase, restoreDatabase } from '../../src/db/backup-repo';
import { TabianDb } from '../../src/db/database';
import {
  deletePhoto,
  deletePhotosOf,
  getPhoto,
  photosOf,
  photosOfOwners,
  photoUsage,
  savePhoto,
} from '../../src/db/photo-repo';
import { enableVault } from '../../src/db/vault-repo';
import { closeVault, setSealPolicy, setVaultEnabled } from '../../src/db/vault';
import { hashPin } from '../../src/domain/access/pin';
import type { PhotoInput } from '../../src/domain/photo/schema';
import { TEST_KDF } from '../fixtures/pins';

const db = () => new TabianDb(`photos-${Math.random()}`);
const bytes = (n: number, fill = 7) => new Uint8Array(n).fill(fill);
export const aPhoto = (id: string, fields: Partial<PhotoInput> = {}): PhotoInput => ({
  id,
  owner: { kind: 'screening', id: '2569/s1' },
  slot: 'outside',
  takenAt: '2026-06-12T09:30:00',
  width: 1600,
  height: 1200,
  mime: 'image/jpeg',
  bytes: bytes(1000),
  thumb: { width: 320, height: 240, mime: 'image/jpeg', bytes: bytes(100) },
  ...fields,
});

/** A store's rows as IndexedDB holds them, below the vault. */
async function rawRows(name: string, store: string): Promise<Record<string, unknown>[]> {
  const idb: IDBDatabase = await new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const rows: Record<string, unknown>[] = await new Promise((resolve, reject) => {
    const req = idb.transaction(store).objectStore(store).getAll();
    req.onsuccess = () => resolve(req.result as Record<string, unknown>[]);
    req.onerror = () => reject(req.error);
  });
  idb.close();
  return rows;
}

afterEach(() => {
  closeVault();
  setVaultEnabled(false);
  setSealPolicy({ pending: false, sealFormat: 1 });
});

describe('the photo store', () => {
  it("lists an owner's photos by time taken, and only theirs", async () => {
    const d = db();
    await savePhoto(d, aPhoto('b', { takenAt: '2026-06-12T10:00:00', slot: 'inside' }));
    await savePhoto(d, aPhoto('a'));
    await savePhoto(d, aPhoto('c', { owner: { kind: 'building', id: '2569/s1' }, slot: 'front' }));
    expect((await photosOf(d, { kind: 'screening', id: '2569/s1' })).map((p) => p.id)).toEqual(['a', 'b']);
    expect((await photosOf(d, { kind: 'building', id: '2569/s1' })).map((p) => p.slot)).toEqual(['front']);
    const many = await photosOfOwners(d, 'screening', ['2569/s1', '2569/s2']);
    expect([...many.keys()]).toEqual(['2569/s1']);
    expect([...(await getPhoto(d, 'a'))!.bytes]).toEqual([...bytes(1000)]);
  });

  it('totals what photos take from the size index, and deletes one or all of an owner', async () => {
    const d = db();
    expect(await photoUsage(d)).toEqual({ count: 0, bytes: 0 });
    await savePhoto(d, aPhoto('a'));
    await savePhoto(d, aPhoto('b', { bytes: bytes(2000) }));
    expect(await photoUsage(d)).toEqual({ count: 2, bytes: 1100 + 2100 });
    await deletePhoto(d, 'a');
    expect(await photoUsage(d)).toEqual({ count: 1, bytes: 2100 });
    expect(await deletePhotosOf(d, { kind: 'screening', id: '2569/s1' })).toBe(1);
    expect(await getPhoto(d, 'b')).toBeNull();
  });

  it('refuses a record that breaks photo/1 (no bytes, a zoned time, an unknown owner)', async () => {
    const d = db();
    await expect(savePhoto(d, aPhoto('a', { bytes: new Uint8Array(0) }))).rejects.toThrow();
    await expect(savePhoto(d, aPhoto('a', { takenAt: '2026-06-12T09:30:00Z' }))).rejects.toThrow();
    await expect(savePhoto(d, aPhoto('a', { owner: { kind: 'student' as never, id: 'x' } }))).rejects.toThrow();
    expect(await photoUsage(d)).toEqual({ count: 0, bytes: 0 });
  });

  it('is sealed with the vault on (the note and the bytes unreadable), and travels in a backup', async () => {
    const d = db();
    await d.open();
    const { pinKey } = await hashPin('482913', new Uint8Array(16).fill(9), TEST_KDF);
    await enableVault(d, 'u1', pinKey);
    await savePhoto(d, aPhoto('a', { note: 'บ้านนายลับ', bytes: new TextEncoder().encode('JPEGลับ') }));
    const raw = await rawRows(d.name, 'photos');
    expect(Object.keys(raw[0]!).sort()).toEqual(['$seal', '$sealed', 'id', 'owner', 'size']);
    expect(JSON.stringify(raw)).not.toContain('บ้านนายลับ');
    expect(await photoUsage(d)).toEqual({ count: 1, bytes: new TextEncoder().encode('JPEGลับ').byteLength + 100 });

    const dump = await dumpDatabase(d);
    expect(dump.stores['photos']).toHaveLength(1);
    const other = db();
    await other.open();
    await restoreDatabase(other, dump);
    expect((await getPhoto(other, 'a'))?.note).toBe('บ้านนายลับ');
  }, 30_000);
});
