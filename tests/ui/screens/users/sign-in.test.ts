import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, screen, fireEvent, cleanup } from '@testing-library/svelte';
import SignIn from '../../../../src/ui/screens/users/SignIn.svelte';
import { i18n } from '../../../../src/ui/i18n/i18n.svelte';
import { session, IDLE_LOCK_MS } from '../../../../src/ui/state/session.svelte';
import { appDb, resetAppDb } from '../../../../src/db/database';
import { getUser, saveUser } from '../../../../src/db/user-repo';
import { legacyPinHash, testPinHash } from '../../../fixtures/pins';
import { PIN_KDF } from '../../../../src/domain/access/pin-kdf';
import type { User } from '../../../../src/domain/access/users';

async function teacher(): Promise<User> {
  return {
    id: 'u1',
    name: 'ครูสมใจ',
    role: 'teacher',
    rooms: [{ grade: '04', room: '1' }],
    pin: await testPinHash('256901'),
    failedAttempts: 0,
    lockedUntil: null,
    active: true,
    createdAt: '2026-11-23T03:00:00.000Z',
  };
}

async function typePin(pin: string) {
  for (const d of pin) await fireEvent.click(screen.getByRole('button', { name: d }));
  await fireEvent.click(screen.getByTestId('pin-ok'));
}

beforeEach(async () => {
  i18n.set('th');
  session.lock();
  resetAppDb();
  await appDb().delete();
  resetAppDb();
});
afterEach(() => cleanup());

describe('sign-in', () => {
  it('counts down the tries left on a wrong PIN and stores the count', async () => {
    const u = await teacher();
    await saveUser(appDb(), u);
    render(SignIn, { users: [u], title: 'โรงเรียนทดสอบ' });
    await fireEvent.click(screen.getByRole('button', { name: /ครูสมใจ/ }));
    await typePin('1111');
    expect(await screen.findByTestId('signin-message')).toHaveTextContent('รหัส PIN ไม่ถูกต้อง เหลืออีก 4 ครั้งก่อนถูกล็อก');
    expect((await getUser(appDb(), 'u1'))?.failedAttempts).toBe(1);
    expect(session.user).toBeNull();
  });

  it('opens the session with the right PIN', async () => {
    const u = await teacher();
    await saveUser(appDb(), u);
    render(SignIn, { users: [u], title: 'โรงเรียนทดสอบ' });
    await fireEvent.click(screen.getByRole('button', { name: /ครูสมใจ/ }));
    await typePin('256901');
    await expect.poll(() => session.user?.id).toBe('u1');
  });

  it('makes a director with an older 4-digit PIN choose 6 digits before anything opens (issue 18)', async () => {
    const u: User = {
      ...(await teacher()),
      id: 'd1',
      name: 'นางสมศรี',
      role: 'director',
      rooms: [],
      pin: await legacyPinHash('2569'),
    };
    await saveUser(appDb(), u);
    render(SignIn, { users: [u], title: 'โรงเรียนทดสอบ' });
    await fireEvent.click(screen.getByRole('button', { name: /นางสมศรี/ }));
    await typePin('2569');
    const form = await screen.findByTestId('change-pin', {}, { timeout: 10_000 });
    expect(form).toHaveTextContent('ตั้งรหัส PIN ใหม่');
    expect(session.user).toBeNull();
    // Another short PIN is refused.
    await fireEvent.input(screen.getByLabelText('รหัส PIN ใหม่ (ตัวเลข 6–8 หลัก)'), { target: { value: '1357' } });
    await fireEvent.input(screen.getByLabelText('ยืนยันรหัส PIN อีกครั้ง'), { target: { value: '1357' } });
    await fireEvent.click(screen.getByTestId('change-pin-save'));
    expect(await screen.findByTestId('change-pin-error', {}, { timeout: 5_000 })).toHaveTextContent(
      'รหัส PIN ต้องเป็นตัวเลข 6–8 หลัก',
    );
    await fireEvent.input(screen.getByLabelText('รหัส PIN ใหม่ (ตัวเลข 6–8 หลัก)'), { target: { value: '135792' } });
    await fireEvent.input(screen.getByLabelText('ยืนยันรหัส PIN อีกครั้ง'), { target: { value: '135792' } });
    await fireEvent.click(screen.getByTestId('change-pin-save'));
    await expect.poll(() => session.user?.id, { timeout: 10_000 }).toBe('d1');
    const stored = (await getUser(appDb(), 'd1'))!.pin;
    expect(stored).toMatchObject({ alg: 'argon2id', m: PIN_KDF.m, t: PIN_KDF.t });
  }, 30_000);

  it('hides deactivated users', async () => {
    const u = { ...(await teacher()), active: false };
    render(SignIn, { users: [u], title: 'โรงเรียนทดสอบ' });
    expect(screen.queryByRole('button', { name: /ครูสมใจ/ })).toBeNull();
  });
});

describe('idle lock', () => {
  it('locks after the idle time and not before', async () => {
    session.signIn(await teacher());
    session.touch(1_000);
    session.checkIdle(1_000 + IDLE_LOCK_MS);
    expect(session.user).not.toBeNull();
    session.checkIdle(1_000 + IDLE_LOCK_MS + 1);
    expect(session.user).toBeNull();
  });
});
