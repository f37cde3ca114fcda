// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fromBase64, utf8 } from '../../../src/domain/bundle/bytes';
import { decryptPayload, encryptPayload } from '../../../src/domain/bundle/encrypt';
import { exportPrivateJwk, generateSigningKey, importPrivateJwk } from '../../../src/domain/bundle/keys';
import { ENCRYPTION_ALG } from '../../../src/domain/bundle/statement';
import { random } from './helpers';

const BUNDLE_ID = '3b241101-e2bb-4255-8caf-4136c566a962';

async function recipient() {
  const key = await generateSigningKey(true);
  return { ...key, decrypt: await importPrivateJwk(await exportPrivateJwk(key.privateKey), 'decrypt') };
}

describe('payload encryption', () => {
  it('decrypts with the recipient key; the header is what the spec names', async () => {
    const district = await recipient();
    const plain = utf8('payload zip bytes');
    const { ciphertext, header } = await encryptPayload(plain, BUNDLE_ID, district, random);
    expect(header.alg).toBe(ENCRYPTION_ALG);
    expect(header.recipient).toBe(district.keyid);
    expect(fromBase64(header.wrappedKey)).toHaveLength(40);
    expect(fromBase64(header.iv)).toHaveLength(12);
    expect(fromBase64(header.epk)).toHaveLength(91);
    expect(ciphertext).toHaveLength(plain.length + 16);
    expect(await decryptPayload(ciphertext, BUNDLE_ID, header, district.decrypt.privateKey)).toEqual(plain);
  });

  it('fails for another key, another bundleId, or a changed byte', async () => {
    const [district, other] = [await recipient(), await recipient()];
    const { ciphertext, header } = await encryptPayload(utf8('x'), BUNDLE_ID, district, random);
    expect(await decryptPayload(ciphertext, BUNDLE_ID, header, other.decrypt.privateKey)).toBeNull();
    expect(
      await decryptPayload(ciphertext, 'c3a1f7e2-5b4d-4e6f-8a9b-0c1d2e3f4a5b', header, district.decrypt.privateKey),
    ).toBeNull();
    const flipped = new Uint8Array(ciphertext);
    flipped[0]! ^= 1;
    expect(await decryptPayload(flipped, BUNDLE_ID, header, district.decrypt.privateKey)).toBeNull();
  });

  it('uses a fresh ephemeral key each time', async () => {
    const district = await recipient();
    const a = await encryptPayload(utf8('x'), BUNDLE_ID, district, random);
    const b = await encryptPayload(utf8('x'), BUNDLE_ID, district, random);
    expect(a.header.epk).not.toBe(b.header.epk);
  });
});
