// Tablet ↔ school device sync: every edit is a field-level operation with a hybrid logical clock (recorded
// by the repositories as they save, src/db/op-log.ts), exported as a `sync` bundle signed by this device's
// key (sealed under the data key: it signs only while a user is signed in, decision 26), imported after verification (trust: the sending tablet's device key must be
// enrolled for this school; chain per device key), merged (latest clock wins) and applied to the records in
// the same transaction (src/db/sync-repo.ts). Conflicts are listed for the officer.
import { bundleHeader, schoolParties } from '../../domain/bundle/header';
import { schoolChain } from '../../domain/bundle/chains';
import { appDb } from '../../db/database';
import { nextLink, recordIncoming, recordOutgoing, type RecordOutcome } from '../../db/bundle-repo';
import { activeKey, createDeviceKey, KeysLockedError, signingKeyOf, type KeyRow } from '../../db/key-repo';
import { guarded } from '../../db/errors';
import { appendOps, CLOCK_SETTING, localDevice } from '../../db/op-log';
import { loadProfile } from '../../db/profile-repo';
import { getSetting } from '../../db/settings-repo';
import { allOperations, applyOperations, syncTables, type Applied } from '../../db/sync-repo';
import { trustList } from '../../db/trust-repo';
import { asBytes } from '../../domain/bundle/bytes';
import { syncParts } from '../../domain/bundle/parts';
import { photoFromPayload, photoToPayload } from '../../domain/photo/payload';
import { getPhoto, PHOTO_OPS, PHOTO_REMOVED } from '../../db/photo-repo';
import { removedPhotos } from '../../db/sync-records';
import { presealRows } from '../../db/vault';
import { photoSize, type Photo } from '../../domain/photo/schema';
import { BUNDLE_MEDIA_TYPE, createBundle } from '../../domain/bundle/create';
import { sha256Hex } from '../../domain/bundle/hash';
import { compareHlc, hlcSchema, receiveHlc, type Hlc } from '../../domain/bundle/hlc';
import { fingerprintOf, type SigningKey } from '../../domain/bundle/keys';
import { mergeOperations, type Conflict } from '../../domain/bundle/merge';
import type { Operation } from '../../domain/bundle/operation';
import { publicKeyFile, type PublicKeyFile } from '../../domain/bundle/trust';
import { recordsOf } from '../../domain/bundle/verify-files';
import { verifyBundle } from '../../domain/bundle/verify';
import { academicYearOf } from '../../domain/calendar';
import { readIncoming, type IncomingReason } from '../../domain/district/incoming';
import { todayIso } from './clock';
import { download } from './export.service';
import { fileBytes } from './import.service';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const EXPORTED = 'sync.exported';
const MERGED = 'sync.merged';

async function setting<T>(key: string): Promise<T | null> {
  return ((await appDb().settings.get(key))?.value as T | undefined) ?? null;
}
const putSetting = (key: string, value: unknown) => appDb().settings.put({ key, value });

/** This device's own signing key (held under the data key), made the first time sync needs it. */
export async function deviceKeyRow(now: Date): Promise<KeyRow> {
  const db = appDb();
  return (await activeKey(db, 'device')) ?? (await createDeviceKey(db, { role: 'device', name: 'device', now })).row;
}

/** This device's id in clocks (src/db/op-log.ts). */
export const deviceId = (): Promise<string> => appDb().transaction('rw', appDb().settings, () => localDevice(appDb()));

/** `replaced`: the fingerprint of the key this one replaced at sign-in (decision 26), until another replaces it. */
export interface DeviceInfo {
  keyid: string;
  fingerprint: string;
  replaced: string | null;
}
export async function deviceInfo(now: Date = new Date()): Promise<DeviceInfo> {
  const [row, change] = await Promise.all([deviceKeyRow(now), getSetting(appDb(), 'deviceKeyReplaced')]);
  return {
    keyid: row.keyid,
    fingerprint: fingerprintOf(row.keyid),
    replaced: change?.to === row.keyid ? fingerprintOf(change.from) : null,
  };
}

