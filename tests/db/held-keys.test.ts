// @vitest-environment node
// Decision 26: device and district private keys are stored only sealed under the data key, never as
// CryptoKey objects (readable from the browser profile's files) and never as clear key material.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TabianDb } from '../../src/db/database';
import {
  activeKey,
  createDeviceKey,
  decryptionKeys,
  isBare,
  listKeys,
  restoreDistrictKey,
  settleDeviceKeys,
  signingKeyOf,
  KeysLockedError,
} from '../../src/db/key-repo';
import { closeVault, openVault } from '../../src/db/vault';
import { toBase64, utf8 } from '../../src/domain/bundle/bytes';
import { parseEnvelope, signStatement, verifySignature } from '../../src/domain/bundle/dsse';
import { generateSigningKey, importPublicKey } from '../../src/domain/bundle/keys';
import { random } from '../factories/district';

const now = new Date('2026-06-01T03:00:00Z');
const newDb = async () => {
  const db = new TabianDb(`held-${Math.random()}`);
  await db.open();
  return db;
};
const signIn = () => openVault(new Uint8Array(32).fill(7));

async function signs(key: Awaited<ReturnType<typeof signingKeyOf>>): Promise<boolean> {
  const env = parseEnvelope(await signStatement(utf8('{}'), [key!]))!;
  return verifySignature(await importPublicKey(key!.spki, 'verify'), env.signatures[0]!.sig, utf8('{}'));
}

