// @vitest-environment node
// The passkey as a second factor (decision 26): the PIN key and the passkey's PRF output, combined by
// HKDF, wrap the user's data key; neither alone opens it, and the PIN alone opens it again only after
// the passkey was removed (or an administrator set a new PIN).
import { afterEach, describe, expect, it } from 'vitest';
import { TabianDb } from '../../../src/db/database';
import { closeVault, openKey } from '../../../src/db/vault';
import { addUserWrap, loadVaultSetting, startDataKey, unlockVault } from '../../../src/db/vault-repo';
import { hashPin } from '../../../src/domain/access/pin';
import { withPasskey } from '../../../src/domain/access/pin-kdf';
import { toBase64 } from '../../../src/domain/bundle/bytes';
import { passkeyOf, unwrapDataKey, wrapDataKey } from '../../../src/domain/vault/data-key';
import { TEST_KDF } from '../../fixtures/pins';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
const secretOf = async (pin: string) => ({
  pin,
  pinKey: (await hashPin(pin, new Uint8Array(16).fill(3), TEST_KDF)).pinKey,
});
const prf = new Uint8Array(32).fill(42);
const otherPrf = new Uint8Array(32).fill(43);
const request = { credentialId: toBase64(new Uint8Array([1, 2, 3, 4])), prfSalt: toBase64(new Uint8Array(32).fill(9)) };

afterEach(() => closeVault());

describe('PIN key and passkey combined', () => {
  it('derives one key from both, different from either, the same each time', async () => {
    const { pinKey } = await secretOf('482913');
    const both = await withPasskey(pinKey, prf);
    expect(both).toHaveLength(32);
    expect(toBase64(both)).toBe(toBase64(await withPasskey(pinKey, prf)));
    expect(toBase64(both)).not.toBe(toBase64(pinKey));
    expect(toBase64(both)).not.toBe(toBase64(await withPasskey(pinKey, otherPrf)));
    expect(toBase64(both)).not.toBe(toBase64(await withPasskey((await secretOf('482914')).pinKey, prf)));
    await expect(withPasskey(pinKey, new Uint8Array(16))).rejects.toBeInstanceOf(RangeError);
  });

  it('wraps the data key so that only the PIN with that passkey opens it', async () => {
    const right = await secretOf('482913');
    const dataKey = random(32);
    const wrap = await wrapDataKey(dataKey, right.pinKey, random, { ...request, prf });
    expect(wrap).toMatchObject({ kdf: 'pin+passkey/1', ...request });
    expect(passkeyOf(wrap)).toEqual(request);
    expect(await unwrapDataKey(wrap, right)).toBeNull();
    expect(await unwrapDataKey(wrap, { ...right, prf: otherPrf })).toBeNull();
    expect(await unwrapDataKey(wrap, { ...(await secretOf('000000')), prf })).toBeNull();
    expect(toBase64((await unwrapDataKey(wrap, { ...right, prf }))!)).toBe(toBase64(dataKey));
    // A PIN-only wrap names no passkey and ignores one.
    const plain = await wrapDataKey(dataKey, right.pinKey, random);
    expect(passkeyOf(plain)).toBeNull();
    expect(toBase64((await unwrapDataKey(plain, right))!)).toBe(toBase64(dataKey));
  });

  it('asks for the passkey at sign-in, refuses without it, and drops it with a PIN-only wrap', async () => {
    const db = new TabianDb(`passkey-${Math.random()}`);
    await db.open();
    const me = await secretOf('482913');
    await startDataKey(db, 'u1', me.pinKey);
    const dataKey = openKey()!;
    await addUserWrap(db, 'u1', me.pinKey, { ...request, prf });
    await db.settings.put({ key: 'vault', value: { ...(await loadVaultSetting(db))!, enabled: true } });
    closeVault();

    const asked: unknown[] = [];
    expect(await unlockVault(db, 'u1', me)).toEqual({ ok: false, problem: 'vault.passkey' });
    expect(await unlockVault(db, 'u1', { ...me, passkey: async (r) => (asked.push(r), null) })).toEqual({
      ok: false,
      problem: 'vault.passkey',
    });
    expect(await unlockVault(db, 'u1', { ...me, passkey: async () => otherPrf })).toEqual({
      ok: false,
      problem: 'vault.wrong_key',
    });
    expect(openKey()).toBeNull();
    expect(await unlockVault(db, 'u1', { ...me, passkey: async (r) => (asked.push(r), prf) })).toEqual({ ok: true });
    expect(asked).toEqual([request, request]);
    expect(toBase64(openKey()!)).toBe(toBase64(dataKey));

    // The way back: a wrap under the PIN alone (the user removed the passkey, or was given a new PIN).
    await addUserWrap(db, 'u1', me.pinKey);
    closeVault();
    expect(await unlockVault(db, 'u1', me)).toEqual({ ok: true });
    expect(toBase64(openKey()!)).toBe(toBase64(dataKey));
    db.close();
  });
});
