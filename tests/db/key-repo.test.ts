// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TabianDb } from '../../src/db/database';
import {
  activeKey,
  createDeviceKey,
  decryptionKeys,
  listKeys,
  restoreDistrictKey,
  signingKeyOf,
  storeWrappedKey,
} from '../../src/db/key-repo';
import { utf8 } from '../../src/domain/bundle/bytes';
import { parseEnvelope, signStatement, verifySignature } from '../../src/domain/bundle/dsse';
import { encryptPayload, decryptPayload } from '../../src/domain/bundle/encrypt';
import { fromBase64 } from '../../src/domain/bundle/bytes';
import { generateSigningKey, importPublicKey } from '../../src/domain/bundle/keys';
import { wrapPrivateKey } from '../../src/domain/bundle/key-wrap';
import { random } from '../factories/district';
import { closeVault, openVault } from '../../src/db/vault';

const db = () => new TabianDb(`keys-${Math.random()}`);
const now = new Date('2026-06-01T03:00:00Z');

async function signsFor(key: Awaited<ReturnType<typeof signingKeyOf>>): Promise<boolean> {
  const env = parseEnvelope(await signStatement(utf8('{}'), [key!]))!;
  return verifySignature(await importPublicKey(key!.spki, 'verify'), env.signatures[0]!.sig, utf8('{}'));
}

// A signed-in user's data key: device and district keys are sealed under it (decision 26, tests/db/held-keys.test.ts).
beforeEach(() => openVault(new Uint8Array(32).fill(5)));
afterEach(() => closeVault());

describe('key repository', () => {
  it('keeps a device key sealed under the data key, and signs with it', async () => {
    const d = db();
    const { row, backup } = await createDeviceKey(d, { role: 'device', name: 'แท็บเล็ต 1', now });
    expect(backup).toBeNull();
    const stored = (await activeKey(d, 'device'))!;
    expect(stored).toMatchObject({
      keyid: row.keyid,
      userId: null,
      wrapped: null,
      signKey: null,
      decryptKey: null,
      retiredAt: null,
    });
    const key = (await signingKeyOf(stored))!;
    expect(key.privateKey.extractable).toBe(false);
    expect(await signsFor(key)).toBe(true);
  });

  it('gives the district key both halves, opens what schools encrypt to it, and restores it from its backup', async () => {
    const d = db();
    const { row, backup } = await createDeviceKey(d, {
      role: 'district',
      name: 'สพป.ทดสอบ',
      now,
      backupSecret: 'ผ่านนะ-ยาวพอแล้ว',
      random,
    });
    expect(row).toMatchObject({ signKey: null, decryptKey: null });
    const sealed = await encryptPayload(utf8('ข้อมูล'), 'b1', { keyid: row.keyid, spki: fromBase64(row.spki)! }, random);
    const [key] = await decryptionKeys(d);
    expect(
      new TextDecoder().decode((await decryptPayload(sealed.ciphertext, 'b1', sealed.header, key!.privateKey))!),
    ).toBe('ข้อมูล');

    const other = db();
    expect(await restoreDistrictKey(other, backup!, 'ผิด', { name: 'สพป.ทดสอบ', now })).toBeNull();
    const restored = (await restoreDistrictKey(other, backup!, 'ผ่านนะ-ยาวพอแล้ว', { name: 'สพป.ทดสอบ', now }))!;
    expect(restored.keyid).toBe(row.keyid);
    expect(await signsFor(await signingKeyOf(restored))).toBe(true);
  }, 30_000);

  it('retires the previous key of a role and keeps it for decrypting older bundles', async () => {
    const d = db();
    const first = await createDeviceKey(d, { role: 'district', name: 'สพป.ทดสอบ', now });
    const second = await createDeviceKey(d, {
      role: 'district',
      name: 'สพป.ทดสอบ',
      now: new Date('2026-07-01T00:00:00Z'),
    });
    expect((await activeKey(d, 'district'))!.keyid).toBe(second.row.keyid);
    expect((await listKeys(d, { role: 'district' })).map((k) => [k.keyid, k.retiredAt])).toEqual([
      [second.row.keyid, null],
      [first.row.keyid, '2026-07-01T00:00:00.000Z'],
    ]);
    expect((await decryptionKeys(d)).map((k) => k.keyid)).toEqual([second.row.keyid, first.row.keyid]);
  });

  it("stores a person's key only wrapped, and signs only with their PIN", async () => {
    const d = db();
    const key = await generateSigningKey(true);
    const wrapped = await wrapPrivateKey(key.privateKey, key, '482915', random);
    const row = await storeWrappedKey(d, wrapped, { role: 'director', userId: 'u1', name: 'ผอ.', now });
    expect(row).toMatchObject({ signKey: null, decryptKey: null, wrapped });
    expect(await activeKey(d, 'director', 'u2')).toBeNull();
    const stored = (await activeKey(d, 'director', 'u1'))!;
    expect(await signingKeyOf(stored)).toBeNull();
    expect(await signingKeyOf(stored, '000000')).toBeNull();
    expect(await signsFor(await signingKeyOf(stored, '482915'))).toBe(true);
  }, 30_000);
});
