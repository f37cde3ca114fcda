import { describe, it, expect } from 'vitest';
import { createAreaIndex, type AreaData } from '../../../src/domain/areas/areas';
import type { Student } from '../../../src/domain/student/schema';
import { areaExistsIn, validateStudent, type ValidationContext } from '../../../src/domain/validation/student';
import { aStudent, AS_OF } from '../../factories/students';

const ctx: ValidationContext = { asOf: AS_OF };
const rulesOf = (s: Student, c: ValidationContext = ctx) => validateStudent(s, c).map((f) => f.rule);
const findingsOf = (s: Student, c: ValidationContext = ctx) => validateStudent(s, c).map((f) => [f.rule, f.field]);

describe('a valid student', () => {
  it('has no findings', () => {
    expect(validateStudent(aStudent('s1'), ctx)).toEqual([]);
  });
  it('names the student on every finding', () => {
    expect(validateStudent(aStudent('s9', { room: '' }), ctx)[0]?.studentId).toBe('s9');
  });
});

describe('ID rules', () => {
  it('id.missing fires for an empty number whatever the type', () => {
    expect(rulesOf(aStudent('s', { idNo: '' }))).toEqual(['id.missing']);
    expect(rulesOf(aStudent('s', { idNo: ' - ' }))).toEqual(['id.missing']);
    expect(rulesOf(aStudent('s', { idType: 'O', idNo: '' }))).toEqual(['id.missing']);
  });
  it('id.format fires for a citizen ID that is not 13 digits, starts with 9, or is a G-code', () => {
    expect(rulesOf(aStudent('s', { idNo: '110170001234' }))).toEqual(['id.format']);
    expect(rulesOf(aStudent('s', { idNo: '9101700012344' }))).toEqual(['id.format']);
    expect(rulesOf(aStudent('s', { idNo: 'G644200000001' }))).toEqual(['id.format']);
  });
  it('id.checksum fires for a wrong check digit, not for a right one typed with dashes', () => {
    expect(rulesOf(aStudent('s', { idNo: '1101700012345' }))).toEqual(['id.checksum']);
    expect(rulesOf(aStudent('s', { idNo: '1-1017-00012-34-4' }))).toEqual([]);
  });
  it('gcode.format fires for a G-code without 12 digits', () => {
    expect(rulesOf(aStudent('s', { idType: 'G', idNo: 'G6442' }))).toEqual(['gcode.format']);
    expect(rulesOf(aStudent('s', { idType: 'G', idNo: '1101700012344' }))).toEqual(['gcode.format']);
    expect(rulesOf(aStudent('s', { idType: 'G', idNo: 'g 6442 0000 0001' }))).toEqual([]);
  });
  it('checks no format for passports, alien cards and other documents', () => {
    expect(rulesOf(aStudent('s', { idType: 'P', idNo: 'AA1234567' }))).toEqual([]);
    expect(rulesOf(aStudent('s', { idType: 'A', idNo: '123' }))).toEqual([]);
  });
});

describe('name rules', () => {
  it('name.missing fires per empty field', () => {
    expect(findingsOf(aStudent('s', { firstName: '', lastName: ' ' }))).toEqual([
      ['name.missing', 'firstName'],
      ['name.missing', 'lastName'],
    ]);
  });
  it.each([
    ['a digit', 'มาลี2'],
    ['a Thai digit', 'มาลี๒'],
    ['Latin letters', 'Malee'],
    ['a prefix with dots', 'ด.ญ.มาลี'],
    ['two spaces', 'มา  ลี'],
    ['an edge space', ' มาลี'],
    ['a zero-width space', 'มา\u200Bลี'],
    ['a tab', 'มา\tลี'],
    ['a baht sign', 'มาลี฿'],
  ])('name.invalid_chars fires for %s', (_, name) => {
    expect(findingsOf(aStudent('s', { firstName: name }))).toEqual([['name.invalid_chars', 'firstName']]);
  });
  it.each([['มาลี'], ['ณัฐวุฒิ'], ['สุขสวัสดิ์'], ['หม่อง ทุน'], ['ศรีเมืองๆ']])(
    'name.invalid_chars does not fire for %s',
    (name) => {
      expect(rulesOf(aStudent('s', { lastName: name }))).toEqual([]);
    },
  );
});

