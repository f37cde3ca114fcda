// Nothing a file brings is lost: label variants read, unmatched and impossible values kept and named,
// rows left out listed, another school's file confirmed by name, duplicates inside the file shown.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import ExchangePlace from '../../../../src/ui/screens/exchange/ExchangePlace.svelte';
import { appDb } from '../../../../src/db/database';
import { listStudents } from '../../../../src/db/student-repo';
import { DMC36_COL, dmc36Grid, text, workbookBytes } from '../../../factories/dmc-files';
import { generateStudents } from '../../../factories/dmc-students';
import { fileOf, freshSchool } from './setup';

const students = generateStudents(6, 77);
const upload = async (file: File) =>
  fireEvent.change(await screen.findByTestId('import-file'), { target: { files: [file] } });
const WAIT = { timeout: 8000 };

beforeEach(() => freshSchool());
afterEach(() => cleanup());

describe('importing a DMC file whose labels vary', () => {
  it('reads variants, keeps what fits nothing, names the field in the preview and the result', async () => {
    const grid = dmc36Grid(students.slice(0, 3));
    grid[2]![DMC36_COL.motherOccupation] = text('ค้าขาย');
    grid[3]![DMC36_COL.motherOccupation] = text('ขายของออนไลน์');
    grid[4]![DMC36_COL.grade] = text('ป.9');
    render(ExchangePlace);
    await upload(fileOf(workbookBytes({ Sheet1: grid }), '2568-1-student.xlsx'));
    await screen.findByTestId('import-preview', {}, WAIT);
    const findings = screen.getAllByTestId('preview-finding').map((li) => li.textContent ?? '');
    expect(findings.some((f) => f.includes('อาชีพของมารดา') && f.includes('“ขายของออนไลน์”'))).toBe(true);
    expect(findings.some((f) => f.includes('ชั้น') && f.includes('“ป.9”'))).toBe(true);
    await fireEvent.click(screen.getByTestId('choice-errors-import'));
    await fireEvent.click(screen.getByTestId('import-commit'));
    const done = await screen.findByTestId('import-done', {}, WAIT);
    expect(within(done).getByTestId('import-kept')).toHaveTextContent('เก็บค่าที่ไม่ตรงกับรายการไว้ 2 ค่า');
    expect(within(done).getByTestId('import-kept')).toHaveTextContent('อาชีพของมารดา “ขายของออนไลน์” 1 คน');
    const saved = await listStudents(appDb());
    const byId = new Map(saved.map((s) => [s.idNo, s]));
    expect(byId.get(students[0]!.idNo)!.family.mother.occupation).toBe('3');
    expect(byId.get(students[1]!.idNo)!.unmatched).toEqual({ 'family.mother.occupation': 'ขายของออนไลน์' });
    expect(byId.get(students[2]!.idNo)).toMatchObject({ grade: null, unmatched: { grade: 'ป.9' } });
  }, 30_000);

  it('lists the rows it leaves out (the same ID twice) in the result', async () => {
    const twice = [students[0]!, students[1]!, { ...students[2]!, idNo: students[1]!.idNo }];
    render(ExchangePlace);
    await upload(fileOf(workbookBytes({ Sheet1: dmc36Grid(twice) }), 'twice.xlsx'));
    await screen.findByTestId('import-preview', {}, WAIT);
    await fireEvent.click(screen.getByTestId('import-commit'));
    const done = await screen.findByTestId('import-done', {}, WAIT);
    expect(done).toHaveTextContent('เพิ่ม 1 คน');
    expect(within(done).getByTestId('import-left-out')).toHaveTextContent(
      'ข้าม 2 แถว: แถว 4 (เลขประจำตัวซ้ำกับอีกแถวในไฟล์), แถว 5',
    );
  }, 30_000);

  it("commits another school's file only after a confirmation that names that school", async () => {
    render(ExchangePlace);
    const grid = dmc36Grid(students.slice(0, 2), { schoolCode: '1099999999', schoolName: 'โรงเรียนบ้านอื่น' });
    await upload(fileOf(workbookBytes({ Sheet1: grid }), 'other.xlsx'));
    const warning = await screen.findByTestId('other-school', {}, WAIT);
    expect(warning).toHaveTextContent('โรงเรียนบ้านอื่น (รหัส 1099999999)');
    expect(screen.getByTestId('import-commit')).toBeDisabled();
    await fireEvent.click(screen.getByTestId('other-school-confirm'));
    expect(screen.getByTestId('import-commit')).toBeEnabled();
    await fireEvent.click(screen.getByTestId('import-commit'));
    await screen.findByTestId('import-done', {}, WAIT);
    expect(await appDb().students.count()).toBe(2);
  }, 30_000);

  it('shows possible duplicates inside the file before anything is saved', async () => {
    const again = { ...students[0]!, idNo: students[3]!.idNo };
    render(ExchangePlace);
    await upload(fileOf(workbookBytes({ Sheet1: dmc36Grid([students[0]!, students[1]!, again]) }), 'dup.xlsx'));
    await screen.findByTestId('import-preview', {}, WAIT);
    const pairs = within(screen.getByTestId('in-file-duplicates')).getAllByTestId('in-file-pair');
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toHaveTextContent(
      `แถว 3 ${students[0]!.prefix}${students[0]!.firstName} ${students[0]!.lastName} · แถว 5`,
    );
    expect(await appDb().students.count()).toBe(0);
  }, 30_000);
});
