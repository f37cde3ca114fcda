import { describe, expect, it } from 'vitest';
import { hashPin, pinMatches, signIn, isAcceptablePin, MAX_FAILED_ATTEMPTS } from '../../../src/domain/access/pin';
import type { User } from '../../../src/domain/access/users';

const salt = new Uint8Array(16).fill(7);
const now = new Date('2026-11-23T03:00:00.000Z');

async function user(pin = '2569'): Promise<User> {
  return {
    id: 'u1', name: 'ครูสมใจ', role: 'teacher', rooms: [{ grade: '04', room: '1' }], pin: await hashPin(pin, salt, 1000),
    failedAttempts: 0, lockedUntil: null, active: true, createdAt: now.toISOString(),
  };
}

describe('PINs', () => {
  it('accept 4 to 8 digits only', () => {
    expect(isAcceptablePin('1234')).toBe(true);
    expect(isAcceptablePin('12345678')).toBe(true);
    expect(isAcceptablePin('123')).toBe(false);
    expect(isAcceptablePin('12a4')).toBe(false);
  });

  it('are stored stretched, and only the right PIN matches', async () => {
    const h = await hashPin('2569', salt, 1000);
    expect(h.hash).not.toContain('2569');
    expect(await pinMatches('2569', h)).toBe(true);
    expect(await pinMatches('2568', h)).toBe(false);
  });

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
    expect(await signIn(fifth.user, '2569', new Date('2026-11-23T03:14:59Z'))).toMatchObject({ ok: false, reason: 'locked' });
    const after = await signIn(fifth.user, '2569', new Date('2026-11-23T03:15:01Z'));
    expect(after).toMatchObject({ ok: true, user: { failedAttempts: 0, lockedUntil: null } });
  });

  it('reset the count after a right PIN', async () => {
    const u = await user();
    const wrong = await signIn(u, '1111', now);
    const right = await signIn(wrong.user, '2569', now);
    expect(right.user.failedAttempts).toBe(0);
  });

  it('spend no try on a PIN too short to be anyone\'s (Enter pressed after three digits)', async () => {
    const u = await user();
    const once = await signIn(u, '1111', now);
    const partial = await signIn(once.user, '256', now);
    expect(partial).toMatchObject({ ok: false, reason: 'wrong-pin', attemptsLeft: MAX_FAILED_ATTEMPTS - 1 });
    expect(partial.user.failedAttempts).toBe(1);
    expect((await signIn(u, '', now)).user.failedAttempts).toBe(0);
  });
});
