// @vitest-environment node
// The committed test vectors (tests/fixtures/bundles, made by scripts/make-test-vectors.ts) verify, byte for byte as committed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { asBytes, fromBase64 } from '../../../src/domain/bundle/bytes';
import { importPrivateJwk, keyIdOf, privateJwkSchema } from '../../../src/domain/bundle/keys';
import { PAYLOAD_SCHEMAS } from '../../../src/domain/bundle/payloads';
import { REASON_CODES } from '../../../src/domain/bundle/reasons';
import { publicKeyFileSchema, trustListSchema } from '../../../src/domain/bundle/trust';
import { verifyBundle } from '../../../src/domain/bundle/verify';

const dir = fileURLToPath(new URL('../../fixtures/bundles/', import.meta.url));
const bytes = (name: string) => asBytes(readFileSync(join(dir, name)));
const json = (name: string): unknown => JSON.parse(readFileSync(join(dir, name), 'utf8'));
const trust = trustListSchema.parse(json('trust.json'));
const expected = json('vectors.json') as Record<
  string,
  { statementSha256: string; bundleId: string; sequence: number }
>;

async function districtKey() {
  const key = await importPrivateJwk(privateJwkSchema.parse(json('keys/test-only-district.private.jwk')), 'decrypt');
  return { keyid: key.keyid, privateKey: key.privateKey };
}

describe('test vectors', () => {
  it.each(Object.keys(expected))('%s verifies and is trusted', async (name) => {
    const r = await verifyBundle(bytes(name), { trust, decryptionKey: await districtKey() });
    expect(r.reason).toBeNull();
    expect(r.statementSha256).toBe(expected[name]!.statementSha256);
    expect(r.statement).toMatchObject({ bundleId: expected[name]!.bundleId, sequence: expected[name]!.sequence });
    expect(r.signers.every((s) => s.signature === 'valid' && s.trusted)).toBe(true);
  });

  it('carries students.jsonl byte for byte, in the clear and encrypted', async () => {
    const students = new Uint8Array(bytes('students.jsonl'));
    for (const name of ['submission-1-plain.tabian', 'submission-2-encrypted.tabian']) {
      const r = await verifyBundle(bytes(name), { decryptionKey: await districtKey() });
      expect(r.payload?.[0]?.bytes).toEqual(students);
    }
  });

  it('chains the encrypted submission after the plain one', async () => {
    const chain = [
      { sequence: 1, statementSha256: expected['submission-1-plain.tabian']!.statementSha256, previous: null },
    ];
    const r = await verifyBundle(bytes('submission-2-encrypted.tabian'), { chain, decryptionKey: await districtKey() });
    expect(r.chain).toEqual({ status: 'follows' });
  });

  it('publishes public key files whose keyid is the hash of their SPKI', async () => {
    for (const role of ['staff', 'director', 'device', 'district']) {
      const file = publicKeyFileSchema.parse(json(`keys/${role}.public.json`));
      expect(await keyIdOf(fromBase64(file.spki)!)).toBe(file.keyid);
      expect(file.fingerprint).toBe(file.keyid.slice(0, 16).match(/.{4}/g)!.join(' '));
    }
  });
});

describe('docs/bundle-format.md', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../../docs/bundle-format.md', import.meta.url)), 'utf8');

  it('lists every reason code and payload schema', () => {
    for (const code of REASON_CODES) expect(doc).toContain(`| \`${code}\` |`);
    for (const schema of Object.keys(PAYLOAD_SCHEMAS)) expect(doc).toContain(`### \`${schema}\``);
  });

  it('quotes the committed vectors’ statement hashes and fingerprints', () => {
    for (const v of Object.values(
      json('vectors.json') as Record<
        string,
        { statementSha256: string; signers: { keyid: string; fingerprint: string }[] }
      >,
    )) {
      expect(doc).toContain(v.statementSha256);
      for (const s of v.signers) expect(doc).toContain(`| \`${s.keyid}\` | \`${s.fingerprint}\` |`);
    }
  });
});
