// Settings asks in the app's own Dialog (decision 22), never with the browser's confirm().
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import UsersCard from '../../../../src/ui/screens/settings/UsersCard.svelte';
import VaultCard from '../../../../src/ui/screens/settings/VaultCard.svelte';
import { appDb } from '../../../../src/db/database';
import { getUser } from '../../../../src/db/user-repo';
import { VAULT_SETTING } from '../../../../src/db/database';
import { session } from '../../../../src/ui/state/session.svelte';
import { aUser, freshDb } from '../confirm/school';

let nativeConfirm: ReturnType<typeof vi.fn>;
beforeEach(async () => {
  await freshDb();
  nativeConfirm = vi.fn(() => true);
  vi.stubGlobal('confirm', nativeConfirm);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('settings confirmations', () => {
  it('asks before deactivating a user, keeps them on cancel and Escape, and reactivates without asking', async () => {
    session.signIn(await aUser('u1', 'officer'));
    await aUser('t1', 'teacher');
    render(UsersCard);
    const toggle = await screen.findByTestId('toggle-user');
    await fireEvent.click(toggle);
    expect(await screen.findByTestId('deactivate-dialog')).toHaveTextContent('ปิดการใช้งานของ ครูสมใจ ใช่ไหม?');
    await fireEvent.click(screen.getByTestId('deactivate-keep'));
    expect(screen.queryByTestId('deactivate-dialog')).toBeNull();
    expect((await getUser(appDb(), 't1'))!.active).toBe(true);

    await fireEvent.click(toggle);
    await fireEvent(screen.getByTestId('deactivate-dialog'), new Event('cancel', { cancelable: true }));
    expect(screen.queryByTestId('deactivate-dialog')).toBeNull();

    await fireEvent.click(toggle);
    await fireEvent.click(screen.getByTestId('deactivate-yes'));
    await expect.poll(async () => (await getUser(appDb(), 't1'))!.active).toBe(false);
    await expect.poll(() => screen.getByTestId('toggle-user').textContent).toBe('เปิดการใช้งาน');
    await fireEvent.click(screen.getByTestId('toggle-user'));
    expect(screen.queryByTestId('deactivate-dialog')).toBeNull();
    await expect.poll(async () => (await getUser(appDb(), 't1'))!.active).toBe(true);
    expect(nativeConfirm).not.toHaveBeenCalled();
  });

  it('warns before turning encryption off, and asks for the PIN only after the warning is accepted', async () => {
    session.signIn(await aUser('u1', 'officer'));
    await appDb().settings.put({
      key: VAULT_SETTING,
      value: { version: 1, enabled: true, wraps: {}, pending: false, sealFormat: 2 },
    });
    render(VaultCard);
    await fireEvent.click(await screen.findByTestId('vault-off'));
    expect(await screen.findByTestId('vault-off-dialog')).toHaveTextContent('ข้อมูลส่วนบุคคลจะเก็บในเครื่องแบบอ่านได้');
    await fireEvent.click(screen.getByTestId('vault-off-keep'));
    expect(screen.queryByTestId('vault-off-dialog')).toBeNull();
    expect(screen.queryByTestId('pin-ok')).toBeNull();

    await fireEvent.click(screen.getByTestId('vault-off'));
    await fireEvent.click(screen.getByTestId('vault-off-yes'));
    expect(screen.queryByTestId('vault-off-dialog')).toBeNull();
    expect(screen.getByTestId('pin-ok')).toBeTruthy();
    expect(nativeConfirm).not.toHaveBeenCalled();
  });
});
