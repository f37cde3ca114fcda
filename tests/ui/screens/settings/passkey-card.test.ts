// Settings → passkey where the browser has no WebAuthn PRF (jsdom has no PublicKeyCredential at all): the
// card says so and offers nothing; with one, it offers to add a passkey (decision 26).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import PasskeyCard from '../../../../src/ui/screens/settings/PasskeyCard.svelte';
import { i18n } from '../../../../src/ui/i18n/i18n.svelte';
import { session } from '../../../../src/ui/state/session.svelte';
import { aUser, freshDb } from '../confirm/school';

beforeEach(async () => {
  await freshDb();
  session.signIn(await aUser('u1', 'officer'));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  i18n.set('th');
});

describe('passkey card', () => {
  it('says the device has no passkey with PRF and offers no button, in Thai and English', async () => {
    expect(typeof (globalThis as { PublicKeyCredential?: unknown }).PublicKeyCredential).toBe('undefined');
    render(PasskeyCard);
    expect(await screen.findByTestId('passkey-unavailable')).toHaveTextContent('ไม่รองรับกุญแจผ่านแบบ PRF');
    expect(screen.queryByTestId('passkey-add')).toBeNull();
    cleanup();
    i18n.set('en');
    render(PasskeyCard);
    expect(await screen.findByTestId('passkey-unavailable')).toHaveTextContent('no passkey with PRF');
  });

  it('offers a passkey where the browser reports PRF, and not where it reports none', async () => {
    vi.stubGlobal('isSecureContext', true);
    vi.stubGlobal('PublicKeyCredential', { getClientCapabilities: async () => ({ 'extension:prf': true }) });
    Object.defineProperty(navigator, 'credentials', { value: {}, configurable: true });
    render(PasskeyCard);
    expect(await screen.findByTestId('passkey-add')).toBeTruthy();
    expect(screen.getByTestId('passkey-status')).toHaveTextContent('ใช้ PIN อย่างเดียว');
    cleanup();
    vi.stubGlobal('PublicKeyCredential', { getClientCapabilities: async () => ({ 'extension:prf': false }) });
    render(PasskeyCard);
    expect(await screen.findByTestId('passkey-unavailable')).toBeTruthy();
  });
});
