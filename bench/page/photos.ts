/// <reference lib="dom" />
// The bench page's photo jobs (issues 20 and 24), called as window.benchPhotos: the app's own code on the
// page's own database (the vault open with a random key, as after a sign-in), beside each platform floor.
import { appDb } from '../../src/db/database';
import { dumpDatabase } from '../../src/db/backup-repo';
import { photosOf, savePhoto } from '../../src/db/photo-repo';
import { getScreening } from '../../src/db/screening-repo';
import { openVault, setVaultEnabled } from '../../src/db/vault';
import { makeBackup } from '../../src/domain/backup/backup-bundle';
import { generateSigningKey } from '../../src/domain/bundle/keys';
import type { Photo, PhotoInput } from '../../src/domain/photo/schema';
import { SCREENING_FORM } from '../../src/domain/screening/options';
import { compressPhoto, fitWithin, PHOTO_MAX_SIDE, type Compressed } from '../../src/io/photo/compress';

export const now = () => performance.now();
export const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
export const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
export const school = {
  code: '1050130001',
  smis: '50130001',
  name: 'โรงเรียนทดสอบ',
  district: { code: '5001', name: 'สพป.ทดสอบ' },
  directorName: 'ผอ.ทดสอบ',
};
export const app = { name: 'tabian', version: 'bench' };
const cameras: Blob[] = [];
let base: Compressed | null = null;
let lastBackup: Uint8Array | null = null;

/** A 12 MP camera picture (4032×3024 JPEG at 0.92): gradients, shapes and sensor-like noise, so it compresses like a photo. */
async function camera(seed: number): Promise<number> {
  const c = new OffscreenCanvas(4032, 3024);
  const g = c.getContext('2d')!;
  const grad = g.createLinearGradient(0, 0, 4032, 3024);
  grad.addColorStop(0, `hsl(${seed * 47} 60% 70%)`);
  grad.addColorStop(1, `hsl(${seed * 47 + 90} 50% 30%)`);
  g.fillStyle = grad;
  g.fillRect(0, 0, 4032, 3024);
  for (let i = 0; i < 400; i++) {
    g.fillStyle = `hsl(${(seed * 47 + i * 7) % 360} 70% ${30 + (i % 40)}%)`;
    g.fillRect((i * 977) % 4000, (i * 613) % 3000, 60 + (i % 200), 40 + (i % 150));
  }
  const noise = new ImageData(256, 256);
  for (let i = 0; i < noise.data.length; i += 4) {
    const v = Math.random() * 255;
    noise.data.set([v, v, v, 70], i);
  }
  const tile = new OffscreenCanvas(256, 256);
  tile.getContext('2d')!.putImageData(noise, 0, 0);
  g.fillStyle = g.createPattern(tile, 'repeat')!;
  g.fillRect(0, 0, 4032, 3024);
  cameras[seed] = await c.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
  return cameras[seed].size;
}

/** The database of the app on this page, with the vault on and open. */
async function openApp(): Promise<void> {
  setVaultEnabled(true);
  await openVault(random(32));
  await appDb().open();
}

/** A camera picture through the app: compressed (quality stepped to ≤ 400 KB, thumbnail) and stored sealed. */
async function compressAndStore(seed: number): Promise<{ ms: number; bytes: number; thumb: number; width: number }> {
  gc();
  const t0 = now();
  const c = await compressPhoto(cameras[seed]!);
  await savePhoto(appDb(), {
    id: `cam-${seed}-${Math.random()}`,
    owner: { kind: 'screening', id: 'bench' },
    slot: 'outside',
    takenAt: '2026-06-20T09:30:00',
    width: c.width,
    height: c.height,
    mime: c.mime,
    bytes: c.bytes,
    thumb: c.thumb,
  });
  const ms = now() - t0;
  base ??= c;
  return { ms, bytes: c.bytes.byteLength, thumb: c.thumb.bytes.byteLength, width: c.width };
}

/** The floor: the browser's bare decode of the same file and one JPEG encode at the same output size. */
async function decodeEncode(seed: number): Promise<number> {
  gc();
  const t0 = now();
  const bitmap = await createImageBitmap(cameras[seed]!);
  const { width, height } = fitWithin(bitmap.width, bitmap.height, PHOTO_MAX_SIDE);
  const c = new OffscreenCanvas(width, height);
  c.getContext('2d')!.drawImage(bitmap, 0, 0, width, height);
  await c.convertToBlob({ type: 'image/jpeg', quality: 0.86 });
  bitmap.close();
  return now() - t0;
}

