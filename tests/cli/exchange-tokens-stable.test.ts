// @vitest-environment node
// Decision 41: `exchange encode` hashes with node:crypto and keeps each Bloom element's hashes; the tokens must be
// byte for byte those of the WebCrypto encoder made before, so token files already exchanged still match.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeHmacSha256 } from '../../src/cli/exchange/hmac';
import { tokenEncoder, type SyncHmacSha256 } from '../../src/domain/exchange/tokens';
import { generatedStudent } from '../fixtures/district';

async function tokenFile(hmac?: SyncHmacSha256): Promise<string[]> {
  const { header, encode } = await tokenEncoder(
    new TextEncoder().encode('golden-secret-of-at-least-16-bytes'),
    hmac ? { hmac } : {},
  );
  const lines = [JSON.stringify(header)];
  for (let i = 0; i < 300; i++) {
    const s = generatedStudent(i * 7919);
    lines.push(
      JSON.stringify(
        await encode({
          ref: `r${i}`,
          idNo: i % 5 === 0 ? null : s.idNo,
          firstName: s.firstName,
          lastName: s.lastName,
          birthDate: i % 11 === 0 ? null : s.birthDate,
          sex: i % 13 === 0 ? null : s.sex,
        }),
      ),
    );
  }
  return lines;
}

describe('exchange tokens across encoders', () => {
  it('are the tokens of the encoder before the change, with WebCrypto and with node:crypto', async () => {
    // The SHA-256 of this file as the WebCrypto-only encoder wrote it (commit 395480f).
    const GOLDEN = '7846af23dd00ed4a056a33cc9d82a1e9e0ef2c852fbff770ac727556bb98724d';
    const web = await tokenFile();
    const node = await tokenFile(nodeHmacSha256);
    expect(node).toEqual(web);
    expect(createHash('sha256').update(web.join('\n')).digest('hex')).toBe(GOLDEN);
    expect(JSON.parse(web[2]!)).toMatchObject({
      ref: 'r1',
      id: 'be66672125a702204465f2da1b2f18b9e9d1f725d7f0fa4bd9d4581553b18ce6',
      block: 'e43a72e60a204083',
    });
  });
});
