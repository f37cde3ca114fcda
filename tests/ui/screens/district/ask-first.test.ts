// District screens ask first in the app's own Dialog, never the browser's confirm(): revoking a school's
// key waits for "เพิกถอน" in the dialog; cancel (or Escape) leaves the key as it was.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import type { TrustRow } from '../../../../src/db/trust-repo';

const revoke = vi.fn(async () => {});
vi.mock('../../../../src/ui/services/trust.service', () => ({ revoke, enrolKeyFile: vi.fn() }));
const { default: SchoolKeys } = await import('../../../../src/ui/screens/district/schools/SchoolKeys.svelte');

const key: TrustRow = {
  keyid: 'a'.repeat(64),
  alg: 'ES256',
  spki: 'AAAA',
  role: 'director',
  name: 'นางสมศรี ใจดี',
  school: '1050130001',
  enrolledAt: '2026-06-01T03:00:00.000Z',
  enrolledBy: 'นายสมปอง',
  source: 'file',
  revokedAt: null,
};
const school = {
  code: '1050130001',
  smis: '50130001',
  name: 'โรงเรียนบ้านทดสอบ',
  source: 'list' as const,
  updatedAt: '2026-06-01T03:00:00.000Z',
};

afterEach(() => cleanup());

describe('asking first', () => {
  it('revokes a school key only after "yes" in the Dialog, never through confirm()', async () => {
    const confirmSpy = vi.spyOn(window, 'confirm').mockImplementation(() => {
      throw new Error('confirm() called');
    });
    render(SchoolKeys, { school, load: async () => [key], onchange: () => {}, onclose: () => {} });
    await fireEvent.click(await screen.findByRole('button', { name: 'เพิกถอน' }));
    expect(screen.getByTestId('revoke-ask')).toHaveTextContent('เพิกถอนกุญแจของ นางสมศรี ใจดี');
    await fireEvent.click(screen.getByTestId('revoke-ask-cancel'));
    expect(screen.queryByTestId('revoke-ask')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    await fireEvent.click(screen.getByRole('button', { name: 'เพิกถอน' }));
    await fireEvent.click(screen.getByTestId('revoke-ask-yes'));
    await vi.waitFor(() => expect(revoke).toHaveBeenCalledWith(key.keyid));
    expect(confirmSpy).not.toHaveBeenCalled();
  });
});