/** The compressed picture's bytes with the scan data made unique, so no two stored photos compress alike. */
function unique(bytes: Uint8Array): Uint8Array {
  const out = bytes.slice();
  for (let at = 1024; at < out.length - 2; at += 65_536) out.set(random(Math.min(65_536, out.length - 2 - at)), at);
  return out;
}
export const photoOf = (id: string, owner: Photo['owner'], slot: string): PhotoInput => ({
  id,
  owner,
  slot,
  takenAt: '2026-06-20T09:30:00',
  width: base!.width,
  height: base!.height,
  mime: base!.mime,
  bytes: unique(base!.bytes),
  thumb: { ...base!.thumb, bytes: unique(base!.thumb.bytes) },
});

/** `homes` screened households of a household of five with two photos each, stored sealed (not timed). */
async function seedHomes(homes: number): Promise<number> {
  const db = appDb();
  let bytes = 0;
  for (let h = 0; h < homes; h++) {
    const id = `2569/home-${h}`;
    const photos = [
      photoOf(`${id}/outside`, { kind: 'screening', id }, 'outside'),
      photoOf(`${id}/inside`, { kind: 'screening', id }, 'inside'),
    ];
    const members = Array.from({ length: 5 }, (_, m) => ({
      name: `สมาชิก ${m + 1} บ้านที่ ${h}`,
      relation: 'แม่',
      age: 30 + m,
      income: { wages: 1500 },
    }));
    await db.transaction('rw', [db.screenings, db.photos, db.settings, db.ops], async () => {
      await db.screenings.put({
        id,
        studentId: `home-${h}`,
        academicYear: 2569,
        formVersion: SCREENING_FORM.version,
        members,
        photos: { outside: photos[0]!.id, inside: photos[1]!.id },
        gps: { lat: 18.8, lon: 98.95, accuracyM: 8, source: 'device' },
      } as never);
      for (const p of photos) await savePhoto(db, p);
    });
    bytes += photos.reduce(
      (n, p) => n + (p.bytes as Uint8Array).byteLength + (p.thumb.bytes as Uint8Array).byteLength,
      0,
    );
  }
  return bytes;
}

/** The school's encrypted backup as Settings makes it (dump every store, encrypt to the passphrase, sign). */
async function backup(): Promise<{ ms: number; bytes: number }> {
  const device = await generateSigningKey(false);
  gc();
  const t0 = now();
  const dump = await dumpDatabase(appDb());
  const made = await makeBackup({
    dump,
    school,
    academicYear: 2569,
    asOf: '2026-06-20',
    sequence: 1,
    previous: null,
    device: { key: device, name: 'device' },
    passphrase: 'ต้นมะม่วง หน้าโรงเรียน',
    now: new Date(),
    bundleId: crypto.randomUUID(),
    app,
    random,
  });
  const ms = now() - t0;
  lastBackup = made.bytes;
  return { ms, bytes: made.bytes.byteLength };
}

/** The floor: writing the same number of bytes to a file (the origin's private file system), flushed. */
async function rawWrite(): Promise<number> {
  const dir = await navigator.storage.getDirectory();
  const handle = await dir.getFileHandle(`floor-${Math.random()}.bin`, { create: true });
  gc();
  const t0 = now();
  const w = await handle.createWritable();
  await w.write(lastBackup! as Uint8Array<ArrayBuffer>);
  await w.close();
  const ms = now() - t0;
  await dir.removeEntry(handle.name);
  return ms;
}

/** Opening a screening form as the app does: the record and its photos, read and unsealed. */
async function openForm(home: number): Promise<number> {
  const id = `2569/home-${home}`;
  const t0 = now();
  const [s, photos] = await Promise.all([getScreening(appDb(), id), photosOf(appDb(), { kind: 'screening', id })]);
  if (!s || photos.length !== 2) throw new Error(`home ${home}: ${photos.length} photos`);
  return now() - t0;
}

/** The floor: the same rows read raw from IndexedDB (ciphertext, not opened). */
function openFormRaw(home: number): Promise<number> {
  const id = `2569/home-${home}`;
  return new Promise((resolve, reject) => {
    const req = indexedDB.open('tabian');
    req.onsuccess = () => {
      const t0 = now();
      const tx = req.result.transaction(['screenings', 'photos']);
      tx.objectStore('screenings').get(id);
      tx.objectStore('photos').index('[owner.kind+owner.id]').getAll(['screening', id]);
      tx.oncomplete = () => {
        resolve(now() - t0);
        req.result.close();
      };
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  });
}

const api = { camera, openApp, compressAndStore, decodeEncode, seedHomes, backup, rawWrite, openForm, openFormRaw };
export type PhotoBenchApi = typeof api;
(window as unknown as { benchPhotos: PhotoBenchApi }).benchPhotos = api;