describe('prefix and sex rules', () => {
  it('prefix.missing and prefix.unknown', () => {
    expect(rulesOf(aStudent('s', { prefix: '' }))).toEqual(['prefix.missing']);
    expect(rulesOf(aStudent('s', { prefix: 'Miss' }))).toEqual(['prefix.unknown']);
    expect(rulesOf(aStudent('s', { prefix: 'ด.ญ.' }))).toEqual([]);
  });
  it('prefix.sex_mismatch fires when the prefix says the other sex', () => {
    expect(rulesOf(aStudent('s', { prefix: 'เด็กชาย' }))).toEqual(['prefix.sex_mismatch']);
    expect(rulesOf(aStudent('s', { prefix: 'เด็กชาย', sex: 'M' }))).toEqual([]);
  });
  it('sex.missing fires without a sex, and then no mismatch is claimed', () => {
    expect(rulesOf(aStudent('s', { sex: null }))).toEqual(['sex.missing']);
  });
  it('prefix.age_mismatch fires for เด็กชาย/เด็กหญิง from the 15th birthday on', () => {
    const grade = '12' as const;
    expect(rulesOf(aStudent('s', { grade, birthDate: '2011-06-10' }))).toEqual(['prefix.age_mismatch']);
    expect(rulesOf(aStudent('s', { grade, birthDate: '2011-06-11' }))).toEqual([]);
    expect(rulesOf(aStudent('s', { grade, birthDate: '2011-06-10', prefix: 'นางสาว' }))).toEqual([]);
  });
  it('prefix.age_mismatch fires for นาย/นางสาว/นาง below 15', () => {
    const grade = '12' as const;
    expect(rulesOf(aStudent('s', { grade, birthDate: '2011-06-11', prefix: 'นางสาว' }))).toEqual([
      'prefix.age_mismatch',
    ]);
    expect(rulesOf(aStudent('s', { grade, birthDate: '2011-06-11', prefix: 'นาง' }))).toEqual(['prefix.age_mismatch']);
    expect(rulesOf(aStudent('s', { grade, birthDate: '2011-06-11', prefix: 'นาย', sex: 'M' }))).toEqual([
      'prefix.age_mismatch',
    ]);
  });
  it('prefix.age_mismatch ignores สามเณร and an unknown age', () => {
    expect(rulesOf(aStudent('s', { prefix: 'สามเณร', sex: 'M', grade: '12', birthDate: '2011-01-01' }))).toEqual([]);
    expect(rulesOf(aStudent('s', { prefix: 'นางสาว', birthDate: null }))).toEqual(['birthdate.missing']);
  });
});

describe('birth date and age rules', () => {
  it('birthdate.missing', () => {
    expect(rulesOf(aStudent('s', { birthDate: null }))).toEqual(['birthdate.missing']);
  });
  it('birthdate.future fires after the as-of date only', () => {
    expect(rulesOf(aStudent('s', { birthDate: '2026-06-11' }))).toEqual(['birthdate.future']);
    expect(rulesOf(aStudent('s', { birthDate: '2026-06-10', grade: null }))).toEqual(['grade.unknown']);
  });
  it('age.grade_mismatch warns more than two years outside the usual age, on the as-of date', () => {
    // ป.1: usual 6–7; 9 passes, 10 does not; 4 passes, 3 does not.
    expect(rulesOf(aStudent('s', { birthDate: '2016-06-11' }))).toEqual([]);
    expect(rulesOf(aStudent('s', { birthDate: '2016-06-10' }))).toEqual(['age.grade_mismatch']);
    expect(rulesOf(aStudent('s', { birthDate: '2022-06-10' }))).toEqual([]);
    expect(rulesOf(aStudent('s', { birthDate: '2022-06-11' }))).toEqual(['age.grade_mismatch']);
    expect(rulesOf(aStudent('s', { birthDate: '2022-06-11' }), { asOf: '2027-03-31' })).toEqual([]);
    expect(validateStudent(aStudent('s', { birthDate: '2016-06-10' }), ctx)[0]?.severity).toBe('warning');
  });
});

