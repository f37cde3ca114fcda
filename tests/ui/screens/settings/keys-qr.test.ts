// Public keys shown as QR codes where they are exported, and the district's key imported in one place only.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { fingerprintOf } from '../../../../src/domain/bundle/keys';
import { publicKeyFile } from '../../../../src/domain/bundle/trust';

const keyid = 'c0de'.repeat(16);
const file = publicKeyFile({
  keyid,
  alg: 'ES256',
  spki: 'MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE',
  role: 'director',
  name: 'นางสมศรี ใจดี',
  school: '1050130001',
});
const info = {
  keyid,
  fingerprint: fingerprintOf(keyid),
  role: 'director' as const,
  userId: 'u1',
  name: 'นางสมศรี ใจดี',
  createdAt: '2026-06-01T00:00:00.000Z',
  retiredAt: null,
};

vi.mock('../../../../src/ui/services/signing.service', () => ({
  listPersonKeys: vi.fn(async () => [info]),
  personPublicKeyFile: vi.fn(async () => file),
  downloadPersonPublicKey: vi.fn(),
  unlockPersonKey: vi.fn(),
}));
vi.mock('../../../../src/ui/services/submission.service', () => ({ districtKey: vi.fn(async () => null) }));
vi.mock('../../../../src/ui/services/trust.service', () => ({
  enrolKeyFile: vi.fn(),
  districtKeys: vi.fn(async () => []),
}));
vi.mock('../../../../src/ui/services/findings.service', () => ({
  importFindingsFile: vi.fn(),
  trustDistrictKey: vi.fn(),
  latestDistrictFindings: vi.fn(async () => []),
}));

const { default: KeysCard } = await import('../../../../src/ui/screens/settings/KeysCard.svelte');
const { default: ImportFindings } = await import('../../../../src/ui/components/findings/ImportFindings.svelte');

afterEach(() => cleanup());

describe('signing keys in Settings', () => {
  it("shows a person's public key file as a QR code with its fingerprint, and hides it again", async () => {
    render(KeysCard);
    const toggle = await screen.findByTestId('key-qr-toggle');
    expect(toggle).toHaveTextContent('แสดง QR code');
    await fireEvent.click(toggle);
    expect(await screen.findByTestId('key-qr-fingerprint')).toHaveTextContent(fingerprintOf(keyid));
    expect(screen.getByRole('img', { name: /นางสมศรี ใจดี/ })).toBeInTheDocument();
    await fireEvent.click(toggle);
    expect(screen.queryByTestId('key-qr')).toBeNull();
  });

  it("imports the district's key here and nowhere else: the findings import asks for it by fingerprint only", async () => {
    render(KeysCard);
    expect(await screen.findByTestId('keys-district-file')).toBeInTheDocument();
    cleanup();
    render(ImportFindings);
    expect(await screen.findByTestId('district-key-note')).toHaveTextContent('ตั้งค่า → กุญแจลงนาม');
    expect(screen.queryByTestId('district-key-file')).toBeNull();
  });
});
