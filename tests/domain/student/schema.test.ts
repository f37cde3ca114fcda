import { describe, it, expect } from 'vitest';
import { newStudent, STUDENT_SCHEMA_VERSION, studentSchema } from '../../../src/domain/student/schema';

// The bundle-v1 minimum common fields, nothing else.
const minimal = {
  id: '5f0c2c1e-0000-4000-8000-000000000001',
  idType: 'I',
  idNo: '1101700012344',
  prefix: 'เด็กหญิง',
  firstName: 'มาลี',
  lastName: 'ใจดี',
  sex: 'F',
  birthDate: '2019-03-20',
  grade: '04',
  room: '1',
  status: 'active',
};

describe('studentSchema', () => {
  it('parses a bundle record with only the minimum fields and fills every other field', () => {
    const s = studentSchema.parse(minimal);
    expect(s.schemaVersion).toBe(STUDENT_SCHEMA_VERSION);
    expect(s).toMatchObject(minimal);
    expect(s.studentNo).toBe('');
    expect(s.religion).toBeNull();
    expect(s.family.father).toEqual({
      prefix: '',
      firstName: '',
      lastName: '',
      idNo: '',
      occupation: null,
      income: null,
      phone: '',
    });
    expect(s.family.guardian.relation).toBeNull();
    expect(s.family.siblings).toEqual({
      olderBrothers: null,
      youngerBrothers: null,
      olderSisters: null,
      youngerSisters: null,
      childNumber: null,
    });
    expect(s.addresses.current).toEqual({
      houseCode: '',
      houseNo: '',
      moo: '',
      road: '',
      subdistrictCode: null,
      districtCode: null,
      provinceCode: null,
      postcode: '',
      phone: '',
    });
    expect(s.welfare).toEqual({
      disadvantage: null,
      disability: null,
      shortages: { uniform: false, stationery: false, textbooks: false, lunch: false },
      boarding: false,
      distanceKm: { laterite: null, asphalt: null, water: null },
      travelMinutes: null,
      travelMode: null,
    });
    expect(s.health).toEqual({ weightKg: null, heightCm: null, measuredOn: null });
  });

  it('keeps a full record as it is (JSON round trip)', () => {
    const full = studentSchema.parse({
      ...minimal,
      studentNo: '12345',
      firstNameEn: 'Malee',
      lastNameEn: 'Jaidee',
      bloodGroup: 'O',
      nationality: '099',
      ethnicity: '099',
      religion: '001',
      enteredOn: '2025-05-16',
      family: {
        father: {
          prefix: 'นาย',
          firstName: 'สมชาย',
          lastName: 'ใจดี',
          idNo: '1101700012352',
          occupation: '4',
          income: 9000,
          phone: '0812345678',
        },
        guardian: { relation: '01' },
        parentsMaritalStatus: '01',
        siblings: { olderBrothers: 1, childNumber: 2 },
      },
      addresses: {
        registered: {
          houseNo: '12/3',
          moo: '4',
          subdistrictCode: 810803,
          districtCode: 8108,
          provinceCode: 81,
          postcode: '81130',
        },
      },
      welfare: {
        disadvantage: '09',
        disability: '99',
        shortages: { lunch: true },
        boarding: true,
        distanceKm: { laterite: 2.5 },
        travelMinutes: 20,
        travelMode: '01',
      },
      health: { weightKg: 21.5, heightCm: 118, measuredOn: '2026-05-20' },
    });
    expect(studentSchema.parse(JSON.parse(JSON.stringify(full)))).toEqual(full);
    expect(full.family.father.occupation).toBe('4');
    expect(full.welfare.shortages).toEqual({ uniform: false, stationery: false, textbooks: false, lunch: true });
  });

  it('allows a draft with blanks: presence is for the validation rules', () => {
    const draft = studentSchema.parse({
      ...minimal,
      idNo: '',
      firstName: '',
      sex: null,
      birthDate: null,
      grade: null,
      room: '',
    });
    expect(draft.grade).toBeNull();
  });

  it.each([
    ['an unknown grade', { grade: '19' }],
    ['an impossible date', { birthDate: '2015-02-30' }],
    ['a Buddhist-Era date', { birthDate: '20/03/2562' }],
    ['an unknown ID type', { idType: 'X' }],
    ['an unknown status', { status: 'left' }],
    ['sex as a Thai letter', { sex: 'ญ' }],
    ['an unknown religion code', { religion: '999' }],
    ['a missing minimum field', { room: undefined }],
    ['an empty id', { id: '' }],
    ['another schema version', { schemaVersion: 2 }],
    ['a negative weight', { health: { weightKg: -1 } }],
    ['a bad postcode', { addresses: { current: { postcode: '8113' } } }],
  ])('rejects %s', (_, change) => {
    expect(studentSchema.safeParse({ ...minimal, ...change }).success).toBe(false);
  });

  it('drops fields it does not know', () => {
    expect(studentSchema.parse({ ...minimal, revision: 3 })).not.toHaveProperty('revision');
  });
});

describe('newStudent', () => {
  it('starts from blank minimum fields', () => {
    const s = newStudent('s1');
    expect(s).toMatchObject({
      id: 's1',
      idType: 'I',
      idNo: '',
      prefix: '',
      sex: null,
      birthDate: null,
      grade: null,
      room: '',
      status: 'active',
    });
  });
  it('takes nested fields partly', () => {
    expect(newStudent('s1', { health: { weightKg: 20 } }).health).toEqual({
      weightKg: 20,
      heightCm: null,
      measuredOn: null,
    });
  });
  it('throws on values the schema refuses', () => {
    expect(() => newStudent('s1', { birthDate: '2015-02-30' })).toThrow();
  });
});
