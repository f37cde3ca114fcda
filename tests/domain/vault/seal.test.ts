import { describe, expect, it } from 'vitest';
import { gcm } from '@noble/ciphers/aes.js';
import {
  isSealed,
  openRow,
  SEAL_FORMAT_FIELD,
  SEALED,
  sealRow,
  sealRowNative,
  VaultError,
} from '../../../src/domain/vault/seal';
import { unwrapDataKey, wrapDataKey } from '../../../src/domain/vault/data-key';
import { hashPin } from '../../../src/domain/access/pin';
import { TEST_KDF } from '../../fixtures/pins';

const key = new Uint8Array(32).fill(7);
const nonce = () => crypto.getRandomValues(new Uint8Array(12));
const ctx = { store: 'students', primaryKey: 'id', clear: ['id', 'grade', 'room', 'status'] };
const row = {
  id: 's1',
  grade: '04',
  room: '1',
  status: 'active',
  idNo: '1112034563562',
  firstName: 'มาลี',
  family: { incomeBaht: 4500 },
};

describe('sealed rows', () => {
  it('keep only the key and index fields in clear and open to the same row', () => {
    const sealed = sealRow(row, ctx, key, nonce());
    expect(Object.keys(sealed).sort()).toEqual([SEALED, SEAL_FORMAT_FIELD, 'grade', 'id', 'room', 'status'].sort());
    expect(JSON.stringify([...(sealed[SEALED] as Uint8Array)])).not.toContain('1112034563562');
    expect(isSealed(sealed)).toBe(true);
    expect(openRow(sealed, ctx, key)).toEqual(row);
  });

  it('are the same bytes sealed with WebCrypto ahead of a transaction as with the synchronous cipher', async () => {
    const n = nonce();
    const native = await sealRowNative(
      row,
      ctx,
      await crypto.subtle.importKey('raw', key, 'AES-GCM', false, ['encrypt']),
      n,
    );
    expect(native).toEqual(sealRow(row, ctx, key, n));
    expect(openRow(native, ctx, key)).toEqual(row);
    expect(() => openRow({ ...native, status: 'left' }, ctx, key)).toThrow(VaultError);
  });

  it('carry bytes and ArrayBuffers through', () => {
    const withBytes = { id: 'c1', evidence: [{ bytes: new Uint8Array([1, 2, 3]).buffer, thumb: new Uint8Array([9]) }] };
    const opened = openRow(
      sealRow(withBytes, { ...ctx, store: 'corrections' }, key, nonce()),
      { ...ctx, store: 'corrections' },
      key,
    ) as typeof withBytes;
    expect([...new Uint8Array(opened.evidence[0]!.bytes)]).toEqual([1, 2, 3]);
    expect([...opened.evidence[0]!.thumb]).toEqual([9]);
  });

  it('refuse a wrong key, a flipped byte, and a sealed row moved to another record or store', () => {
    const sealed = sealRow(row, ctx, key, nonce());
    expect(() => openRow(sealed, ctx, new Uint8Array(32))).toThrow(VaultError);
    const flipped = new Uint8Array(sealed[SEALED] as Uint8Array);
    flipped[20]! ^= 1;
    expect(() => openRow({ ...sealed, [SEALED]: flipped }, ctx, key)).toThrow(VaultError);
    expect(() => openRow({ ...sealed, id: 's2' }, ctx, key)).toThrow(VaultError);
    expect(() => openRow(sealed, { ...ctx, store: 'audit' }, key)).toThrow(VaultError);
  });

  // Issue 18, at-rest integrity: someone with the files changes a clear field without the key.
  it('refuse a changed or added clear field (status, grade, room) and a format downgrade', () => {
    const sealed = sealRow(row, ctx, key, nonce());
    expect(() => openRow({ ...sealed, status: 'left' }, ctx, key)).toThrow(VaultError);
    expect(() => openRow({ ...sealed, grade: '05' }, ctx, key)).toThrow(VaultError);
    expect(() => openRow({ ...sealed, room: '2' }, ctx, key)).toThrow(VaultError);
    expect(() => openRow({ ...sealed, firstName: 'ปลอม' }, ctx, key)).toThrow(VaultError);
    const { [SEAL_FORMAT_FIELD]: _format, ...asFormat1 } = sealed;
    expect(() => openRow(asFormat1, ctx, key)).toThrow(VaultError);
    expect(() => openRow({ ...sealed, [SEAL_FORMAT_FIELD]: 3 }, ctx, key)).toThrow(VaultError);
  });

  it('open rows sealed before clear fields were bound (format 1), until every row was resealed', () => {
    const { id, grade, room, status, ...rest } = row;
    const n = nonce();
    const aad = new TextEncoder().encode(`tabian-vault/1\u0000students\u0000${JSON.stringify(id)}`);
    const ct = gcm(key, n, aad).encrypt(new TextEncoder().encode(JSON.stringify(rest)));
    const old = { id, grade, room, status, [SEALED]: new Uint8Array([...n, ...ct]) };
    expect(openRow(old, ctx, key)).toEqual(row);
    expect(() => openRow(old, ctx, key, 2)).toThrow(VaultError);
  });

  it('pass clear rows through and refuse to seal a Blob', () => {
    expect(openRow(row, ctx, key)).toBe(row);
    expect(() => sealRow({ id: 'b', file: new Blob(['x']) }, ctx, key, nonce())).toThrow(VaultError);
  });
});

describe('the data key wrapped by a PIN', () => {
  it('opens with the PIN and with nothing else', async () => {
    const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
    const pk = async (pin: string) => ({
      pin,
      pinKey: (await hashPin(pin, new Uint8Array(16).fill(4), TEST_KDF)).pinKey,
    });
    const right = await pk('482913');
    const wrap = await wrapDataKey(key, right.pinKey, random);
    expect(await unwrapDataKey(wrap, right)).toEqual(key);
    expect(await unwrapDataKey(wrap, await pk('482914'))).toBeNull();
    expect(
      await unwrapDataKey({ ...wrap, ct: wrap.ct.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }, right),
    ).toBeNull();
  });
});