describe('schooling rules', () => {
  it('grade.unknown and room.missing', () => {
    expect(rulesOf(aStudent('s', { grade: null }))).toEqual(['grade.unknown']);
    expect(rulesOf(aStudent('s', { room: '' }))).toEqual(['room.missing']);
    expect(rulesOf(aStudent('s', { room: ' ' }))).toEqual(['room.missing']);
  });
});

describe('measurement rules', () => {
  const measured = (weightKg: number | null, heightCm: number | null, measuredOn: string | null = '2026-05-20') =>
    aStudent('s', { health: { weightKg, heightCm, measuredOn } });
  it('weight.implausible and height.implausible warn outside the bounds for the age', () => {
    expect(rulesOf(measured(22, 120))).toEqual([]);
    expect(rulesOf(measured(220, 120))).toEqual(['weight.implausible']);
    expect(rulesOf(measured(8, 120))).toEqual(['weight.implausible']);
    expect(rulesOf(measured(22, 12))).toEqual(['height.implausible']);
    // Height typed into the weight field and weight into the height field.
    expect(rulesOf(measured(125, 22))).toEqual(['weight.implausible', 'height.implausible']);
    expect(validateStudent(measured(220, 120), ctx)[0]).toMatchObject({
      severity: 'warning',
      field: 'health.weightKg',
    });
  });
  it('takes the age on the measurement date', () => {
    // 5 on 2024-05-20 (bounds up to 5 years), 7 on the as-of date.
    expect(rulesOf(measured(7, 100, '2024-05-20'))).toEqual([]);
    expect(rulesOf(measured(7, 100, null))).toEqual(['weight.implausible']);
  });
  it('uses bounds for any pupil without a birth date', () => {
    expect(rulesOf(aStudent('s', { birthDate: null, health: { weightKg: 150, heightCm: 180 } }))).toEqual([
      'birthdate.missing',
    ]);
  });
});

describe('address.unknown_area', () => {
  const areas = createAreaIndex({
    source: 'test',
    provinces: [
      [81, 'กระบี่', 'Krabi'],
      [10, 'กรุงเทพมหานคร', 'Bangkok'],
    ],
    districts: [[8108, 81, 'คลองท่อม', 'Khlong Thom', 81120]],
    subdistricts: [[810803, 8108, 'คลองขนาน', 'Khlong Khanan', 81130]],
  } satisfies AreaData);
  const withAreas: ValidationContext = { asOf: AS_OF, areaExists: areaExistsIn(areas) };
  const at = (registered: object, current: object = {}) => aStudent('s', { addresses: { registered, current } });

  it('does not fire for known codes that nest, or for no codes', () => {
    expect(rulesOf(at({ provinceCode: 81, districtCode: 8108, subdistrictCode: 810803 }), withAreas)).toEqual([]);
    expect(rulesOf(at({ provinceCode: 81 }), withAreas)).toEqual([]);
    expect(rulesOf(at({}), withAreas)).toEqual([]);
  });
  it('fires for a code the area list does not have, naming the field', () => {
    expect(findingsOf(at({ provinceCode: 81, districtCode: 8108, subdistrictCode: 810899 }), withAreas)).toEqual([
      ['address.unknown_area', 'addresses.registered.subdistrictCode'],
    ]);
  });
  it('fires for codes that do not nest, even without the area list', () => {
    expect(findingsOf(at({}, { provinceCode: 10, districtCode: 8108 }))).toEqual([
      ['address.unknown_area', 'addresses.current.districtCode'],
    ]);
    expect(findingsOf(at({ subdistrictCode: 8108 }))).toEqual([
      ['address.unknown_area', 'addresses.registered.subdistrictCode'],
    ]);
  });
  it('is a warning, once per address', () => {
    const found = validateStudent(at({ provinceCode: 99, districtCode: 9999 }, { provinceCode: 99 }), withAreas);
    expect(found.map((f) => [f.field, f.severity])).toEqual([
      ['addresses.registered.provinceCode', 'warning'],
      ['addresses.current.provinceCode', 'warning'],
    ]);
  });
});
