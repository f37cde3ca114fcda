// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { createBundle } from '../../../src/domain/bundle/create';
import { exportPrivateJwk, importPrivateJwk } from '../../../src/domain/bundle/keys';
import { fullRecordsParts, packPhotos, PHOTO_BUNDLE_MAX_BYTES, syncParts } from '../../../src/domain/bundle/parts';
import { recordsOf } from '../../../src/domain/bundle/verify-files';
import { verifyBundle } from '../../../src/domain/bundle/verify';
import { photoFromPayload, photoLineBytes, photoToPayload } from '../../../src/domain/photo/payload';
import { photoSchema, type PhotoInput } from '../../../src/domain/photo/schema';
import { screeningSchema } from '../../../src/domain/screening/schema';
import { buildingSchema } from '../../../src/domain/assets/schema';
import { makeKeys, random, submissionInput, syncInput, trustListOf, type TestKeys } from './helpers';

const filled = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) % 251);
const aPhoto = (id: string, size = 3000, over: Partial<PhotoInput> = {}) =>
  photoToPayload(
    photoSchema.parse({
      id,
      owner: { kind: 'screening', id: '2569/s1' },
      slot: 'outside',
      takenAt: '2026-06-12T09:30:00',
      width: 1600,
      height: 1200,
      mime: 'image/jpeg',
      bytes: filled(size, id.length),
      thumb: { width: 320, height: 240, mime: 'image/jpeg', bytes: filled(200, 3) },
      ...over,
    }),
  );
const screening = screeningSchema.parse({ id: '2569/s1', studentId: 's1', academicYear: 2569, formVersion: 'v' });
const building = buildingSchema.parse({
  id: 'b1',
  kind: 'b01',
  design: 'สปช. 105/29',
  name: 'อาคาร 1',
  roomsByDesign: 4,
  roomsActual: 4,
  specialRooms: 0,
  floors: 2,
  builtYearBE: 2530,
  budgetBaht: null,
  budgetSource: '',
  condition: 'good',
  inUse: true,
  note: '',
  photos: { front: null, back: null, left: null, right: null },
  removedOn: null,
});

let keys: TestKeys;
beforeAll(async () => {
  keys = await makeKeys();
});

describe('photo/1 payload', () => {
  it('gives back the same picture and thumbnail, byte for byte', () => {
    const p = aPhoto('p1', 5000, { note: 'หน้าบ้าน', gps: { lat: 14.1, lon: 100.5, accuracyM: 8, source: 'device' } });
    const back = photoFromPayload(p);
    expect(back.bytes).toEqual(filled(5000, 2));
    expect(back.thumb.bytes).toEqual(filled(200, 3));
    expect(back).toMatchObject({
      id: 'p1',
      owner: { kind: 'screening', id: '2569/s1' },
      note: 'หน้าบ้าน',
      gps: { lat: 14.1 },
    });
  });
});

describe('packing photos under the bound', () => {
  it('keeps every part within the budget, in order, and only as many parts as needed', () => {
    const photos = ['a', 'b', 'c', 'd', 'e'].map((id) => aPhoto(id, 3000));
    const line = photoLineBytes(photos[0]!);
    const parts = packPhotos(photos, line * 2 + 10);
    expect(parts.map((p) => p.map((x) => x.id))).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(packPhotos(photos, line * 5)).toHaveLength(1);
    // Records already in the first bundle take their room.
    expect(packPhotos(photos, line * 2 + 10, line).map((p) => p.length)).toEqual([1, 2, 2]);
    expect(packPhotos([], 100)).toEqual([[]]);
  });

  it('refuses a photo, or records, larger than the bound rather than making a bundle over it', () => {
    expect(() => packPhotos([aPhoto('big', 9000)], 1000)).toThrow(/exceeds the bundle bound/);
    expect(() => packPhotos([], 100, 101)).toThrow(/exceed the bundle bound/);
  });

  it('puts the operations in the first sync part and every byte of payload under the bound', () => {
    const photos = Array.from({ length: 7 }, (_, i) => aPhoto(`p${i}`, 4000));
    const budget = photoLineBytes(photos[0]!) * 3;
    const op = {
      store: 'screenings',
      recordId: '2569/s1',
      field: 'id',
      value: '2569/s1',
      hlc: { wall: 1, counter: 0, device: 'd1' },
      by: 'ครู',
    };
    const parts = syncParts([op], photos, budget);
    expect(parts.map((p) => p.counts)).toEqual([
      { operations: 1, photos: 2 },
      { operations: 0, photos: 3 },
      { operations: 0, photos: 2 },
    ]);
    for (const p of parts) expect(p.files.reduce((n, f) => n + f.bytes.length, 0)).toBeLessThanOrEqual(budget);
    expect(parts[1]!.files.map((f) => f.path)).toEqual(['payload/photos.jsonl']);
    expect(PHOTO_BUNDLE_MAX_BYTES).toBe(16 * 1024 * 1024);
  });
});

describe('full-records bundle', () => {
  it('round-trips screenings, buildings and photos, encrypted to the district and signed like a submission', async () => {
    const photos = [
      aPhoto('p1', 6000),
      aPhoto('p2', 6000, { owner: { kind: 'building', id: '2569/b1' }, slot: 'front' }),
    ];
    const parts = fullRecordsParts(
      { screenings: [screening], buildings: [building], photos },
      photoLineBytes(photos[0]!) + 4000,
    );
    expect(parts.map((p) => p.counts)).toEqual([
      { part: 1, parts: 2, screenings: 1, buildings: 1, photos: 1 },
      { part: 2, parts: 2, screenings: 0, buildings: 0, photos: 1 },
    ]);
    const encryptTo = { keyid: keys.district.keyid, spki: keys.district.spki };
    const made = await createBundle(
      submissionInput(keys, { kind: 'full-records', round: null, ...parts[0]!, encryptTo }),
      random,
    );
    const district = await importPrivateJwk(await exportPrivateJwk(keys.district.privateKey), 'decrypt');
    const r = await verifyBundle(made.bytes, {
      trust: trustListOf(keys),
      decryptionKey: { keyid: district.keyid, privateKey: district.privateKey },
    });
    expect(r).toMatchObject({ valid: true, reason: null });
    expect(r.signers.map((s) => s.trusted)).toEqual([true, true]);
    expect(recordsOf(r.payload!, 'screening/1')).toEqual([screening]);
    expect(recordsOf(r.payload!, 'building/1')).toEqual([building]);
    expect(photoFromPayload(recordsOf(r.payload!, 'photo/1')[0]!).bytes).toEqual(filled(6000, 2));
  });

  it('is refused when plain, or when only a device signed it', async () => {
    const parts = fullRecordsParts({ screenings: [screening], buildings: [], photos: [] });
    await expect(
      createBundle(submissionInput(keys, { kind: 'full-records', round: null, ...parts[0]! }), random),
    ).rejects.toThrow(/encrypted to the district/);
    const encryptTo = { keyid: keys.district.keyid, spki: keys.district.spki };
    const byDevice = await createBundle(
      syncInput(keys.device, [], { kind: 'full-records', ...parts[0]!, encryptTo }),
      random,
    );
    const district = await importPrivateJwk(await exportPrivateJwk(keys.district.privateKey), 'decrypt');
    const r = await verifyBundle(byDevice.bytes, {
      decryptionKey: { keyid: district.keyid, privateKey: district.privateKey },
    });
    expect(r).toMatchObject({ valid: false, reason: 'attestation.missing' });
  });
});
