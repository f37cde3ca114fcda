// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fromUtf8, utf8 } from '../../../src/domain/bundle/bytes';
import { pae, parseEnvelope, PAYLOAD_TYPE, signStatement } from '../../../src/domain/bundle/dsse';
import { generateSigningKey } from '../../../src/domain/bundle/keys';

describe('DSSE', () => {
  it('encodes PAE as the DSSE specification’s example', () => {
    expect(fromUtf8(pae('http://example.com/HelloWorld', utf8('hello world')))).toBe(
      'DSSEv1 29 http://example.com/HelloWorld 11 hello world',
    );
  });

  it('counts bytes, not characters', () => {
    expect(fromUtf8(pae(PAYLOAD_TYPE, utf8('{"n":"ก"}')))).toBe(`DSSEv1 37 ${PAYLOAD_TYPE} 11 {"n":"ก"}`);
  });

  it('writes 64-byte r‖s signatures and the exact statement bytes', async () => {
    const key = await generateSigningKey(false);
    const statement = utf8('{"b": 1,  "a": 2}');
    const envelope = parseEnvelope(await signStatement(statement, [key]))!;
    expect(envelope.payloadType).toBe(PAYLOAD_TYPE);
    expect(envelope.payload).toEqual(statement);
    expect(envelope.signatures).toHaveLength(1);
    expect(envelope.signatures[0]!.keyid).toBe(key.keyid);
    expect(envelope.signatures[0]!.sig).toHaveLength(64);
  });

  it.each([
    ['not JSON', '{'],
    ['no signatures', '{"payloadType":"x","payload":"e30="}'],
    ['bad base64', '{"payloadType":"x","payload":"e30","signatures":[]}'],
  ])('refuses an envelope with %s', (_what, text) => {
    expect(parseEnvelope(utf8(text))).toBeNull();
  });
});
