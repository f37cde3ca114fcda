// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { createBundle } from '../../../src/domain/bundle/create';
import { exportPrivateJwk, importPrivateJwk } from '../../../src/domain/bundle/keys';
import { verifyBundle } from '../../../src/domain/bundle/verify';
import { recordsOf } from '../../../src/domain/bundle/verify-files';
import { aSubmission, makeKeys, random, students, syncInput, trustListOf, type TestKeys } from './helpers';
import { editEntries, unzip } from './tamper-kit';
import { utf8 } from '../../../src/domain/bundle/bytes';

let keys: TestKeys;
beforeAll(async () => {
  keys = await makeKeys();
});

describe('verifyBundle', () => {
  it('accepts a fresh submission and returns its records', async () => {
    const bundle = await aSubmission(keys);
    const r = await verifyBundle(bundle.bytes, { trust: trustListOf(keys) });
    expect(r).toMatchObject({
      valid: true,
      reason: null,
      detail: null,
      statementSha256: bundle.statementSha256,
      chain: null,
    });
    expect(r.statement).toEqual(bundle.statement);
    expect(r.payload?.map((f) => [f.path, f.schema, f.records.length])).toEqual([
      ['payload/students.jsonl', 'student/1', 3],
    ]);
    expect(recordsOf(r.payload!, 'student/1').map((s) => s.id)).toEqual(students().map((s) => s.id));
    expect(recordsOf(r.payload!, 'movement/1')).toEqual([]);
    expect(r.signers.map((s) => [s.role, s.signature, s.trusted])).toEqual([
      ['staff', 'valid', true],
      ['director', 'valid', true],
    ]);
  });

  it('writes counts that are figures, not people', async () => {
    const { statement } = await aSubmission(keys);
    expect(statement.counts).toEqual({ students: 3, byGradeAndSex: { '04': { M: 1, F: 1 }, '05': { M: 0, F: 1 } } });
  });

  it('decrypts an encrypted submission with the district key, and only lists the ciphertext', async () => {
    const bundle = await aSubmission(keys, { encryptTo: { keyid: keys.district.keyid, spki: keys.district.spki } });
    expect([...unzip(bundle.bytes).keys()]).toEqual(['statement.dsse.json', 'payload.enc']);
    const district = await importPrivateJwk(await exportPrivateJwk(keys.district.privateKey), 'decrypt');
    const r = await verifyBundle(bundle.bytes, {
      decryptionKey: { keyid: district.keyid, privateKey: district.privateKey },
    });
    expect(r.reason).toBeNull();
    expect(r.payload?.[0]?.records).toHaveLength(3);
  });

  it('verifies who sent an encrypted bundle before anything is decrypted', async () => {
    const bundle = await aSubmission(keys, { encryptTo: { keyid: keys.district.keyid, spki: keys.district.spki } });
    const r = await verifyBundle(bundle.bytes);
    expect(r.reason).toBe('decrypt.key-missing');
    expect(r.signers.every((s) => s.signature === 'valid')).toBe(true);
  });

  it('accepts a sync bundle signed by the device alone', async () => {
    const ops = [
      {
        store: 'students',
        recordId: 'r1',
        field: 'health.weightKg',
        value: 21.5,
        hlc: { wall: 1, counter: 0, device: 'tab-1' },
        by: 'u1',
      },
    ];
    const bundle = await createBundle(syncInput(keys.device, ops), random);
    const r = await verifyBundle(bundle.bytes, { trust: trustListOf(keys, ['device']) });
    expect(r.reason).toBeNull();
    expect(r.payload?.[0]?.records).toEqual(ops);
  });

  it('reports the earliest step when several things are wrong', async () => {
    const bundle = await aSubmission(keys, {
      signers: [
        { key: keys.staff, role: 'staff', name: 'ครู', act: 'confirm-existence', at: '2026-06-10T09:00:00+07:00' },
      ],
    });
    const damaged = editEntries(bundle.bytes, (e) => {
      e.delete('payload/students.jsonl');
      e.set('../evil', utf8('x'));
    });
    expect((await verifyBundle(damaged)).reason).toBe('zip.path');
    expect((await verifyBundle(editEntries(bundle.bytes, (e) => e.delete('payload/students.jsonl')))).reason).toBe(
      'attestation.missing',
    );
  });

  it('treats the same bundle again as a harmless no-op (replay)', async () => {
    const first = await aSubmission(keys);
    const chain = [{ sequence: 1, statementSha256: first.statementSha256, previous: null }];
    const r = await verifyBundle(first.bytes, { chain });
    expect(r).toMatchObject({ valid: true, reason: null, chain: { status: 'duplicate' } });
  });

  it('accepts the next bundle of the chain', async () => {
    const first = await aSubmission(keys);
    const second = await aSubmission(keys, {
      sequence: 2,
      previous: first.statementSha256,
      bundleId: 'c3a1f7e2-5b4d-4e6f-8a9b-0c1d2e3f4a5b',
    });
    const r = await verifyBundle(second.bytes, {
      chain: [{ sequence: 1, statementSha256: first.statementSha256, previous: null }],
    });
    expect(r).toMatchObject({ valid: true, chain: { status: 'follows' } });
  });

  it('says which bundles are missing in a gap', async () => {
    const fourth = await aSubmission(keys, { sequence: 4, previous: 'b'.repeat(64) });
    const r = await verifyBundle(fourth.bytes, {
      chain: [{ sequence: 1, statementSha256: 'c'.repeat(64), previous: null }],
    });
    expect(r).toMatchObject({
      valid: false,
      reason: 'chain.gap',
      detail: 'missing 2–3',
      chain: { status: 'gap', missing: { from: 2, to: 3 } },
    });
  });

  it('never accepts a bundle with any one byte flipped, unless what it says is unchanged', async () => {
    const bundle = await aSubmission(keys);
    const original = await verifyBundle(bundle.bytes);
    let refused = 0;
    for (let at = 0; at < bundle.bytes.length; at++) {
      const damaged = new Uint8Array(bundle.bytes);
      damaged[at]! ^= 0x01;
      const r = await verifyBundle(damaged);
      if (!r.valid) refused++;
      // Only bytes no reader interprets (times, attributes in the ZIP headers) may change without effect.
      else
        expect([r.statementSha256, r.payload?.map((f) => f.bytes)]).toEqual([
          original.statementSha256,
          original.payload?.map((f) => f.bytes),
        ]);
    }
    expect(refused).toBeGreaterThan(bundle.bytes.length * 0.9);
  }, 60_000);
});