/** The keys store as someone with the profile's files reads it: the raw rows, no app code. */
async function rawKeys(name: string): Promise<unknown[]> {
  const idb: IDBDatabase = await new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const rows: unknown[] = await new Promise((resolve, reject) => {
    const req = idb.transaction('keys').objectStore('keys').getAll();
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  idb.close();
  return rows;
}

/** Every CryptoKey and every string or byte run (as base64) found anywhere in the rows. */
function walk(rows: unknown[]): { cryptoKeys: number; text: string } {
  let cryptoKeys = 0;
  const parts: string[] = [];
  const visit = (v: unknown): void => {
    if (typeof v === 'string') parts.push(v);
    else if (Object.prototype.toString.call(v) === '[object CryptoKey]') cryptoKeys += 1;
    else if (ArrayBuffer.isView(v)) parts.push(toBase64(new Uint8Array(v.buffer, v.byteOffset, v.byteLength)));
    else if (v instanceof ArrayBuffer) parts.push(toBase64(new Uint8Array(v)));
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  rows.forEach(visit);
  return { cryptoKeys, text: parts.join('\n') };
}

afterEach(() => {
  closeVault();
  vi.restoreAllMocks();
});

describe('device and district keys held under the data key', () => {
  it('leaves no CryptoKey and no clear private key in a raw dump of the keys store', async () => {
    const db = await newDb();
    await signIn();
    // What the private keys really are, caught as they are sealed.
    const exported: Uint8Array[] = [];
    const exportKey = crypto.subtle.exportKey.bind(crypto.subtle);
    vi.spyOn(crypto.subtle, 'exportKey').mockImplementation((async (format: 'pkcs8' | 'jwk', key: CryptoKey) => {
      const out = await exportKey(format as 'pkcs8', key);
      if (format === 'pkcs8') exported.push(new Uint8Array(out.slice(0)));
      return out;
    }) as never);
    await createDeviceKey(db, { role: 'device', name: 'แท็บเล็ต 1', now });
    await createDeviceKey(db, { role: 'district', name: 'สพป.ทดสอบ', now, backupSecret: 'ผ่านนะ-ยาวพอแล้ว', random });
    vi.restoreAllMocks();
    expect(exported.length).toBeGreaterThanOrEqual(2);
    db.close();

    const { cryptoKeys, text } = walk(await rawKeys(db.name));
    expect(cryptoKeys).toBe(0);
    for (const pkcs8 of exported) {
      expect(text).not.toContain(toBase64(pkcs8));
      // The private scalar alone (the 32 bytes after the PKCS#8 prefix of a P-256 key), at any alignment of base64.
      const d = pkcs8.slice(36, 68);
      for (const shift of [0, 1, 2]) expect(text).not.toContain(toBase64(d.slice(shift, shift + 27)).slice(4, 32));
    }
  }, 30_000);

  it('signs and decrypts only while the data key is open', async () => {
    const db = await newDb();
    await expect(createDeviceKey(db, { role: 'device', name: 'แท็บเล็ต 1', now })).rejects.toBeInstanceOf(
      KeysLockedError,
    );
    await signIn();
    const { row } = await createDeviceKey(db, { role: 'device', name: 'แท็บเล็ต 1', now });
    const district = await createDeviceKey(db, { role: 'district', name: 'สพป.ทดสอบ', now });
    expect(row).toMatchObject({ signKey: null, decryptKey: null, wrapped: null, held: { alg: 'DATA-KEY+A256GCM' } });
    expect(await signs(await signingKeyOf(row))).toBe(true);
    expect((await decryptionKeys(db)).map((k) => k.keyid)).toEqual([district.row.keyid]);

    closeVault(); // the lock
    expect(await signingKeyOf(row)).toBeNull();
    expect(await signingKeyOf(district.row)).toBeNull();
    expect(await decryptionKeys(db)).toEqual([]);

    await openVault(new Uint8Array(32).fill(8)); // another installation's data key
    expect(await signingKeyOf(row)).toBeNull();
    // A sealed key moved onto another row does not open either.
    await signIn();
    expect(await signingKeyOf({ ...district.row, held: row.held })).toBeNull();
  }, 30_000);

  it('replaces a bare device key of an earlier release at sign-in, and keeps a bare district key until its backup comes back', async () => {
    const db = await newDb();
    const old = await generateSigningKey(false);
    const legacy = {
      keyid: old.keyid,
      spki: toBase64(old.spki),
      createdAt: '2026-01-01T00:00:00.000Z',
      retiredAt: null,
      userId: null,
      wrapped: null,
    };
    await db.keys.put({ ...legacy, role: 'device', name: 'device', signKey: old.privateKey, decryptKey: null });
    const made = await generateSigningKey(true);
    const { wrapPrivateKey } = await import('../../src/domain/bundle/key-wrap');
    const backup = await wrapPrivateKey(made.privateKey, made, 'ผ่านนะ-ยาวพอแล้ว', random);
    const bareDistrict = await crypto.subtle.importKey(
      'pkcs8',
      await crypto.subtle.exportKey('pkcs8', made.privateKey),
      { name: 'ECDSA', namedCurve: 'P-256' },
      false,
      ['sign'],
    );
    await db.keys.put({
      ...legacy,
      keyid: made.keyid,
      spki: toBase64(made.spki),
      role: 'district',
      name: 'สพป.',
      signKey: bareDistrict,
      decryptKey: null,
    });

    expect(await settleDeviceKeys(db, now)).toBeNull(); // locked: nothing can be sealed
    await signIn();
    const change = (await settleDeviceKeys(db, now))!;
    expect(change).toMatchObject({ from: old.keyid, at: now.toISOString() });
    const device = (await activeKey(db, 'device'))!;
    expect(device.keyid).toBe(change.to);
    expect(await signs(await signingKeyOf(device))).toBe(true);
    expect((await listKeys(db, { role: 'device' })).filter(isBare)).toEqual([]);
    expect(await settleDeviceKeys(db, now)).toBeNull(); // once

    // The district key is the schools' key: still the same, still signing, until restored from its backup.
    expect((await activeKey(db, 'district'))!).toMatchObject({ keyid: made.keyid });
    expect(await signs(await signingKeyOf((await activeKey(db, 'district'))!))).toBe(true);
    expect(await restoreDistrictKey(db, backup, 'ผิด', { name: 'สพป.', now })).toBeNull();
    await restoreDistrictKey(db, backup, 'ผ่านนะ-ยาวพอแล้ว', { name: 'สพป.', now });
    const district = await listKeys(db, { role: 'district' });
    expect(district).toHaveLength(1);
    expect(district[0]).toMatchObject({ keyid: made.keyid, signKey: null, retiredAt: null });
    expect(await signs(await signingKeyOf(district[0]!))).toBe(true);
    db.close();
    expect(walk(await rawKeys(db.name)).cryptoKeys).toBe(0);
  }, 60_000);
});
