// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { utf8 } from '../../../src/domain/bundle/bytes';
import { parseEnvelope, signStatement, verifySignature } from '../../../src/domain/bundle/dsse';
import { generateSigningKey, importPublicKey } from '../../../src/domain/bundle/keys';
import {
  unwrapPrivateKey,
  WRAP_ITERATIONS,
  wrappedKeySchema,
  wrapPrivateKey,
} from '../../../src/domain/bundle/key-wrap';
import { random } from './helpers';

describe('PIN-wrapped private keys', () => {
  it('signs only after the right PIN, and the unwrapped key cannot be exported', async () => {
    const key = await generateSigningKey(true);
    const wrapped = await wrapPrivateKey(key.privateKey, key, '482915', random);
    expect(wrappedKeySchema.parse(wrapped)).toEqual(wrapped);
    expect(wrapped.iterations).toBe(600_000);
    expect(await unwrapPrivateKey(wrapped, '482916', 'sign')).toBeNull();
    const unwrapped = (await unwrapPrivateKey(wrapped, '482915', 'sign'))!;
    expect(unwrapped.extractable).toBe(false);
    const envelope = parseEnvelope(
      await signStatement(utf8('{}'), [{ privateKey: unwrapped, spki: key.spki, keyid: key.keyid }]),
    )!;
    expect(
      await verifySignature(await importPublicKey(key.spki, 'verify'), envelope.signatures[0]!.sig, utf8('{}')),
    ).toBe(true);
  }, 20_000);

  it('binds the wrapped key to its keyid', async () => {
    const key = await generateSigningKey(true);
    const wrapped = await wrapPrivateKey(key.privateKey, key, 'ผ่าน phrase', random);
    expect(await unwrapPrivateKey({ ...wrapped, keyid: 'f'.repeat(64) }, 'ผ่าน phrase', 'sign')).toBeNull();
    expect((await unwrapPrivateKey(wrapped, 'ผ่าน phrase', 'decrypt'))?.algorithm.name).toBe('ECDH');
  }, 20_000);

  it('never stretches a PIN less than 600,000 times', async () => {
    const key = await generateSigningKey(true);
    await expect(wrapPrivateKey(key.privateKey, key, '1234', random, WRAP_ITERATIONS - 1)).rejects.toThrow(RangeError);
    expect(
      wrappedKeySchema.safeParse({ ...(await wrapPrivateKey(key.privateKey, key, '1234', random)), iterations: 1000 })
        .success,
    ).toBe(false);
  }, 20_000);
});
