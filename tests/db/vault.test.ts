// Encryption at rest: what a copy of the IndexedDB files holds, with and without the vault.
import { afterEach, describe, expect, it } from 'vitest';
import { dumpDatabase, restoreDatabase } from '../../src/db/backup-repo';
import { TabianDb } from '../../src/db/database';
import { recordMeasurement, saveSession } from '../../src/db/measurement-repo';
import { listStudents, saveStudents } from '../../src/db/student-repo';
import { teacherActor } from '../factories/actors';
import { addUserWrap, disableVault, enableVault, loadVaultSetting, unlockVault } from '../../src/db/vault-repo';
import { closeVault, openKey, setSealPolicy, setVaultEnabled, vaultStatus } from '../../src/db/vault';
import { gcm } from '@noble/ciphers/aes.js';
import { toBase64 } from '../../src/domain/bundle/bytes';
import { SEALED } from '../../src/domain/vault/seal';
import { aStudent, citizenId } from '../factories/students';
import { TEST_KDF } from '../fixtures/pins';
import { hashPin } from '../../src/domain/access/pin';

// The PIN key at a test-only Argon2id cost; the app derives it with PIN_KDF (tests/domain/access/pin-kdf.test.ts).
const pk = async (pin: string) => (await hashPin(pin, new Uint8Array(16).fill(9), TEST_KDF)).pinKey;
const sec = async (pin: string) => ({ pin, pinKey: await pk(pin) });
const PIN = '482913';
const actor = teacherActor;
const secretId = citizenId(777);
const NEEDLES = ['สุดาลับ', 'ศรีปกปิด', secretId, 'ซอยลับเฉพาะ', 'บัตรประชาชนลับ'];

const pupils = () => [
  aStudent('s1', {
    idNo: secretId,
    firstName: 'สุดาลับ',
    lastName: 'ศรีปกปิด',
    addresses: { current: { road: 'ซอยลับเฉพาะ' } },
  }),
  aStudent('s2', { idNo: citizenId(778), firstName: 'มานะ', lastName: 'ขยัน', sex: 'M', prefix: 'เด็กชาย' }),
];

async function fill(db: TabianDb) {
  await saveStudents(db, pupils(), actor());
  await saveSession(db, {
    id: 'ms1',
    date: '2026-06-12',
    grade: '04',
    room: '1',
    userId: 'u1',
    userName: 'ครูสมใจ',
    startedAt: '2026-06-12T02:00:00.000Z',
  });
  await recordMeasurement(
    db,
    {
      id: 'ms1/s1',
      studentId: 's1',
      sessionId: 'ms1',
      measuredOn: '2026-06-12',
      weightKg: 24.5,
      heightCm: 121.3,
      by: 'u1',
      at: '2026-06-12T02:10:00.000Z',
    },
    actor(),
  );
  // A school's own copy of a bundle file (bytes: the repository stores them so while the vault is on).
  await db.bundles.put({
    id: 'b1',
    school: '1050130001',
    kind: 'sync',
    direction: 'out',
    status: 'made',
    chain: '1050130001/sync',
    fileName: 'sync-1.tabian',
    receivedAt: '2026-06-12T02:20:00.000Z',
    roster: null,
    file: new TextEncoder().encode('ops: สุดาลับ'),
  } as never);
  await db.corrections.put({
    id: 'c1',
    studentId: 's1',
    schoolCode: '1050130001',
    studentName: 'สุดาลับ ศรีปกปิด',
    wrongId: secretId,
    correctId: '',
    createdAt: '2026-06-12T02:30:00.000Z',
    updatedAt: '2026-06-12T02:30:00.000Z',
    status: 'drafted',
    evidence: [
      { name: 'card.txt', type: 'text/plain', size: 45, bytes: new TextEncoder().encode('บัตรประชาชนลับ').buffer },
    ],
  } as never);
}

