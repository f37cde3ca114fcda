// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { TabianDb } from '../../src/db/database';
import { enrolKeys, listTrust, revokeKey, trustList } from '../../src/db/trust-repo';
import type { TrustedKey } from '../../src/domain/bundle/trust';

const db = () => new TabianDb(`trust-${Math.random()}`);
const meta = { now: new Date('2026-06-01T03:00:00Z'), by: 'นายสมปอง', source: 'file' as const };
const key = (n: string, school: string | null, role: TrustedKey['role'] = 'director'): TrustedKey => ({
  keyid: n.repeat(64),
  alg: 'ES256',
  spki: 'AAAA',
  role,
  name: `key ${n}`,
  school,
});

describe('trust repository', () => {
  it('enrols keys, says which it knew already, and refuses to move a key to another school or role', async () => {
    const d = db();
    expect(await enrolKeys(d, [key('a', '1050130001'), key('b', null, 'district')], meta)).toMatchObject({
      added: [key('a', '1050130001'), key('b', null, 'district')],
    });
    const again = await enrolKeys(d, [key('a', '1050130001'), key('a', '1050130002')], meta);
    expect(again).toEqual({
      added: [],
      unchanged: [key('a', '1050130001')],
      conflicts: [{ key: key('a', '1050130002'), enrolled: key('a', '1050130001') }],
    });
    expect((await listTrust(d, { school: '1050130001' })).map((k) => k.keyid)).toEqual(['a'.repeat(64)]);
    expect((await listTrust(d, { school: null })).map((k) => k.keyid)).toEqual(['b'.repeat(64)]);
  });

  it('exports what verification trusts: revoked keys are kept but no longer count, until enrolled again', async () => {
    const d = db();
    await enrolKeys(d, [key('a', '1050130001'), key('c', '1050130001', 'staff')], meta);
    await revokeKey(d, 'a'.repeat(64), new Date('2026-07-01T00:00:00Z'));
    expect(await trustList(d)).toEqual({ format: 'tabian-trust/1', keys: [key('c', '1050130001', 'staff')] });
    expect((await listTrust(d, { revoked: true })).find((k) => k.keyid === 'a'.repeat(64))).toMatchObject({
      revokedAt: '2026-07-01T00:00:00.000Z',
      enrolledBy: 'นายสมปอง',
    });
    expect((await enrolKeys(d, [key('a', '1050130001')], meta)).added).toHaveLength(1);
    expect((await trustList(d)).keys).toHaveLength(2);
  });
});
