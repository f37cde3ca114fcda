import { describe, it, expect } from 'vitest';
import { readStudentRecord } from '../../../src/domain/student/read';

const rules = (raw: unknown) => readStudentRecord(raw, 'fallback').problems.map((p) => [p.rule, p.field]);
const read = (raw: unknown) => readStudentRecord(raw, 'fallback').student!;

// A row as DMC's daily export writes it: Thai sex letter, short prefix, Buddhist-Era date, "-" for empty.
const dmcRow = {
  idNo: '1-1017-00012-34-4',
  prefix: 'ด.ญ.',
  firstName: ' มาลี ',
  lastName: 'ใจดี',
  sex: 'ญ',
  birthDate: '20/03/2562',
  grade: 'ป.1',
  room: 1,
  studentNo: 12345,
  religion: 'พุทธ',
  nationality: 'ไทย',
  bloodGroup: '-',
};

describe('readStudentRecord', () => {
  it.each([[null], [undefined], ['{"id":'], [42], [['a']]])(
    'reports %j as record.unreadable, without a student',
    (raw) => {
      const result = readStudentRecord(raw, 'row-5');
      expect(result.student).toBeNull();
      expect(result.problems).toMatchObject([
        { rule: 'record.unreadable', severity: 'error', field: 'record', studentId: 'row-5' },
      ]);
    },
  );

  it('reads a DMC export row: labels, Buddhist-Era dates, numbers as text, "-" as empty', () => {
    const result = readStudentRecord(dmcRow, 'new-uuid');
    expect(result.problems).toEqual([]);
    expect(result.student).toMatchObject({
      id: 'new-uuid',
      idType: 'I',
      idNo: '1101700012344',
      prefix: 'เด็กหญิง',
      firstName: 'มาลี',
      lastName: 'ใจดี',
      sex: 'F',
      birthDate: '2019-03-20',
      grade: '04',
      room: '1',
      studentNo: '12345',
      status: 'active',
      religion: '001',
      nationality: '099',
      bloodGroup: null,
    });
  });

  it('keeps the id the record brings', () => {
    expect(read({ id: 'abc' }).id).toBe('abc');
    expect(read({ id: 7 }).id).toBe('7');
  });

  it('infers the ID type from the number when it is missing', () => {
    expect(read({ idNo: 'g 6442 0000 0001' })).toMatchObject({ idType: 'G', idNo: 'G644200000001' });
    expect(read({ idNo: '12345' }).idType).toBe('I');
    expect(read({ idNo: 'AA1234567' })).toMatchObject({ idType: 'O', idNo: 'AA1234567' });
    expect(read({}).idType).toBe('O');
  });

  it('reports an unknown ID type and infers one', () => {
    const result = readStudentRecord({ idType: 'X', idNo: '1101700012344' }, 'f');
    expect(result.student?.idType).toBe('I');
    expect(result.problems.map((p) => [p.rule, p.field])).toEqual([['record.invalid_value', 'idType']]);
  });

  it('accepts a lower-case ID type', () => {
    expect(read({ idType: 'p', idNo: 'AA1234567' }).idType).toBe('P');
  });

  it('reports an impossible birth date as birthdate.invalid and leaves it empty', () => {
    expect(read({ birthDate: '2015-02-30' }).birthDate).toBeNull();
    expect(rules({ birthDate: '2015-02-30' })).toEqual([['birthdate.invalid', 'birthDate']]);
    expect(rules({ birthDate: 'soon' })).toEqual([['birthdate.invalid', 'birthDate']]);
  });

  it('says nothing about blanks the validation rules report (missing fields, unknown grade or sex)', () => {
    expect(rules({})).toEqual([]);
    const s = read({ grade: '19', sex: 'X', firstName: { th: 'มาลี' } });
    expect(s).toMatchObject({ grade: null, sex: null, firstName: '', status: 'active' });
    expect(rules({ grade: '19', sex: 'X', firstName: { th: 'มาลี' } })).toEqual([]);
  });

  it('reads grade codes that lost their leading zero and labels with Thai digits', () => {
    expect(read({ grade: 4 }).grade).toBe('04');
    expect(read({ grade: 'ม.๒' }).grade).toBe('11');
    expect(read({ grade: '11' }).grade).toBe('11');
  });

  it('reads codes by label or without leading zeros', () => {
    const s = read({
      religion: 1,
      nationality: '99',
      welfare: { disadvantage: 9, travelMode: 'เดินเท้า' },
      family: { guardian: { relation: 'ยาย' } },
    });
    expect(s.religion).toBe('001');
    expect(s.nationality).toBe('099');
    expect(s.welfare.disadvantage).toBe('09');
    expect(s.welfare.travelMode).toBe('01');
    expect(s.family.guardian.relation).toBe('08');
  });

  it('reads numbers and yes/no typed as text', () => {
    const s = read({
      health: { weightKg: '21.5', heightCm: 118 },
      family: { father: { income: '12,000' } },
      welfare: { shortages: { lunch: '1', uniform: 'ไม่ขาดแคลน' }, boarding: 1 },
    });
    expect(s.health).toMatchObject({ weightKg: 21.5, heightCm: 118 });
    expect(s.family.father.income).toBe(12000);
    expect(s.welfare.shortages).toMatchObject({ lunch: true, uniform: false });
    expect(s.welfare.boarding).toBe(true);
  });

  it('leaves out what it cannot read, naming the field, and keeps the rest', () => {
    const raw = {
      firstName: 'มาลี',
      status: 'left',
      bloodGroup: 'Z',
      health: { weightKg: 'heavy', heightCm: -3 },
      family: 'unknown',
      welfare: { shortages: { lunch: 'maybe' } },
      addresses: { current: { postcode: '8113', houseNo: '12' } },
    };
    const result = readStudentRecord(raw, 'f');
    expect(result.student).toMatchObject({
      firstName: 'มาลี',
      status: 'active',
      bloodGroup: null,
      health: { weightKg: null, heightCm: null },
      welfare: { shortages: { lunch: false } },
      addresses: { current: { postcode: '', houseNo: '12' } },
    });
    expect(result.student?.family.father.firstName).toBe('');
    expect(result.problems.map((p) => p.field).sort()).toEqual([
      'addresses.current.postcode',
      'bloodGroup',
      'family',
      'health.heightCm',
      'health.weightKg',
      'status',
      'welfare.shortages.lunch',
    ]);
    expect(result.problems.every((p) => p.rule === 'record.invalid_value' && p.severity === 'warning')).toBe(true);
  });

  it('reports a record of another schema version and reads it as version 1', () => {
    expect(read({ schemaVersion: 2 }).schemaVersion).toBe(1);
    expect(rules({ schemaVersion: 2 })).toEqual([['record.invalid_value', 'schemaVersion']]);
    expect(rules({ schemaVersion: '1' })).toEqual([]);
  });

  it('ignores unknown fields and a "__proto__" key', () => {
    const raw = JSON.parse('{"firstName":"มาลี","__proto__":{"lastName":"ปลอม"},"extra":1}') as unknown;
    const s = read(raw);
    expect(s.lastName).toBe('');
    expect(s).not.toHaveProperty('extra');
  });

  it('never throws, whatever the values', () => {
    const odd = [true, 0, -1, 1e300, '', '-', [], {}, null, 'x'.repeat(1000)];
    const keys = [
      'id',
      'idType',
      'idNo',
      'sex',
      'birthDate',
      'grade',
      'room',
      'status',
      'family',
      'health',
      'welfare',
      'addresses',
      'schemaVersion',
    ];
    for (const key of keys) {
      for (const value of odd) expect(readStudentRecord({ [key]: value }, 'f').student).not.toBeNull();
    }
  });
});

