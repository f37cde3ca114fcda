/// <reference lib="dom" />
// Photos of the screening and assets modules (issues 20 and 24), each beside its floor from the same run:
// (a) a 12 MP camera picture compressed and stored sealed, beside the browser's bare decode + one encode;
// (b) the encrypted backup of a school with N screened homes of 2 photos, its time beside writing the same
//     bytes to a file and its size beside the photo bytes it must carry;
// (c) opening a screening form with its photos, beside reading the same rows raw;
// (d) a school's buildings × 4 photos: the submission (thumbnails) and the full-photo set, time beside the
//     bare SHA-256 + AES-GCM of the same payload, size beside the bytes of the pictures.
// The app's code runs on the bench page (bench/page/photos.ts, asset-photos.ts) against its own database.
import type { PhotoBenchApi } from '../page/photos';
import type { AssetBenchApi } from '../page/asset-photos';
import { benchPage, type BenchCase } from '../lib/context';
import { median, result } from '../lib/stats';

type W = Window & { benchPhotos: PhotoBenchApi; benchAssets: AssetBenchApi };
const MB = 1024 * 1024;

export const photos: BenchCase = async (ctx) => {
  const started = performance.now();
  const homes = ctx.quick ? 6 : 300;
  const buildingCount = ctx.quick ? 2 : 20;
  const page = await benchPage(ctx);
  await page.waitForFunction(() => 'benchPhotos' in window && 'benchAssets' in window);
  await page.evaluate(() => (window as unknown as W).benchPhotos.openApp());

  // (a) camera → compressed → stored sealed; a new picture each run (generating it is not timed).
  const store: number[] = [];
  const decode: number[] = [];
  let sizes = { bytes: 0, thumb: 0, width: 0, camera: 0 };
  for (let i = 0; i < ctx.runs(5); i++) {
    const camera = await page.evaluate((s) => (window as unknown as W).benchPhotos.camera(s), i);
    const r = await page.evaluate((s) => (window as unknown as W).benchPhotos.compressAndStore(s), i);
    decode.push(await page.evaluate((s) => (window as unknown as W).benchPhotos.decodeEncode(s), i));
    store.push(r.ms);
    sizes = { bytes: r.bytes, thumb: r.thumb, width: r.width, camera };
  }
  ctx.log(
    `photo: ${(sizes.camera / MB).toFixed(1)} MB camera JPEG → ${Math.round(sizes.bytes / 1000)} KB (${sizes.width} px) + ${Math.round(sizes.thumb / 1000)} KB thumbnail; ${store.map((n) => n.toFixed(0)).join(', ')} ms; floor ${decode.map((n) => n.toFixed(0)).join(', ')} ms`,
  );

  // (b) the backup of `homes` screened homes.
  const stored = await page.evaluate((n) => (window as unknown as W).benchPhotos.seedHomes(n), homes);
  const backup: number[] = [];
  const write: number[] = [];
  let backupBytes = 0;
  for (let i = 0; i < (ctx.quick ? 1 : 2); i++) {
    const b = await page.evaluate(() => (window as unknown as W).benchPhotos.backup());
    write.push(await page.evaluate(() => (window as unknown as W).benchPhotos.rawWrite()));
    backup.push(b.ms);
    backupBytes = b.bytes;
  }
  ctx.log(
    `backup: ${homes} homes, ${(stored / MB).toFixed(1)} MB of photos → ${(backupBytes / MB).toFixed(1)} MB file in ${backup.map((n) => n.toFixed(0)).join(', ')} ms; raw write ${write.map((n) => n.toFixed(0)).join(', ')} ms`,
  );

  // (c) opening screening forms with their photos.
  const open: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < Math.min(homes, ctx.quick ? 5 : 30); i++) {
    open.push(await page.evaluate((h) => (window as unknown as W).benchPhotos.openForm(h), i));
    raw.push(await page.evaluate((h) => (window as unknown as W).benchPhotos.openFormRaw(h), i));
  }

  // (d) the buildings' photos in a submission (thumbnails) and as the full set.
  await page.evaluate((n) => (window as unknown as W).benchAssets.seedBuildings(n), buildingCount);
  const sub: number[] = [];
  const subFloor: number[] = [];
  const full: number[] = [];
  const fullFloor: number[] = [];
  let subSize = { bytes: 0, photos: 0 };
  let fullSize = { bytes: 0, pictures: 0 };
  for (let i = 0; i < ctx.runs(3); i++) {
    const s = await page.evaluate(() => (window as unknown as W).benchAssets.submission());
    subFloor.push(await page.evaluate(() => (window as unknown as W).benchAssets.bareCrypto()));
    const f = await page.evaluate(() => (window as unknown as W).benchAssets.fullSet());
    fullFloor.push(await page.evaluate(() => (window as unknown as W).benchAssets.bareCrypto()));
    sub.push(s.ms);
    full.push(f.ms);
    subSize = { bytes: s.bytes, photos: s.photos };
    fullSize = { bytes: f.bytes, pictures: f.pictures };
  }
  await page.context().close();
  ctx.log(`photos: the whole case took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const thumbsKb = (sizes.thumb * subSize.photos) / 1024;
  return [
    result({
      id: 'photo-store',
      title: '12 MP camera photo → compressed, stored sealed',
      runs: store,
      floor: { what: 'createImageBitmap + one OffscreenCanvas JPEG encode at 1600 px', runs: decode },
      counters: {
        cameraMB: sizes.camera / MB,
        photoKB: sizes.bytes / 1024,
        thumbKB: sizes.thumb / 1024,
        widthPx: sizes.width,
      },
    }),
    result({
      id: 'photo-backup',
      title: `encrypted backup, ${homes} screened homes × 2 photos`,
      runs: backup,
      floor: { what: 'writing the same bytes to a file (OPFS)', runs: write },
      counters: { homes, backupMB: backupBytes / MB, photosMB: stored / MB, sizeRatio: backupBytes / stored },
    }),
    result({
      id: 'photo-backup-size',
      title: `backup size, ${homes} screened homes × 2 photos`,
      unit: 'MB',
      runs: [backupBytes / MB],
      floor: { what: 'the photo bytes stored', runs: [stored / MB] },
    }),
    result({
      id: 'photo-form-open',
      title: 'open a screening form with its 2 photos',
      runs: open,
      floor: { what: 'the same rows read raw from IndexedDB', runs: raw },
      counters: { forms: open.length, p95: [...open].sort((a, b) => a - b)[Math.floor(open.length * 0.95)]! },
    }),
    result({
      id: 'assets-submission',
      title: `${buildingCount} buildings × 4 photos: submission with thumbnails`,
      runs: sub,
      floor: { what: 'SHA-256 + AES-GCM of the same payload', runs: subFloor },
      counters: { bundleKB: subSize.bytes / 1024, thumbnailsKB: thumbsKb, photos: subSize.photos },
    }),
    result({
      id: 'assets-full-photos',
      title: `${buildingCount} buildings × 4 photos: the full-photo set`,
      runs: full,
      floor: { what: 'SHA-256 + AES-GCM of the same payload', runs: fullFloor },
      counters: { bundleMB: fullSize.bytes / MB, picturesMB: fullSize.pictures / MB, medianFloorMs: median(fullFloor) },
    }),
  ];
};