/** This device's public key file, for the school's main device to enrol (role device). */
export async function devicePublicKeyFile(now: Date = new Date()): Promise<PublicKeyFile | null> {
  const [row, profile] = await Promise.all([
    deviceKeyRow(now).catch((e: unknown) => {
      if (e instanceof KeysLockedError) return null; // no device key yet, and none can be made for this user
      throw e;
    }),
    loadProfile(appDb()),
  ]);
  if (!row || profile?.kind !== 'school') return null;
  return publicKeyFile({
    keyid: row.keyid,
    alg: 'ES256',
    spki: row.spki,
    role: 'device',
    name: row.name,
    school: profile.moeCode,
  });
}

export async function downloadDevicePublicKey(): Promise<string | null> {
  const file = await devicePublicKeyFile();
  if (!file) return null;
  const name = `กุญแจเครื่อง-${file.school}-${file.keyid.slice(0, 8)}.tabian-key.json`;
  download(new TextEncoder().encode(JSON.stringify(file, null, 2) + '\n'), name, 'application/json');
  return name;
}

/** `sync.locked`: the signed-in user has no wrap of the data key, so the device key stays closed (decision 26). */
export interface SyncFile {
  fileName: string;
  bytes: Uint8Array;
}
/** `fileName`/`bytes`: the first bundle; `files`: every part, in chain order (photos past the size bound go in the next ones). */
export type SyncExport =
  | { ok: true; fileName: string; bytes: Uint8Array; operations: number; photos: number; files: SyncFile[] }
  | { ok: false; problem: 'sync.no_profile' | 'sync.nothing' | 'sync.locked' };

/** The device key row and its opened key; null while the data key is not open for this user. */
async function openDeviceKey(now: Date): Promise<{ row: KeyRow; key: SigningKey } | null> {
  try {
    const row = await deviceKeyRow(now);
    const key = await signingKeyOf(row);
    return key ? { row, key } : null;
  } catch (e) {
    if (e instanceof KeysLockedError) return null;
    throw e;
  }
}

/** The operations this device made since its last export, as a signed sync bundle (downloaded unless save is false). */
export async function exportSync(now: Date = new Date(), opts: { save?: boolean } = {}): Promise<SyncExport> {
  const db = appDb();
  const profile = await loadProfile(db);
  if (profile?.kind !== 'school') return { ok: false, problem: 'sync.no_profile' };
  const opened = await openDeviceKey(now);
  if (!opened) return { ok: false, problem: 'sync.locked' };
  const { row, key } = opened;
  const device = await deviceId();
  const since = await setting<Hlc>(EXPORTED);
  const mine = (await allOperations(db))
    .filter((op) => op.hlc.device === device && (!since || compareHlc(op.hlc, since) > 0))
    .sort((a, b) => compareHlc(a.hlc, b.hlc));
  if (mine.length === 0) return { ok: false, problem: 'sync.nothing' };
  const chain = schoolChain(profile.moeCode, 'sync', row.keyid);
  const at = now.toISOString();
  const today = todayIso(now);
  // The photos this device marked since its last export travel whole, unless removed since (decision 0038).
  const marked = [
    ...new Set(mine.filter((op) => op.store === PHOTO_OPS && op.field !== PHOTO_REMOVED).map((op) => op.recordId)),
  ];
  const photos = (await Promise.all(marked.map((id) => getPhoto(db, id)))).flatMap((p) =>
    p ? [photoToPayload(p)] : [],
  );
  const files: SyncFile[] = [];
  for (const part of syncParts(mine, photos)) {
    const link = await nextLink(db, chain);
    const created = await createBundle(
      {
        ...bundleHeader('sync', schoolParties(profile), {
          bundleId: crypto.randomUUID(),
          createdAt: at,
          appVersion: __APP_VERSION__,
        }),
        academicYear: academicYearOf(today),
        round: null,
        asOf: today,
        ...link,
        ...part,
        signers: [{ key, role: 'device', name: row.name, act: 'export', at }],
        encryptTo: null,
      },
      random,
    );
    const fileName = `${profile.moeCode}-${academicYearOf(today)}-sync-${link.sequence}.tabian`;
    await recordOutgoing(db, created, { fileName, fileSha256: await sha256Hex(created.bytes), now });
    files.push({ fileName, bytes: created.bytes });
  }
  await putSetting(EXPORTED, mine.at(-1)!.hlc);
  if (opts.save !== false) for (const f of files) download(f.bytes, f.fileName, BUNDLE_MEDIA_TYPE);
  return {
    ok: true,
    fileName: files[0]!.fileName,
    bytes: files[0]!.bytes,
    operations: mine.length,
    photos: photos.length,
    files,
  };
}

