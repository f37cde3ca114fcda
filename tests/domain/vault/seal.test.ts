import { describe, expect, it } from 'vitest';
import { isSealed, openRow, SEALED, sealRow, VaultError } from '../../../src/domain/vault/seal';
import { unwrapDataKey, wrapDataKey } from '../../../src/domain/vault/data-key';

const key = new Uint8Array(32).fill(7);
const nonce = () => crypto.getRandomValues(new Uint8Array(12));
const ctx = { store: 'students', primaryKey: 'id', clear: ['id', 'grade', 'room', 'status'] };
const row = { id: 's1', grade: '04', room: '1', status: 'active', idNo: '1112034563562', firstName: 'มาลี', family: { incomeBaht: 4500 } };

describe('sealed rows', () => {
  it('keep only the key and index fields in clear and open to the same row', () => {
    const sealed = sealRow(row, ctx, key, nonce());
    expect(Object.keys(sealed).sort()).toEqual([SEALED, 'grade', 'id', 'room', 'status'].sort());
    expect(JSON.stringify([...(sealed[SEALED] as Uint8Array)])).not.toContain('1112034563562');
    expect(isSealed(sealed)).toBe(true);
    expect(openRow(sealed, ctx, key)).toEqual(row);
  });

  it('carry bytes and ArrayBuffers through', () => {
    const withBytes = { id: 'c1', evidence: [{ bytes: new Uint8Array([1, 2, 3]).buffer, thumb: new Uint8Array([9]) }] };
    const opened = openRow(sealRow(withBytes, { ...ctx, store: 'corrections' }, key, nonce()), { ...ctx, store: 'corrections' }, key) as typeof withBytes;
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

  it('pass clear rows through and refuse to seal a Blob', () => {
    expect(openRow(row, ctx, key)).toBe(row);
    expect(() => sealRow({ id: 'b', file: new Blob(['x']) }, ctx, key, nonce())).toThrow(VaultError);
  });
});

describe('the data key wrapped by a PIN', () => {
  it('opens with the PIN and with nothing else', async () => {
    const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));
    const wrap = await wrapDataKey(key, '482913', random, 100_000);
    expect(await unwrapDataKey(wrap, '482913')).toEqual(key);
    expect(await unwrapDataKey(wrap, '482914')).toBeNull();
    expect(await unwrapDataKey({ ...wrap, ct: wrap.ct.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')) }, '482913')).toBeNull();
  });
});
