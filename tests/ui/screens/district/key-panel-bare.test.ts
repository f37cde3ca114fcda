// A district key kept bare by an earlier release is not sealed: the key panel says so and offers the way out
// (restore it from its backup), in Thai and English; a sealed key shows no such warning.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { i18n, loadLocale } from '../../../../src/ui/i18n/i18n.svelte';

const info = {
  keyid: 'ab',
  fingerprint: 'ABCD-EFGH',
  spki: 'MFkw',
  name: 'สพป.ทดสอบ',
  createdAt: '2026-05-16T01:00:00.000Z',
  bare: true,
};
const districtKeyInfo = vi.fn(async () => info);
vi.mock('../../../../src/ui/services/keys.service', () => ({
  districtKeyInfo,
  districtPublicKeyFile: async () => null,
  downloadPublicKeyFile: vi.fn(),
  restoreFromBackup: vi.fn(),
  createDistrictKey: vi.fn(),
  MIN_PASSPHRASE: 10,
}));
const { default: DistrictKeyPanel } = await import('../../../../src/ui/screens/district/key/DistrictKeyPanel.svelte');

afterEach(() => {
  cleanup();
  i18n.set('th');
});

describe('the district key panel with a bare key', () => {
  it('warns in Thai and offers to restore the key from its backup', async () => {
    render(DistrictKeyPanel);
    const warning = await screen.findByTestId('district-key-bare');
    expect(warning).toHaveTextContent('ไฟล์สำรอง');
    await fireEvent.click(screen.getByTestId('district-key-bare-restore'));
    expect(warning.querySelector('#restore-file')).not.toBeNull();
  });

  it('warns in English', async () => {
    await loadLocale('en');
    i18n.set('en');
    render(DistrictKeyPanel);
    expect(await screen.findByTestId('district-key-bare')).toHaveTextContent('restore it from the backup file');
  });

  it('says nothing of the kind for a sealed key', async () => {
    districtKeyInfo.mockResolvedValueOnce({ ...info, bare: false });
    render(DistrictKeyPanel);
    await screen.findByTestId('district-fingerprint');
    expect(screen.queryByTestId('district-key-bare')).toBeNull();
  });
});
