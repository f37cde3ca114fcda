// Issue 18: a copied users store plus a short PIN opened everything, because the PIN check in the clear
// users store (PBKDF2, 210,000 rounds) was cheaper to test than the wraps. Now there is one derivation.
import { describe, expect, it } from 'vitest';
import { checkPin, hashPin } from '../../../src/domain/access/pin';
import { derivePinKey, PIN_KDF } from '../../../src/domain/access/pin-kdf';
import { argonPinHashSchema } from '../../../src/domain/access/users';
import { unwrapDataKey, wrapDataKey } from '../../../src/domain/vault/data-key';
import { fromBase64 } from '../../../src/domain/bundle/bytes';
import { generateSigningKey } from '../../../src/domain/bundle/keys';
import { unwrapWithPinKey, wrapWithPinKey } from '../../../src/domain/bundle/pin-key-wrap';

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

describe('the cost of testing a PIN guess', () => {
  it('is one memory-hard Argon2id run at the release cost (≥ 64 MiB), for the verifier and every wrap alike', async () => {
    expect(PIN_KDF).toEqual({ alg: 'argon2id', m: 65_536, t: 2, p: 1 });
    const { hash, pinKey } = await hashPin('482913', random(16));
    const stored = argonPinHashSchema.parse(hash);
    expect({ alg: stored.alg, m: stored.m, t: stored.t, p: stored.p }).toEqual(PIN_KDF);
    const dataKey = random(32);
    const wrap = await wrapDataKey(dataKey, pinKey, random);
    const signing = await generateSigningKey(true);
    const keyWrap = await wrapWithPinKey(signing.privateKey, signing, pinKey, random);
    // The wraps carry no KDF parameters of their own: the only way to them is the PIN key.
    expect(Object.keys(wrap).sort()).toEqual(['ct', 'iv', 'kdf', 'salt']);
    expect(keyWrap).not.toHaveProperty('iterations');

    // The attacker's one step per guess, from the users row alone, gives exactly the key every wrap needs.
    const guessed = await derivePinKey('482913', fromBase64(stored.salt)!, stored);
    expect(await unwrapDataKey(wrap, { pin: '', pinKey: guessed })).toEqual(dataKey);
    expect(await unwrapWithPinKey(keyWrap, guessed, 'sign')).not.toBeNull();
    expect(await checkPin('482913', hash)).toEqual({ pinKey: guessed });
    expect(
      await unwrapDataKey(wrap, {
        pin: '482913',
        pinKey: await derivePinKey('482914', fromBase64(stored.salt)!, stored),
      }),
    ).toBeNull();
  }, 30_000);
});
