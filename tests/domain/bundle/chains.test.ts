import { describe, expect, it } from 'vitest';
import { chainIndexOf, chainKeyOf, districtChain, schoolChain } from '../../../src/domain/bundle/chains';
import type { Statement } from '../../../src/domain/bundle/statement';

type Named = Pick<Statement, 'school' | 'kind' | 'attestations' | 'district'>;
const school = { code: '1010720001', smis: '10100001', name: 'โรงเรียนทดสอบ' };
const district = { code: '1001', name: 'สพป.ทดสอบ' };
const statement = (kind: Statement['kind'], over: Partial<Named> = {}): Named => ({
  kind,
  school,
  district,
  attestations: [],
  ...over,
});

describe('chain keys, written one way', () => {
  it('name a school chain by school and kind, a sync chain also by device key', () => {
    expect(schoolChain('1010720001', 'submission')).toBe('1010720001|submission');
    expect(schoolChain('1010720001', 'sync', 'k1')).toBe('1010720001|sync|k1');
    expect(districtChain('1001', 'district-export')).toBe('district:1001|district-export');
  });

  it('give a received statement the key its maker used', () => {
    expect(chainKeyOf(statement('submission'))).toBe(schoolChain(school.code, 'submission'));
    expect(chainKeyOf(statement('findings'))).toBe(schoolChain(school.code, 'findings'));
    const sync = statement('sync', {
      attestations: [
        { keyid: 'dev1', role: 'device', act: 'export', name: 'แท็บเล็ต 1', at: '2026-06-01T08:00:00+07:00' },
      ],
    });
    expect(chainKeyOf(sync)).toBe(schoolChain(school.code, 'sync', 'dev1'));
    expect(chainKeyOf(statement('district-export', { school: null }))).toBe(districtChain('1001', 'district-export'));
  });

  it('find the stored rows of a chain: a district chain has no school', () => {
    expect(chainIndexOf(schoolChain('1010720001', 'sync', 'k1'))).toEqual(['1010720001', 'sync']);
    expect(chainIndexOf(districtChain('1001', 'district-export'))).toEqual(['', 'district-export']);
  });
});
