import { describe, expect, it } from 'vitest';
import { needsIdOverride, settleIdentity } from '../../../src/domain/student/id-entry';
import { settleUnmatched } from '../../../src/domain/student/unmatched';
import { validateRecords } from '../../../src/domain/validation/records';
import { validateStudent } from '../../../src/domain/validation/student';
import { aStudent, citizenId } from '../../factories/students';

const ctx = { asOf: '2026-06-10' };
const BAD = '1101700012340'; // 13 digits, wrong check digit
const rulesOf = (s: ReturnType<typeof aStudent>) => validateStudent(s, ctx).map((f) => f.rule);

describe('a kept text in the rules', () => {
  it('gives every unmatched field a finding that names it and carries the text', () => {
    const s = aStudent('s', { unmatched: { 'family.mother.occupation': 'ขายของออนไลน์', grade: 'ป.9' }, grade: null });
    const found = validateStudent(s, ctx);
    expect(found).toContainEqual(
      expect.objectContaining({
        rule: 'record.invalid_value',
        field: 'family.mother.occupation',
        value: 'ขายของออนไลน์',
      }),
    );
    expect(found).toContainEqual(expect.objectContaining({ rule: 'grade.unknown', field: 'grade', value: 'ป.9' }));
  });

  it('reports a kept birth date as unreadable, not missing', () => {
    const s = aStudent('s', { birthDate: null, unmatched: { birthDate: '31/02/2555' } });
    expect(validateStudent(s, ctx)).toContainEqual(
      expect.objectContaining({ rule: 'birthdate.invalid', value: '31/02/2555' }),
    );
    expect(rulesOf(s)).not.toContain('birthdate.missing');
  });

  it('forgets the text once the field holds a value', () => {
    const s = aStudent('s', { unmatched: { 'family.mother.occupation': 'ขายของออนไลน์', religion: 'x' } });
    const picked = settleUnmatched({ ...s, family: { ...s.family, mother: { ...s.family.mother, occupation: '3' } } });
    expect(picked.unmatched).toEqual({ religion: 'x' });
    expect(settleUnmatched({ ...picked, religion: '001' })).not.toHaveProperty('unmatched');
  });

  it('carries the file text through validateRecords (what tabian validate prints)', () => {
    const { findings } = validateRecords(
      [{ idNo: citizenId(1), firstName: 'มาลี', lastName: 'ใจดี', family: { mother: { occupation: 'ขายของออนไลน์' } } }],
      ctx,
    );
    expect(findings[0]).toContainEqual(
      expect.objectContaining({ field: 'family.mother.occupation', value: 'ขายของออนไลน์' }),
    );
  });
});

describe('no wrong ID gets through', () => {
  it('checks a 13-digit number as a citizen ID whatever the type says', () => {
    for (const idType of ['O', 'P', 'A'] as const)
      expect(rulesOf(aStudent('s', { idType, idNo: BAD }))).toContain('id.checksum');
    expect(rulesOf(aStudent('s', { idType: 'O', idNo: '9101700012345' }))).toContain('id.format');
    expect(rulesOf(aStudent('s', { idType: 'O', idNo: citizenId(5) }))).not.toContain('id.checksum');
    expect(rulesOf(aStudent('s', { idType: 'P', idNo: 'AA1234567' }))).toEqual([]);
  });

  it('makes the type follow the number typed', () => {
    expect(settleIdentity(aStudent('s', { idType: 'O', idNo: '1-1017-00012-34-4' }))).toMatchObject({
      idType: 'I',
      idNo: '1101700012344',
    });
    expect(settleIdentity(aStudent('s', { idType: 'O', idNo: 'g644200000001' }))).toMatchObject({
      idType: 'G',
      idNo: 'G644200000001',
    });
    expect(settleIdentity(aStudent('s', { idType: 'P', idNo: 'AA1234567' })).idType).toBe('P');
  });

  it('stores a failing number only with a reasoned override of that very number', () => {
    const s = aStudent('s', { idType: 'O', idNo: BAD });
    expect(needsIdOverride(s)).toBe(true);
    expect(needsIdOverride({ ...s, idOverride: { idNo: BAD, reason: ' ' } })).toBe(true);
    expect(needsIdOverride({ ...s, idOverride: { idNo: citizenId(9), reason: 'ตรวจกับบัตรแล้ว' } })).toBe(true);
    const ok = { ...s, idOverride: { idNo: BAD, reason: 'ตรวจกับบัตรแล้ว' } };
    expect(needsIdOverride(ok)).toBe(false);
    expect(rulesOf(settleIdentity(ok))).toEqual(expect.arrayContaining(['id.check_overridden']));
    expect(rulesOf(settleIdentity(ok))).not.toContain('id.checksum');
    // A corrected number drops the override: it covered the old number only.
    expect(settleIdentity({ ...ok, idNo: citizenId(3) })).not.toHaveProperty('idOverride');
  });
});

describe('kept texts and overrides through the change history and sync', () => {
  it('change as a whole, and a removal (null) reads back as absent', async () => {
    const { diffRecords, flattenFields } = await import('../../../src/domain/access/audit');
    const { materialize } = await import('../../../src/domain/bundle/merge');
    const { studentSchema } = await import('../../../src/domain/student/schema');
    const before = aStudent('w', {
      unmatched: { 'family.mother.occupation': 'ขายของออนไลน์' },
      idOverride: { idNo: BAD, reason: 'ตรวจแล้ว' },
      idNo: BAD,
    });
    const after = settleUnmatched({
      ...before,
      family: { ...before.family, mother: { ...before.family.mother, occupation: '3' } },
    });
    expect(flattenFields(before).get('unmatched')).toEqual({ 'family.mother.occupation': 'ขายของออนไลน์' });
    const changes = diffRecords(before, after).filter((c) => c.field === 'unmatched');
    expect(changes).toEqual([{ field: 'unmatched', from: { 'family.mother.occupation': 'ขายของออนไลน์' }, to: null }]);
    // What a tablet's sync rebuilds from the operations of `before`, then with the removal applied.
    const ops = [...flattenFields(before)].map(
      ([field, value], i) =>
        [`k${i}`, { store: 'students', recordId: 'w', field, value, hlc: `h${i}`, by: 'd' }] as const,
    );
    const rebuilt = materialize(new Map(ops as never))
      .get('students')!
      .get('w')!;
    expect(studentSchema.parse(rebuilt)).toEqual(before);
    expect(studentSchema.parse({ ...rebuilt, unmatched: null, idOverride: null })).not.toHaveProperty(
      'unmatched',
      expect.anything(),
    );
    expect(studentSchema.parse({ ...rebuilt, unmatched: null }).unmatched).toBeUndefined();
  });
});
