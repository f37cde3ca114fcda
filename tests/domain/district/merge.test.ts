// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeBundles } from '../../../src/domain/district/merge';
import { AS_OF, makeSchools, plantCases, submissionOf, trustOf, type TestSchool } from '../../fixtures/district';

let schools: TestSchool[];
let planted: ReturnType<typeof plantCases>;

beforeAll(async () => {
  schools = await makeSchools(4, 30);
  planted = plantCases(schools[0]!, schools[1]!, schools[2]!);
});

describe('mergeBundles', () => {
  it('finds every planted cross-school pair, and neither the twin nor the consistent transfer', async () => {
    const files = await Promise.all(schools.map(async (s) => ({ name: `${s.code}.tabian`, bytes: (await submissionOf(s)).bytes })));
    const { report } = await mergeBundles(files, { trust: trustOf(schools), decryptionKey: null });
    expect(report.rejected).toEqual([]);
    expect(report.schools.map((s) => s.status)).toEqual(['certified', 'certified', 'certified', 'certified']);
    const found = report.duplicates.map((d) => ({ rule: d.rule, schools: d.schools, idNo: d.idNo }));
    expect(found).toEqual(expect.arrayContaining(planted.pairs.map(({ rule, schools: s, idNo }) => ({ rule, schools: s, idNo }))));
    expect(found).toHaveLength(planted.pairs.length);
    expect(report.schools[0]!.students).toBe(29); // 30, less the transfer before the as-of date
  });
});
