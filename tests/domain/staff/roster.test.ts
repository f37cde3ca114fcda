import { describe, expect, it } from 'vitest';
import { emisRoundOf } from '../../../src/domain/staff/emis-round';
import { headcountOn } from '../../../src/domain/staff/headcount';
import { readRosterTable, rosterTable } from '../../../src/domain/staff/roster-sheet';
import { roomsWithoutHomeroom, teacherRatios } from '../../../src/domain/staff/ratios';
import { staffSchema, type StaffInput } from '../../../src/domain/staff/schema';
import { addStaffMovement, reverseStaffMovement, staffStatusOn } from '../../../src/domain/staff/status';
import { carryOver, computerTotals, technologySchema } from '../../../src/domain/staff/technology';
import { checkRoster, checkStaff } from '../../../src/domain/staff/validate';

const person = (over: Partial<StaffInput> & { id: string }) =>
  staffSchema.parse({ firstName: 'มาลี', lastName: 'ศรีสุข', sex: 'F', personnelType: 'civil-teacher', ...over });

describe('staff status and movements', () => {
  it("follows the dated movements, with the students' as-of rule", () => {
    const left = addStaffMovement(person({ id: 'a', startedAtSchoolOn: '2020-05-16' }), {
      id: 'm1',
      kind: 'move-out',
      effectiveOn: '2026-06-01',
      school: 'โรงเรียนบ้านนา',
      reversedAt: null,
    });
    if (!('staff' in left)) throw new Error('refused');
    expect(staffStatusOn(left.staff, '2026-05-31')).toBe('active');
    expect(staffStatusOn(left.staff, '2026-06-01')).toBe('moved');
    expect(staffStatusOn(reverseStaffMovement(left.staff, 'm1', '2026-06-02T00:00:00Z'), '2026-06-10')).toBe('active');
  });
  it('refuses a leaving of someone not here that day, an arrival of someone here, and anything after death', () => {
    const fresh = person({ id: 'a', startedAtSchoolOn: '2026-06-10' });
    expect(
      addStaffMovement(fresh, { id: 'm', kind: 'retire', effectiveOn: '2026-06-05', school: '', reversedAt: null }),
    ).toEqual({ problem: 'staff.movement.not_here' });
    expect(
      addStaffMovement(fresh, { id: 'm', kind: 'move-in', effectiveOn: '2026-07-01', school: '', reversedAt: null }),
    ).toEqual({ problem: 'staff.movement.already_here' });
    const dead = person({ id: 'b', movements: [{ id: 'd', kind: 'death', effectiveOn: '2026-01-01' }] });
    expect(
      addStaffMovement(dead, { id: 'm', kind: 'move-in', effectiveOn: '2026-02-01', school: '', reversedAt: null }),
    ).toEqual({ problem: 'staff.movement.after_death' });
    expect(staffStatusOn(dead, '2026-06-10')).toBe('died');
  });
});

describe('roster checks', () => {
  it('checks the citizen ID, standing against type, homerooms, funding of contract staff', () => {
    const rules = (over: Partial<StaffInput>) => checkStaff(person({ id: 'a', ...over }), ['04/1']).map((f) => f.rule);
    expect(rules({ idNo: '1112034563562', homerooms: ['04/1'] })).toEqual([]);
    expect(rules({ idNo: '1112034563561' })).toEqual(['staff.id.checksum']);
    expect(rules({ idNo: '12345' })).toEqual(['staff.id.format']);
    expect(rules({ personnelType: 'contract-teacher', standing: 'k1' })).toEqual([
      'staff.id.missing',
      'staff.standing.type_mismatch',
      'staff.funding.missing',
    ]);
    expect(
      rules({ idNo: '1112034563562', personnelType: 'administrator', position: 'deputy-director', standing: 'k5' }),
    ).toEqual(['staff.standing.type_mismatch']);
    expect(rules({ idNo: '1112034563562', personnelType: 'administrator', position: 'ครู' })).toEqual([
      'staff.position.missing',
    ]);
    expect(rules({ idNo: '1112034563562', homerooms: ['04/9'] })).toEqual(['staff.homeroom.unknown']);
  });
  it('finds duplicates with the twin-safe rules and app users without a record', () => {
    const staff = [
      person({ id: 'a', idNo: '1112034563562', userId: 'u1' }),
      person({ id: 'b', idNo: '1-1120-34563-56-2', firstName: 'มาลา' }),
      // Twins: same birth date and surname, different first names: never flagged.
      person({ id: 'c', idNo: '', firstName: 'ธนากร', lastName: 'ใจดี', birthDate: '1990-01-01', sex: 'M' }),
      person({ id: 'd', idNo: '', firstName: 'ธนากรณ์', lastName: 'ใจดี', birthDate: '1990-01-01', sex: 'M' }),
    ];
    const found = checkRoster({
      staff,
      rooms: [],
      users: [
        { id: 'u1', name: 'ครูมาลี' },
        { id: 'u2', name: 'ครูสมชาย' },
      ],
      on: '2026-06-10',
    });
    expect(found.filter((f) => f.rule === 'staff.id.duplicate').map((f) => f.staffId)).toEqual(['a', 'b']);
    expect(found.filter((f) => f.rule === 'staff.person.possible_duplicate')).toEqual([]);
    expect(found.filter((f) => f.rule === 'staff.user.no_record')).toMatchObject([{ userId: 'u2', detail: 'ครูสมชาย' }]);
  });
});