describe('a value that fits nothing is kept, not lost', () => {
  it('keeps an occupation no label matches as text, blank in the field, and names it in the finding', () => {
    const result = readStudentRecord(
      { ...dmcRow, family: { mother: { occupation: 'ขายของออนไลน์' }, father: { occupation: 'ค้าขาย' } } },
      'u',
    );
    expect(result.student!.family.mother.occupation).toBeNull();
    expect(result.student!.family.father.occupation).toBe('3');
    expect(result.student!.unmatched).toEqual({ 'family.mother.occupation': 'ขายของออนไลน์' });
    expect(result.problems).toMatchObject([
      { rule: 'record.invalid_value', field: 'family.mother.occupation', value: 'ขายของออนไลน์' },
    ]);
  });

  it('keeps an impossible grade and birth date as the text they were', () => {
    const s = read({ ...dmcRow, grade: 'ป.9', birthDate: '31/02/2555' });
    expect(s.grade).toBeNull();
    expect(s.birthDate).toBeNull();
    expect(s.unmatched).toEqual({ grade: 'ป.9', birthDate: '31/02/2555' });
  });

  it('leaves a clean record without the field, and drops a damaged one', () => {
    expect('unmatched' in read(dmcRow)).toBe(false);
    expect(read({ ...dmcRow, unmatched: 'x' }).unmatched).toBeUndefined();
  });
});
