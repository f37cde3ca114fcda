// The district reads a school's staff payload back into the same headcount, and flags large changes.
import { describe, expect, it } from 'vitest';
import { submissionContents } from '../../../src/domain/bundle/contents';
import { createBundle } from '../../../src/domain/bundle/create';
import { payloadFile } from '../../../src/domain/bundle/payloads';
import { headcountChanged, readSchoolStaff } from '../../../src/domain/staff/district';
import { headcountOn } from '../../../src/domain/staff/headcount';
import { staffForSubmission, technologyForSubmission } from '../../../src/domain/staff/payload';
import { staffSchema } from '../../../src/domain/staff/schema';
import { technologySchema } from '../../../src/domain/staff/technology';
import { AS_OF, DISTRICT, makeSchools, random, trustOf } from '../../factories/district';

const staff = [
  {
    id: 'a',
    firstName: 'มาลี',
    lastName: 'ศรีสุข',
    sex: 'F',
    personnelType: 'civil-teacher',
    standing: 'k2',
    classesTaught: ['ป.4'],
    phone: '0812345678',
  },
  {
    id: 'b',
    firstName: 'ปรีชา',
    lastName: 'ย้ายไป',
    sex: 'M',
    personnelType: 'civil-teacher',
    movements: [{ id: 'm', kind: 'move-out', effectiveOn: '2026-06-01' }],
  },
  {
    id: 'c',
    firstName: 'สายใจ',
    lastName: 'มาใหม่',
    sex: 'F',
    personnelType: 'contract-teacher',
    funding: 'donation',
    startedAtSchoolOn: '2026-06-10',
  },
].map((s) => staffSchema.parse(s));

describe('staff in a submission', () => {
  it('carries the people counted on the as-of date without their phone, and the technology record in force', () => {
    const sent = staffForSubmission(staff, AS_OF);
    expect(sent.map((s) => s.id)).toEqual(['a', 'c']);
    expect(sent.every((s) => s.phone === '')).toBe(true);
    expect(staffForSubmission(staff, AS_OF, { contact: true })[0]!.phone).toBe('0812345678');
    const t = (asOf: string) => technologySchema.parse({ asOf });
    expect(technologyForSubmission([t('2025-06-10'), t('2026-06-10'), t('2026-11-10')], AS_OF)?.asOf).toBe(
      '2026-06-10',
    );
    expect(technologyForSubmission([t('2026-11-10')], AS_OF)).toBeNull();
  });

  it('is read back by the district into the same headcount, with the ratio against the same students', async () => {
    const [school] = await makeSchools(1, 12);
    const contents = submissionContents(school!.students);
    contents.files.push(payloadFile('payload/staff.jsonl', 'staff/1', staffForSubmission(staff, AS_OF)));
    const made = await createBundle(
      {
        kind: 'submission',
        bundleId: crypto.randomUUID(),
        createdAt: '2026-06-10T15:00:00+07:00',
        app: { name: 'tabian', version: '0.1.0' },
        school: { code: school!.code, smis: school!.smis, name: school!.name },
        district: DISTRICT,
        academicYear: 2569,
        round: 'term1',
        asOf: AS_OF,
        sequence: 1,
        previous: null,
        ...contents,
        signers: [
          { key: school!.staff, role: 'staff', name: 'ครู', act: 'confirm-existence', at: '2026-06-10T15:00:00+07:00' },
          { key: school!.director, role: 'director', name: 'ผอ.', act: 'certify', at: '2026-06-10T15:00:00+07:00' },
        ],
        encryptTo: null,
      },
      random,
    );
    const read = (await readSchoolStaff(made.bytes, { trust: trustOf([school!]), decryptionKeys: [] }))!;
    expect(read.headcount).toEqual(headcountOn(staff, AS_OF));
    expect(read.ratios.at(-1)).toEqual({ level: 'all', students: 12, teachers: 2, perTeacher: 6 });
  });

  it('flags a change of more than 10 % and at least 2 people', () => {
    expect(headcountChanged(20, 22)).toBe(false);
    expect(headcountChanged(19, 22)).toBe(true);
    expect(headcountChanged(3, 5)).toBe(true);
    expect(headcountChanged(4, 5)).toBe(false);
    expect(headcountChanged(4, null)).toBe(false);
  });
});