export interface SyncImport {
  outcome: RecordOutcome;
  reason: IncomingReason | null;
  detail: string | null;
  operations: number;
  photos: number;
  unknownKeys: string[];
  applied: Applied | null;
}

/**
 * Verifies a sync bundle (trust and the sending device's chain included); when accepted, the bundle row,
 * its operations and the records they change are stored in one transaction, and this device's clock
 * moves past theirs.
 */
export async function importSync(file: File, now: Date = new Date()): Promise<SyncImport> {
  const db = appDb();
  const bytes = asBytes(new Uint8Array(await fileBytes(file)));
  const v = await readIncoming(bytes, { trust: await trustList(db), decryptionKeys: [], kinds: ['sync'] });
  const unknownKeys = v.signers.filter((s) => s.trusted === false).map((s) => s.fingerprint);
  const device = await deviceId();
  const { ops: incoming, photos } = v.statement && v.valid ? await readPayload(bytes) : { ops: [], photos: [] };
  // Photos are sealed before the transaction (decision 33): an IndexedDB transaction cannot wait on WebCrypto.
  const photoRows = await presealRows(
    db,
    'photos',
    photos.map((p) => ({ ...p, size: photoSize(p) })),
  );
  const actor = { userId: 'sync', userName: file.name, now, newId: () => crypto.randomUUID() };
  const { outcome, row, applied } = await guarded(() =>
    db.transaction('rw', [db.bundles, ...syncTables(db)], async () => {
      const recorded = await recordIncoming(db, v, { fileName: file.name, file: bytes, receivedAt: now.toISOString() });
      if (recorded.outcome !== 'accepted') return { ...recorded, applied: null };
      // A photo deleted on some device (its latest `removed` operation) is not brought back by an older bundle.
      const gone = await removedPhotos(
        db,
        photos.map((p) => p.id),
      );
      await db.photos.bulkPut(photoRows.filter((_, i) => !gone.has(photos[i]!.id)));
      if (!incoming.length) return { ...recorded, applied: null };
      await appendOps(db, incoming);
      let clock = await setting<Hlc>(CLOCK_SETTING);
      for (const op of incoming) clock = receiveHlc(clock, op.hlc, device, now.getTime());
      await putSetting(CLOCK_SETTING, clock);
      return { ...recorded, applied: await applyOperations(db, incoming, actor) };
    }),
  );
  const accepted = outcome === 'accepted';
  return {
    outcome,
    reason: row.reason,
    detail: row.detail,
    operations: accepted ? incoming.length : 0,
    photos: accepted ? photos.length : 0,
    unknownKeys,
    applied,
  };
}

/** The operations and photos of a bundle that readIncoming found valid (read again: readIncoming keeps no payload). */
async function readPayload(bytes: Uint8Array): Promise<{ ops: Operation[]; photos: Photo[] }> {
  const r = await verifyBundle(asBytes(bytes));
  if (!r.payload) return { ops: [], photos: [] };
  return { ops: recordsOf(r.payload, 'operation/1'), photos: recordsOf(r.payload, 'photo/1').map(photoFromPayload) };
}

/** Every stored operation merged; conflicts since the last time the officer marked them seen. */
export async function syncConflicts(): Promise<Conflict[]> {
  const since = await setting<Hlc>(MERGED);
  return mergeOperations(await allOperations(appDb()), since ? hlcSchema.parse(since) : null).conflicts;
}

/** The officer has looked at the conflicts: only newer edits count as conflicts from now on. */
export async function markConflictsSeen(): Promise<void> {
  const all = await allOperations(appDb());
  const latest = all.reduce<Hlc | null>((top, op) => (!top || compareHlc(op.hlc, top) > 0 ? op.hlc : top), null);
  if (latest) await putSetting(MERGED, latest);
}