describe('ratios and homerooms on the as-of date', () => {
  it('counts teachers per level they teach, once for the school, and rooms without a homeroom teacher', () => {
    const staff = [
      person({ id: 'a', homerooms: ['04/1'] }),
      person({
        id: 'b',
        personnelType: 'contract-teacher',
        classesTaught: ['ป.1', 'อ.2'],
        startedAtSchoolOn: '2026-06-10',
      }),
      person({ id: 'c', personnelType: 'permanent-employee' }),
      person({ id: 'd', homerooms: ['05/1'], movements: [{ id: 'm', kind: 'move-out', effectiveOn: '2026-06-10' }] }),
    ];
    const students = [...Array(30).fill({ grade: '04' }), ...Array(10).fill({ grade: '02' })];
    expect(teacherRatios(staff, students, '2026-06-10')).toEqual([
      { level: 'kindergarten', students: 10, teachers: 1, perTeacher: 10 },
      { level: 'primary', students: 30, teachers: 2, perTeacher: 15 },
      { level: 'all', students: 40, teachers: 2, perTeacher: 20 },
    ]);
    expect(teacherRatios(staff, students, '2026-06-09').find((r) => r.level === 'all')).toMatchObject({
      teachers: 2,
      perTeacher: 20,
    });
    expect(roomsWithoutHomeroom(staff, ['04/1', '05/1'], '2026-06-10')).toEqual(['05/1']);
    expect(roomsWithoutHomeroom(staff, ['04/1', '05/1'], '2026-06-09')).toEqual([]);
  });
});

describe('the roster as a table', () => {
  it('reads back what it writes, in Thai and in English, and the headcount is the same', () => {
    const staff = [
      person({
        id: 'a',
        idNo: '1112034563562',
        prefix: 'นาง',
        standing: 'k2',
        funding: 'budget',
        startedAtSchoolOn: '2015-05-16',
        homerooms: ['04/1'],
        subjects: ['คณิตศาสตร์', 'วิทยาศาสตร์'],
        phone: '0812345678',
      }),
      person({ id: 'b', personnelType: 'administrator', position: 'director', standing: 'k3', sex: 'M' }),
      person({
        id: 'c',
        personnelType: 'contract-teacher',
        funding: 'school-income',
        movements: [{ id: 'x', kind: 'move-out', effectiveOn: '2026-06-01' }],
      }),
    ];
    for (const locale of ['th', 'en'] as const) {
      const read = readRosterTable(rosterTable(staff, locale, { contact: true }), (row) => `r${row}`);
      expect(read.problems).toEqual([]);
      expect(read.staff.map((s) => ({ ...s, id: '', movements: s.movements.map((m) => ({ ...m, id: '' })) }))).toEqual(
        staff.map((s) => ({ ...s, id: '', movements: s.movements.map((m) => ({ ...m, id: '' })) })),
      );
      expect(headcountOn(read.staff, '2026-06-10')).toEqual(headcountOn(staff, '2026-06-10'));
    }
  });
  it('leaves out the phone when contact fields are not wanted, and reports values it cannot read', () => {
    const table = rosterTable([person({ id: 'a', phone: '0812345678' })], 'th', { contact: false });
    expect(table[0]).not.toContain('โทรศัพท์');
    const read = readRosterTable(
      [
        ['ชื่อ', 'นามสกุล', 'ประเภทบุคลากร', 'วิทยฐานะ', 'สีโปรด'],
        ['สมชาย', 'ดีมาก', 'ครูอัตราจ้าง', 'คศ.9', 'ฟ้า'],
      ],
      () => 'x',
    );
    expect(read.problems).toEqual([{ row: 2, field: 'standing', text: 'คศ.9' }]);
    expect(read.unknownHeaders).toEqual(['สีโปรด']);
    expect(read.staff[0]).toMatchObject({ personnelType: 'contract-teacher', standing: null });
  });
});

describe('technology and the EMIS round', () => {
  it('carries the last record over to a new date', () => {
    const last = technologySchema.parse({
      asOf: '2025-06-10',
      computers: { teaching: { obec: { working: 20, broken: 2 } } },
      lan: true,
      recordedBy: 'ครูสมใจ',
    });
    const next = carryOver(last, '2026-06-10');
    expect(next).toMatchObject({ asOf: '2026-06-10', lan: true, recordedBy: '' });
    expect(computerTotals(next)).toEqual({ working: 20, broken: 2, total: 22 });
    expect(carryOver(null, '2026-06-10').tablets).toEqual({ working: 0, broken: 0 });
  });
  it('puts the EMIS round on 10 June of the academic year, from data', () => {
    expect(emisRoundOf(2569)).toEqual({
      round: 'emis',
      academicYear: 2569,
      asOf: '2026-06-10',
      opens: '2026-05-16',
      deadline: '2026-06-30',
    });
  });
});
