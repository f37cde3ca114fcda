// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { toBase64 } from '../../../src/domain/bundle/bytes';
import { generateSigningKey } from '../../../src/domain/bundle/keys';
import { publicKeyFile, type TrustedKey } from '../../../src/domain/bundle/trust';
import { readKeyFile } from '../../../src/domain/district/key-file';

async function entry(): Promise<TrustedKey> {
  const k = await generateSigningKey(false);
  return {
    keyid: k.keyid,
    alg: 'ES256',
    spki: toBase64(k.spki),
    role: 'director',
    name: 'ผอ.ทดสอบ',
    school: '1050130001',
  };
}

describe('readKeyFile', () => {
  it('reads one public key file or a whole trust list', async () => {
    const [a, b] = [await entry(), await entry()];
    expect(await readKeyFile(JSON.stringify(publicKeyFile(a)))).toEqual({
      ok: true,
      kind: 'public-key',
      keys: [a],
      office: null,
    });
    expect(await readKeyFile(JSON.stringify({ format: 'tabian-trust/1', keys: [a, b] }))).toEqual({
      ok: true,
      kind: 'trust-list',
      keys: [a, b],
      office: null,
    });
  });

  it('refuses what is not JSON, another format, and a key whose keyid is not its SHA-256', async () => {
    const a = await entry();
    const b = await entry();
    expect(await readKeyFile('{')).toEqual({ ok: false, problem: 'keyfile.not_json' });
    expect(await readKeyFile(JSON.stringify({ format: 'something/1' }))).toEqual({
      ok: false,
      problem: 'keyfile.format',
    });
    expect(await readKeyFile(JSON.stringify(publicKeyFile({ ...a, spki: b.spki })))).toEqual({
      ok: false,
      problem: 'keyfile.mismatch',
    });
  });
});
