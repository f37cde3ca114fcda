// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/domain/bundle/hash';
import {
  exportPrivateJwk,
  fingerprintMatches,
  fingerprintOf,
  generateSigningKey,
  importPrivateJwk,
  keyIdOf,
  publicJwkOfSpki,
  publicOfJwk,
} from '../../../src/domain/bundle/keys';
import { signStatement, parseEnvelope, verifySignature } from '../../../src/domain/bundle/dsse';
import { importPublicKey } from '../../../src/domain/bundle/keys';
import { utf8 } from '../../../src/domain/bundle/bytes';

describe('keys', () => {
  it('names a key by the SHA-256 of its SPKI DER, and reads out 16 digits in fours', async () => {
    const key = await generateSigningKey(false);
    expect(key.keyid).toBe(await sha256Hex(key.spki));
    expect(key.keyid).toMatch(/^[0-9a-f]{64}$/);
    expect(key.spki).toHaveLength(91); // P-256 SubjectPublicKeyInfo
    expect(fingerprintOf(key.keyid)).toBe(key.keyid.slice(0, 16).match(/.{4}/g)!.join(' '));
    expect(fingerprintOf('3f1a9c0e77b2d410' + '0'.repeat(48))).toBe('3f1a 9c0e 77b2 d410');
  });

  it('matches a fingerprint read aloud, whatever the case and spacing', () => {
    const keyid = '3f1a9c0e77b2d410' + '0'.repeat(48);
    expect(fingerprintMatches(keyid, '3F1A 9C0E 77B2 D410')).toBe(true);
    expect(fingerprintMatches(keyid, '3f1a-9c0e-77b2-d410')).toBe(true);
    expect(fingerprintMatches(keyid, '3f1a 9c0e 77b2 d411')).toBe(false);
    expect(fingerprintMatches(keyid, '3f1a 9c0e')).toBe(false);
  });

  it('keeps a device key non-extractable', async () => {
    const key = await generateSigningKey(false);
    expect(key.privateKey.extractable).toBe(false);
    await expect(exportPrivateJwk(key.privateKey)).rejects.toThrow();
  });

  it('round-trips a private key through a bare JWK, for signing and for ECDH', async () => {
    const key = await generateSigningKey(true);
    const jwk = await exportPrivateJwk(key.privateKey);
    expect(Object.keys(jwk).sort()).toEqual(['crv', 'd', 'kty', 'x', 'y']);
    const signer = await importPrivateJwk(jwk, 'sign');
    expect(signer.keyid).toBe(key.keyid);
    expect(signer.privateKey.extractable).toBe(false);
    const envelope = parseEnvelope(await signStatement(utf8('{}'), [signer]))!;
    expect(
      await verifySignature(await importPublicKey(key.spki, 'verify'), envelope.signatures[0]!.sig, utf8('{}')),
    ).toBe(true);
    expect((await importPrivateJwk(jwk, 'decrypt')).privateKey.algorithm.name).toBe('ECDH');
  });

  it('accepts a JWK that still carries key_ops from WebCrypto', async () => {
    const key = await generateSigningKey(true);
    const full = { ...(await crypto.subtle.exportKey('jwk', key.privateKey)) } as Parameters<
      typeof importPrivateJwk
    >[0];
    expect((await importPrivateJwk(full, 'decrypt')).keyid).toBe(key.keyid);
  });

  it('gives the public half as JWK and back', async () => {
    const key = await generateSigningKey(false);
    const jwk = await publicJwkOfSpki(key.spki);
    expect(await publicOfJwk(jwk)).toEqual({ spki: key.spki, keyid: key.keyid });
    expect(await keyIdOf(key.spki)).toBe(key.keyid);
  });

  it('refuses a point that is not on the curve', async () => {
    const key = await generateSigningKey(false);
    const jwk = await publicJwkOfSpki(key.spki);
    await expect(publicOfJwk({ ...jwk, y: jwk.x })).rejects.toThrow();
  });
});
