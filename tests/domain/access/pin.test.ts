import { describe, expect, it } from 'vitest';
import {
  checkPin,
  hashPin,
  signIn,
  isAcceptablePin,
  isEnterablePin,
  MAX_FAILED_ATTEMPTS,
} from '../../../src/domain/access/pin';
import { derivePinKey, PIN_KDF, warmPinKdf } from '../../../src/domain/access/pin-kdf';
import type { User } from '../../../src/domain/access/users';
import { legacyPinHash, TEST_KDF } from '../../fixtures/pins';

const salt = new Uint8Array(16).fill(7);
const now = new Date('2026-11-23T03:00:00.000Z');

async function user(pin = '2569'): Promise<User> {
  return {
    id: 'u1',
    name: 'ครูสมใจ',
    role: 'teacher',
    rooms: [{ grade: '04', room: '1' }],
    pin: (await hashPin(pin, salt, TEST_KDF)).hash,
    failedAttempts: 0,
    lockedUntil: null,
    active: true,
    createdAt: now.toISOString(),
  };
}

describe('PINs', () => {
  it('are set with 6 to 8 digits only; older 4- and 5-digit PINs can still be entered, to be changed', () => {
    expect(isAcceptablePin('123456')).toBe(true);
    expect(isAcceptablePin('12345678')).toBe(true);
    expect(isAcceptablePin('1234')).toBe(false);
    expect(isAcceptablePin('12345')).toBe(false);
    expect(isAcceptablePin('12a456')).toBe(false);
    expect(isEnterablePin('1234')).toBe(true);
    expect(isEnterablePin('123')).toBe(false);
  });

  it('are derived the same after the Argon2id code was compiled ahead (warmPinKdf)', async () => {
    const before = await derivePinKey('482913', salt, TEST_KDF);
    await warmPinKdf();
    expect(await derivePinKey('482913', salt, TEST_KDF)).toEqual(before);
    expect(await derivePinKey('482914', salt, TEST_KDF)).not.toEqual(before);
  });

  it('are stored stretched, and only the right PIN matches', async () => {
    const h = (await hashPin('2569', salt, TEST_KDF)).hash;
    expect(h.hash).not.toContain('2569');
    expect(await checkPin('2569', h)).toMatchObject({ pinKey: expect.any(Uint8Array) });
    expect(await checkPin('2568', h)).toBeNull();
  });

  it('upgrade an older PBKDF2 PIN to Argon2id at the release cost on a right PIN only', async () => {
    const old = { ...(await user()), pin: await legacyPinHash('2569', salt, 1000) };
    const wrong = await signIn(old, '2568', now, new Uint8Array(16).fill(1));
    expect(wrong).toMatchObject({ ok: false, user: { pin: { alg: 'PBKDF2-SHA256' } } });
    const right = await signIn(old, '2569', now, new Uint8Array(16).fill(1));
    expect(right).toMatchObject({
      ok: true,
      upgraded: true,
      user: { pin: { alg: 'argon2id', m: PIN_KDF.m, t: PIN_KDF.t, p: 1 } },
    });
    expect(await checkPin('2569', right.user.pin)).toMatchObject({ pinKey: (right as { pinKey: Uint8Array }).pinKey });
  }, 30_000);

  it('lock the user after five wrong PINs in a row, for 15 minutes', async () => {
    let u = await user();
    for (let i = 1; i < MAX_FAILED_ATTEMPTS; i++) {
      const r = await signIn(u, '0000', now);
      expect(r).toMatchObject({ ok: false, reason: 'wrong-pin', attemptsLeft: MAX_FAILED_ATTEMPTS - i });
      u = r.user;
    }
    const fifth = await signIn(u, '0000', now);
    expect(fifth).toMatchObject({ ok: false, reason: 'locked', until: '2026-11-23T03:15:00.000Z' });
    // Even the right PIN is refused while locked.
    expect(await signIn(fifth.user, '2569', new Date('2026-11-23T03:14:59Z'))).toMatchObject({
      ok: false,
      reason: 'locked',
    });
    const after = await signIn(fifth.user, '2569', new Date('2026-11-23T03:15:01Z'));
    expect(after).toMatchObject({ ok: true, user: { failedAttempts: 0, lockedUntil: null } });
  });

  it('reset the count after a right PIN', async () => {
    const u = await user();
    const wrong = await signIn(u, '1111', now);
    const right = await signIn(wrong.user, '2569', now);
    expect(right.user.failedAttempts).toBe(0);
  });

  it("spend no try on a PIN too short to be anyone's (Enter pressed after three digits)", async () => {
    const u = await user();
    const once = await signIn(u, '1111', now);
    const partial = await signIn(once.user, '256', now);
    expect(partial).toMatchObject({ ok: false, reason: 'wrong-pin', attemptsLeft: MAX_FAILED_ATTEMPTS - 1 });
    expect(partial.user.failedAttempts).toBe(1);
    expect((await signIn(u, '', now)).user.failedAttempts).toBe(0);
  });
});
