// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { KeyEntry } from '../../../src/domain/bundle/statement';
import {
  isTrusted,
  publicKeyFile,
  publicKeyFileSchema,
  trustListSchema,
  type TrustList,
} from '../../../src/domain/bundle/trust';

const key = (role: KeyEntry['role'], c: string): KeyEntry => ({
  keyid: c.repeat(64),
  alg: 'ES256',
  spki: 'AAAA',
  role,
  name: role,
});
const SCHOOL = { code: '1010720001', smis: '10010001', name: 'x' };
const list: TrustList = {
  format: 'tabian-trust/1',
  keys: [
    { ...key('director', 'a'), school: SCHOOL.code },
    { ...key('district', 'b'), school: null },
  ],
};

describe('trust', () => {
  it('trusts a school key for its own school and role only', () => {
    expect(isTrusted(list, key('director', 'a'), { kind: 'submission', school: SCHOOL })).toBe(true);
    expect(isTrusted(list, key('staff', 'a'), { kind: 'submission', school: SCHOOL })).toBe(false);
    expect(
      isTrusted(list, key('director', 'a'), { kind: 'submission', school: { ...SCHOOL, code: '1010720002' } }),
    ).toBe(false);
    expect(isTrusted(list, { ...key('director', 'a'), spki: 'BBBB' }, { kind: 'submission', school: SCHOOL })).toBe(
      false,
    );
  });

  it('trusts a district key for the findings it sends to any school', () => {
    expect(isTrusted(list, key('district', 'b'), { kind: 'findings', school: SCHOOL })).toBe(true);
    expect(isTrusted(list, key('district', 'b'), { kind: 'submission', school: SCHOOL })).toBe(false);
  });

  it('reads a trust list and writes a public key file that can join one', () => {
    expect(trustListSchema.parse(list)).toEqual(list);
    const file = publicKeyFile(list.keys[0]!);
    expect(publicKeyFileSchema.parse(file)).toEqual({
      format: 'tabian-public-key/1',
      ...list.keys[0],
      fingerprint: 'aaaa aaaa aaaa aaaa',
    });
    expect(trustListSchema.safeParse({ format: 'tabian-trust/2', keys: [] }).success).toBe(false);
  });
});
