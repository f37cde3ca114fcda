// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { TabianDb } from '../../src/db/database';
import { listSchools, loadSubsidyTables, saveSchools, saveSubsidyTable } from '../../src/db/district-school-repo';

const now = new Date('2026-06-01T03:00:00Z');
const a = { code: '1050130001', smis: '50130001', name: 'โรงเรียนเอ' };

describe('district school repository', () => {
  it('adds, updates and leaves alone; a bundle never renames a school the list named', async () => {
    const d = new TabianDb(`schools-${Math.random()}`);
    expect(await saveSchools(d, [{ code: '1050130002', smis: '50130002', name: 'จากชุดข้อมูล' }], 'bundle', now)).toEqual({
      added: 1,
      updated: 0,
      unchanged: 0,
    });
    expect(await saveSchools(d, [a, { code: '1050130002', smis: '50130002', name: 'โรงเรียนบี' }], 'list', now)).toEqual({
      added: 1,
      updated: 1,
      unchanged: 0,
    });
    expect(await saveSchools(d, [{ ...a, name: 'ชื่ออื่น' }], 'bundle', now)).toEqual({
      added: 0,
      updated: 0,
      unchanged: 1,
    });
    expect((await listSchools(d)).map((s) => [s.code, s.name, s.source])).toEqual([
      ['1050130001', 'โรงเรียนเอ', 'list'],
      ['1050130002', 'โรงเรียนบี', 'list'],
    ]);
    await expect(saveSchools(d, [{ ...a, code: '123' }], 'list', now)).rejects.toThrow();
  });

  it('keeps one rate table per academic year, each with its source', async () => {
    const d = new TabianDb(`rates-${Math.random()}`);
    expect(await loadSubsidyTables(d)).toEqual([]);
    const table = {
      academicYear: 2569,
      source: 'หนังสือ ศธ 04006/ว123',
      rates: [{ item: 'ค่าจัดการเรียนการสอน', level: 'primary' as const, bahtPerHead: 1900 }],
      enteredAt: now.toISOString(),
      enteredBy: 'x',
    };
    await saveSubsidyTable(d, table);
    await saveSubsidyTable(d, { ...table, source: 'ฉบับแก้ไข' });
    await saveSubsidyTable(d, { ...table, academicYear: 2568 });
    expect((await loadSubsidyTables(d)).map((t) => [t.academicYear, t.source])).toEqual([
      [2568, 'หนังสือ ศธ 04006/ว123'],
      [2569, 'ฉบับแก้ไข'],
    ]);
    await expect(saveSubsidyTable(d, { ...table, source: '' })).rejects.toThrow();
  });
});