/** Every string in every store, read with the raw IndexedDB API as someone with a copy of the files would. */
async function rawText(name: string): Promise<string> {
  const idb: IDBDatabase = await new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const parts: string[] = [];
  const blobs: Blob[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') parts.push(v);
    else if (v && typeof (v as Blob).arrayBuffer === 'function' && !ArrayBuffer.isView(v)) blobs.push(v as Blob);
    else if (ArrayBuffer.isView(v)) parts.push(new TextDecoder('utf-8', { fatal: false }).decode(v as Uint8Array));
    else if (Object.prototype.toString.call(v) === '[object ArrayBuffer]')
      parts.push(new TextDecoder().decode(new Uint8Array(v as ArrayBuffer)));
    else if (v && typeof v === 'object') for (const x of Object.values(v)) walk(x);
  };
  for (const store of [...idb.objectStoreNames]) {
    const rows: unknown[] = await new Promise((resolve, reject) => {
      const req = idb.transaction(store).objectStore(store).getAll();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    rows.forEach(walk);
  }
  idb.close();
  for (const b of blobs) parts.push(new TextDecoder().decode(await b.arrayBuffer()));
  return parts.join('\n');
}

afterEach(() => {
  closeVault();
  setVaultEnabled(false);
  setSealPolicy({ pending: false, sealFormat: 1 });
});

describe('encryption at rest', () => {
  it('leaves personal data readable in a copy of the database when off (the control)', async () => {
    const name = `plain-${Math.random()}`;
    const db = new TabianDb(name);
    await fill(db);
    db.close();
    const text = await rawText(name);
    for (const needle of NEEDLES) expect(text).toContain(needle);
  });

  it('leaves none of it in a copy when on, while search and reading work after sign-in', async () => {
    const name = `sealed-${Math.random()}`;
    const db = new TabianDb(name);
    await db.open();
    await enableVault(db, 'u1', await pk(PIN));
    await fill(db);
    expect((await listStudents(db)).filter((s) => s.firstName.includes('สุดา')).map((s) => s.idNo)).toEqual([secretId]);
    const raw = await db.students.toCollection().count();
    db.close();
    const text = await rawText(name);
    for (const needle of NEEDLES) expect(text).not.toContain(needle);
    expect(raw).toBe(2);

    // Locked: reading and writing personal stores are refused; nothing is written in clear.
    closeVault();
    const again = new TabianDb(name);
    await expect(listStudents(again)).rejects.toMatchObject({ problem: 'storage.locked' });
    await expect(saveStudents(again, [aStudent('s9', { firstName: 'ใหม่' })], actor())).rejects.toMatchObject({
      problem: 'storage.locked',
    });
    expect(await unlockVault(again, 'u1', await sec('000000'))).toEqual({ ok: false, problem: 'vault.wrong_key' });
    expect(await unlockVault(again, 'u2', await sec(PIN))).toEqual({ ok: false, problem: 'vault.no_wrap' });
    expect(await unlockVault(again, 'u1', await sec(PIN))).toEqual({ ok: true });
    expect((await listStudents(again)).map((s) => s.id)).toEqual(['s1', 's2']);

    // Another user given access while the vault is open can open it with their own PIN.
    await addUserWrap(again, 'u2', await pk('135790'));
    closeVault();
    expect(await unlockVault(again, 'u2', await sec('135790'))).toEqual({ ok: true });
    again.close();
  }, 60_000);

  it('restores a backup onto another device in clear, then seals it at the first sign-in', async () => {
    const source = new TabianDb(`src-${Math.random()}`);
    await source.open();
    await enableVault(source, 'u1', await pk(PIN));
    await fill(source);
    const dump = await dumpDatabase(source);
    source.close();
    closeVault();

    const name = `dst-${Math.random()}`;
    const target = new TabianDb(name);
    await target.open();
    await restoreDatabase(target, dump);
    expect(vaultStatus()).toEqual({ enabled: true, open: false });
    expect((await loadVaultSetting(target))?.pending).toBe(true);
    expect(await unlockVault(target, 'u1', await sec(PIN))).toEqual({ ok: true });
    expect((await loadVaultSetting(target))?.pending).toBe(false);
    expect((await listStudents(target)).map((s) => s.firstName)).toEqual(['สุดาลับ', 'มานะ']);
    target.close();
    const text = await rawText(name);
    for (const needle of NEEDLES) expect(text).not.toContain(needle);
  }, 60_000);

  it('seals bundle files that were stored as Blobs when it is turned on later', async () => {
    const name = `later-${Math.random()}`;
    const db = new TabianDb(name);
    await fill(db);
    await db.bundles.put({
      id: 'b2',
      school: '1050130001',
      kind: 'findings',
      direction: 'in',
      status: 'accepted',
      file: new Blob(['findings: ศรีปกปิด']),
    } as never);
    await enableVault(db, 'u1', await pk(PIN));
    db.close();
    const text = await rawText(name);
    for (const needle of NEEDLES) expect(text).not.toContain(needle);
  }, 60_000);

  it('turns off by rewriting every personal row in clear, keeping the data key for the device keys', async () => {
    const name = `off-${Math.random()}`;
    const db = new TabianDb(name);
    await db.open();
    await enableVault(db, 'u1', await pk(PIN));
    await fill(db);
    const seen: number[] = [];
    await disableVault(db, (done) => seen.push(done));
    expect(seen.at(-1)).toBeGreaterThan(0);
    // The data key stays wrapped and open (decision 26): the device's keys are sealed under it.
    expect(await loadVaultSetting(db)).toMatchObject({
      enabled: false,
      pending: false,
      wraps: { u1: { kdf: 'pin-key/1' } },
    });
    expect(vaultStatus()).toEqual({ enabled: false, open: true });
    expect(Object.keys((await db.students.get('s1'))!)).not.toContain(SEALED);
    db.close();
    expect(await rawText(name)).toContain(secretId);
  }, 60_000);
});

/** Writes one row with the bare IndexedDB API, as someone with a copy of the files would. */
async function rawPut(name: string, store: string, value: unknown): Promise<void> {
  const idb: IDBDatabase = await new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  await new Promise<void>((resolve, reject) => {
    const tx = idb.transaction(store, 'readwrite');
    tx.objectStore(store).put(value);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  idb.close();
}

const rawGet = async (name: string, store: string, id: string): Promise<Record<string, unknown>> => {
  const idb: IDBDatabase = await new Promise((resolve) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
  });
  const row = await new Promise<Record<string, unknown>>((resolve) => {
    const req = idb.transaction(store).objectStore(store).get(id);
    req.onsuccess = () => resolve(req.result as Record<string, unknown>);
  });
  idb.close();
  return row;
};

// Issue 18, at-rest integrity: the attacks made with the files, without the key.
describe('sealed stores against someone with the files', () => {
  it('refuse a sealed row whose clear status was changed, and a planted clear row', async () => {
    const name = `tamper-${Math.random()}`;
    const db = new TabianDb(name);
    await db.open();
    await enableVault(db, 'u1', await pk(PIN));
    await fill(db);
    db.close();
    const s1 = await rawGet(name, 'students', 's1');
    await rawPut(name, 'students', { ...s1, status: 'left' });
    const again = new TabianDb(name);
    await expect(again.students.get('s1')).rejects.toMatchObject({ problem: 'storage.damaged' });
    await rawPut(name, 'students', s1);
    expect((await again.students.get('s1'))?.firstName).toBe('สุดาลับ');
    await rawPut(name, 'students', {
      ...aStudent('s3', { firstName: 'ปลอม' }),
      updatedAt: '2026-06-12T03:00:00.000Z',
      revision: 1,
    });
    await expect(listStudents(again)).rejects.toMatchObject({ problem: 'storage.damaged' });
    again.close();
  }, 60_000);

  it('upgrades a database of the previous release at the first sign-in: PBKDF2 wrap and format-1 rows', async () => {
    const name = `older-${Math.random()}`;
    const db = new TabianDb(name);
    await db.open();
    await enableVault(db, 'u1', await pk(PIN));
    await fill(db);
    // As the previous release left it: a PBKDF2 wrap of the same data key, rows sealed in format 1.
    const key = openKey()!;
    const salt = new Uint8Array(16).fill(1);
    const iv = new Uint8Array(12).fill(2);
    const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(PIN), 'PBKDF2', false, ['deriveKey']);
    const kek = await crypto.subtle.deriveKey(
      { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 100_000 },
      base,
      { name: 'AES-GCM', length: 256 },
      false,
      ['encrypt'],
    );
    const ct = new Uint8Array(
      await crypto.subtle.encrypt(
        { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode('tabian-vault-key/1') },
        kek,
        key as Uint8Array<ArrayBuffer>,
      ),
    );
    const setting = (await loadVaultSetting(db))!;
    await db.settings.put({
      key: 'vault',
      value: {
        version: 1,
        enabled: true,
        pending: false,
        wraps: { u1: { salt: toBase64(salt), iv: toBase64(iv), ct: toBase64(ct), iterations: 100_000 } },
      },
    });
    expect(setting.sealFormat).toBe(2);
    db.close();
    closeVault();
    const n = new Uint8Array(12).fill(3);
    const { id, grade, room, status } = await rawGet(name, 'students', 's2');
    const rest = pupils()[1]! as Record<string, unknown>;
    const restOnly = Object.fromEntries(
      Object.entries({ ...rest, updatedAt: 'x', revision: 1 }).filter(
        ([k]) => !['id', 'grade', 'room', 'status'].includes(k),
      ),
    );
    const aad = new TextEncoder().encode(`tabian-vault/1\u0000students\u0000${JSON.stringify(id)}`);
    const sealed = gcm(key, n, aad).encrypt(new TextEncoder().encode(JSON.stringify(restOnly)));
    await rawPut(name, 'students', { id, grade, room, status, [SEALED]: new Uint8Array([...n, ...sealed]) });

    const again = new TabianDb(name);
    expect(await unlockVault(again, 'u1', await sec(PIN))).toEqual({ ok: true });
    const after = (await loadVaultSetting(again))!;
    expect(after.wraps['u1']).toMatchObject({ kdf: 'pin-key/1' });
    expect(after.sealFormat).toBe(2);
    expect((await rawGet(name, 'students', 's2'))['$seal']).toBe(2);
    expect((await listStudents(again)).map((s) => s.firstName)).toEqual(['สุดาลับ', 'มานะ']);
    again.close();
  }, 60_000);
});
