import { describe, expect, it } from 'vitest';
import { DEFAULT_CHOICES, studentsToWrite } from '../../../src/domain/import/choose';
import { planImport, type ImportRow } from '../../../src/domain/import/plan';
import type { Student } from '../../../src/domain/student/schema';
import { finding } from '../../../src/domain/validation/catalogue';
import { aStudent, citizenId } from '../../factories/students';

const FILLED = [
  'idNo',
  'idType',
  'firstName',
  'lastName',
  'prefix',
  'sex',
  'birthDate',
  'grade',
  'room',
  'health.weightKg',
];
const row = (
  student: Student | null,
  sheetRow: number,
  findings = [] as ImportRow['findings'],
  filled = FILLED,
): ImportRow => ({ sheetRow, student, findings, filled });

describe('planImport', () => {
  const kept = aStudent('u-1', {
    idNo: citizenId(101),
    firstName: 'มาลี',
    health: { weightKg: 21, heightCm: 118, measuredOn: null },
  });
  const moved = aStudent('u-2', { idNo: citizenId(102), firstName: 'สุดา', room: '1' });
  const register = [kept, moved];

  it('sorts rows into new, update, unchanged, possible duplicate and errors', () => {
    const rows = [
      row({ ...kept, id: 'row-1', health: { ...kept.health, weightKg: null } }, 3), // same, weight blank in the file
      row({ ...moved, id: 'row-2', room: '2' }, 4),
      row(aStudent('row-3', { idNo: citizenId(103), firstName: 'ปิยะดา', lastName: 'ทองคำ' }), 5),
      row({ ...kept, id: 'row-4', idNo: citizenId(104) }, 6), // same name and birth date, another ID
      row(aStudent('row-5', { idNo: '1101700012340', firstName: 'วรรณา' }), 7, [finding('id.checksum', 'row-5')]),
      row(null, 8, [finding('record.unreadable', 'row-6')]),
    ];
    const plan = planImport(rows, register);
    expect(plan.rows.map((r) => r.group)).toEqual(['unchanged', 'update', 'new', 'duplicate', 'errors', 'errors']);
    expect(plan.counts).toEqual({ new: 1, update: 1, unchanged: 1, duplicate: 1, errors: 2 });
    expect(plan.rows[1]!.changes).toEqual([{ field: 'room', from: '1', to: '2' }]);
    expect(plan.rows[1]!.result!.id).toBe('u-2');
    expect(plan.rows[3]!.similar!.id).toBe('u-1');
    expect(plan.rows[5]!.importable).toBe(false);
  });

  it('never blanks a value the register has, and changes only the columns the file has', () => {
    const incoming = {
      ...kept,
      id: 'row-1',
      firstName: 'มาลิน',
      lastName: '',
      health: { weightKg: null, heightCm: null, measuredOn: null },
    };
    const [planned] = planImport(
      [row(incoming, 3, [], ['idNo', 'firstName', 'lastName', 'health.weightKg'])],
      register,
    ).rows;
    expect(planned!.result).toEqual({ ...kept, firstName: 'มาลิน' });
  });

  it('writes what the user chose, new records with fresh ids', () => {
    const rows = [
      row({ ...moved, id: 'row-1', room: '3' }, 3),
      row(aStudent('row-2', { idNo: citizenId(105), firstName: 'ชนิดา', lastName: 'มั่นคง' }), 4),
      row({ ...kept, id: 'row-3', idNo: citizenId(106) }, 5),
    ];
    const plan = planImport(rows, register);
    let n = 0;
    const ids = () => `new-${++n}`;
    const { added, updated } = studentsToWrite(plan, DEFAULT_CHOICES, ids);
    expect(updated.map((s) => [s.id, s.room])).toEqual([['u-2', '3']]);
    expect(added.map((s) => [s.id, s.firstName])).toEqual([['new-1', 'ชนิดา']]);
    const all = studentsToWrite(plan, { ...DEFAULT_CHOICES, duplicate: 'import', update: 'skip' }, ids);
    expect(all.updated).toEqual([]);
    expect(all.added.map((s) => s.firstName)).toEqual(['ชนิดา', 'มาลี']);
  });

  it('never imports a row whose ID appears twice in the file, even when errors are chosen', () => {
    const twin = (id: string) => aStudent(id, { idNo: citizenId(107) });
    const dup = [finding('id.duplicate', 'x')];
    const plan = planImport([row(twin('row-1'), 3, dup), row(twin('row-2'), 4, dup)], register);
    expect(plan.rows.map((r) => [r.group, r.importable])).toEqual([
      ['errors', false],
      ['errors', false],
    ]);
    // ...and says so: both rows are listed as left out, with why, whatever the user chose.
    const leftOut = [
      { sheetRow: 3, why: 'same-id' },
      { sheetRow: 4, why: 'same-id' },
    ];
    expect(studentsToWrite(plan, { ...DEFAULT_CHOICES, errors: 'import' }, () => 'x')).toEqual({
      added: [],
      updated: [],
      leftOut,
    });
    expect(studentsToWrite(plan, DEFAULT_CHOICES, () => 'x').leftOut).toEqual(leftOut);
  });

  it('lists an unreadable row as left out', () => {
    const plan = planImport(
      [{ sheetRow: 7, student: null, findings: [finding('record.unreadable', 'row-1', 'record')], filled: [] }],
      register,
    );
    expect(studentsToWrite(plan, DEFAULT_CHOICES, () => 'x').leftOut).toEqual([{ sheetRow: 7, why: 'unreadable' }]);
  });

  it('keeps a text the file could not place through an update, until the field holds a value', () => {
    const existing = register[0]!;
    const incoming = {
      ...existing,
      family: { ...existing.family, mother: { ...existing.family.mother, occupation: null } },
      unmatched: { 'family.mother.occupation': 'ขายของออนไลน์' },
    };
    const plan = planImport([row(incoming, 5, [])], register);
    expect(plan.rows[0]!.group).toBe('update');
    expect(plan.rows[0]!.result!.unmatched).toEqual({ 'family.mother.occupation': 'ขายของออนไลน์' });
    const picked = {
      ...existing,
      family: { ...existing.family, mother: { ...existing.family.mother, occupation: '3' } },
    };
    const settled = planImport(
      [{ ...row(picked, 5, []), filled: ['family.mother.occupation'] }],
      [plan.rows[0]!.result!],
    );
    expect(settled.rows[0]!.result!.unmatched).toBeUndefined();
  });

  it('matches the register by the normalised ID number and prefers the active record', () => {
    const left = { ...kept, id: 'u-old', status: 'transferred-out' as const };
    const plan = planImport(
      [row({ ...kept, id: 'row-1', idNo: kept.idNo.replace(/(\d)(\d{4})/, '$1-$2'), room: '4' }, 3)],
      [left, kept],
    );
    expect(plan.rows[0]!.existing!.id).toBe('u-1');
  });
});
