/// <reference lib="dom" />
// A school's buildings with their photos (issue 20 §assets, issue 24): the submission's survey files with
// the thumbnails, and the full pictures of the same photos, each as an encrypted, signed bundle, beside the
// bare crypto of the same bytes. Called as window.benchAssets; loads the photo page (window.benchPhotos) first.
import { appDb } from '../../src/db/database';
import { getPhoto, savePhoto } from '../../src/db/photo-repo';
import { toBase64, utf8 } from '../../src/domain/bundle/bytes';
import { createBundle } from '../../src/domain/bundle/create';
import { encryptPayload } from '../../src/domain/bundle/encrypt';
import { sha256Hex } from '../../src/domain/bundle/hash';
import { generateSigningKey } from '../../src/domain/bundle/keys';
import type { PayloadFile } from '../../src/domain/bundle/payloads';
import { assetSurveyFiles, assetThumb } from '../../src/domain/assets/send';
import { buildingSchema, siteSchema, type Building } from '../../src/domain/assets/schema';
import type { AssetSurvey } from '../../src/domain/assets/round';
import type { Photo } from '../../src/domain/photo/schema';
import { app, gc, now, photoOf, random, school } from './photos';

const SIDES = ['front', 'back', 'left', 'right'] as const;
let buildings: Building[] = [];
let payload: PayloadFile[] = [];
type Keys = Awaited<ReturnType<typeof generateSigningKey>>;
let keys: { officer: Keys; director: Keys; district: Keys } | null = null;

/** `count` buildings with a photo of each side, stored sealed (not timed); the compressed camera picture must exist. */
async function seedBuildings(count: number): Promise<void> {
  const [officer, director, district] = await Promise.all([
    generateSigningKey(false),
    generateSigningKey(false),
    generateSigningKey(false),
  ]);
  keys = { officer, director, district };
  buildings = [];
  for (let b = 0; b < count; b++) {
    const id = `b${b}`;
    const photos = SIDES.map((side) => photoOf(`2569/${id}/${side}`, { kind: 'building', id: `2569/${id}` }, side));
    for (const p of photos) await savePhoto(appDb(), p);
    buildings.push(
      buildingSchema.parse({
        id,
        kind: buildingSchema.shape.kind.options[0],
        name: `อาคาร ${b + 1}`,
        photos: Object.fromEntries(SIDES.map((s, i) => [s, { id: photos[i]!.id, takenOn: '2026-06-20' }])),
      }),
    );
  }
}

const attestation = {
  userId: 'd1',
  userName: 'ผอ.ทดสอบ',
  role: 'director' as const,
  at: '2026-10-30T03:00:00.000Z',
  asOf: '2026-10-30',
};
const survey: AssetSurvey = {
  key: '2569/buildings',
  kind: 'buildings',
  academicYear: 2569,
  asOf: '2026-10-30',
  confirmation: { ...attestation, role: 'officer' },
  certification: attestation,
};

async function bundleOf(files: PayloadFile[]): Promise<Uint8Array> {
  const { officer, director, district } = keys!;
  const at = new Date().toISOString();
  const made = await createBundle(
    {
      kind: 'submission',
      bundleId: crypto.randomUUID(),
      createdAt: at,
      app,
      school: { code: school.code, smis: school.smis, name: school.name },
      district: school.district,
      academicYear: 2569,
      round: 'term2',
      asOf: '2026-11-10',
      sequence: 1,
      previous: null,
      counts: {},
      files,
      signers: [
        { key: officer, role: 'staff', name: 'officer', act: 'confirm-existence', at },
        { key: director, role: 'director', name: 'director', act: 'certify', at },
      ],
      encryptTo: { keyid: district.keyid, spki: district.spki },
    },
    random,
  );
  return made.bytes;
}

const photosOfBuildings = async (): Promise<Photo[]> =>
  (await Promise.all(buildings.flatMap((b) => Object.values(b.photos).map((p) => getPhoto(appDb(), p!.id))))).filter(
    (p): p is Photo => !!p,
  );

/** The survey as a submission carries it: read the photos, keep the thumbnails, build the files and the bundle. */
async function submission(): Promise<{ ms: number; bytes: number; photos: number }> {
  gc();
  const t0 = now();
  const thumbs = (await photosOfBuildings()).flatMap((p) => assetThumb(p) ?? []);
  payload = assetSurveyFiles({ buildings: survey, equipment: [] }, siteSchema.parse({}), buildings, [], thumbs).files;
  const bytes = await bundleOf(payload);
  return { ms: now() - t0, bytes: bytes.byteLength, photos: thumbs.length };
}

/** Every full picture of the same photos as photo/1 lines (bytes in base64) in one encrypted bundle. */
async function fullSet(): Promise<{ ms: number; bytes: number; pictures: number }> {
  gc();
  const t0 = now();
  const photos = await photosOfBuildings();
  const text = photos
    .map(
      (p) =>
        JSON.stringify({ ...p, bytes: toBase64(p.bytes), thumb: { ...p.thumb, bytes: toBase64(p.thumb.bytes) } }) +
        '\n',
    )
    .join('');
  // The photo records as they are stored; the district's full-photo bundle (its own format) carries the same bytes.
  payload = [
    {
      path: 'payload/photos.jsonl',
      schema: 'photo/1' as PayloadFile['schema'],
      bytes: utf8(text),
      records: photos.length,
    },
  ];
  const bytes = await bundleOf(payload);
  return { ms: now() - t0, bytes: bytes.byteLength, pictures: photos.reduce((n, p) => n + p.bytes.byteLength, 0) };
}

/** The floor of the last bundle: SHA-256 of its payload and AES-GCM (through ECDH) of the same bytes. */
async function bareCrypto(): Promise<number> {
  const district = await generateSigningKey(false);
  const joined = utf8(payload.map((f) => new TextDecoder().decode(f.bytes)).join(''));
  gc();
  const t0 = now();
  await sha256Hex(joined);
  await encryptPayload(joined, crypto.randomUUID(), { keyid: district.keyid, spki: district.spki }, random);
  return now() - t0;
}

const api = { seedBuildings, submission, fullSet, bareCrypto };
export type AssetBenchApi = typeof api;
(window as unknown as { benchAssets: AssetBenchApi }).benchAssets = api;
