import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import ExchangePlace from '../../../../src/ui/screens/exchange/ExchangePlace.svelte';
import { appDb } from '../../../../src/db/database';
import { listStudents } from '../../../../src/db/student-repo';
import { beDate, dmc36Grid, dmc36Xlsx, text, workbookBytes } from '../../../factories/dmc-files';
import { generateStudents } from '../../../factories/dmc-students';
import { fileOf, freshSchool } from './setup';

const students = generateStudents(24);
const upload = async (file: File) =>
  fireEvent.change(await screen.findByTestId('import-file'), { target: { files: [file] } });

beforeEach(() => freshSchool());
afterEach(() => cleanup());

describe('importing a spreadsheet', () => {
  it('previews a DMC download, saves it in one go, and changes nothing the second time', async () => {
    render(ExchangePlace);
    await upload(fileOf(dmc36Xlsx(students), '2568-1-student.xlsx'));
    expect(await screen.findByTestId('import-preview', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByTestId('file-summary')).toHaveTextContent(
      'ไฟล์ดาวน์โหลดรายชื่อนักเรียนจาก DMC (36 คอลัมน์) · แผ่นงาน "Sheet1" · 24 แถว',
    );
    expect(screen.getByTestId('count-new')).toHaveTextContent('24');
    expect(screen.queryByTestId('other-school')).toBeNull();
    await fireEvent.click(screen.getByTestId('import-commit'));
    expect(await screen.findByTestId('import-done')).toHaveTextContent(
      'บันทึกแล้ว: เพิ่ม 24 คน · ปรับปรุง 0 คน (ทะเบียนมีนักเรียนทั้งหมด 24 คน)',
    );
    const saved = await listStudents(appDb());
    expect(saved.map((s) => s.idNo).sort()).toEqual(students.map((s) => s.idNo).sort());
    const audits = await appDb().audit.count();

    await upload(fileOf(dmc36Xlsx(students), '2568-1-student.xlsx'));
    await screen.findByTestId('import-preview', {}, { timeout: 5000 });
    expect(screen.getByTestId('count-unchanged')).toHaveTextContent('24');
    expect(screen.getByTestId('import-commit')).toBeDisabled();
    expect(screen.getByTestId('import-commit')).toHaveTextContent('ไม่มีข้อมูลที่ต้องบันทึก');
    expect(await appDb().audit.count()).toBe(audits);
  });

  it('updates a changed student and skips a possible duplicate unless told otherwise', async () => {
    await freshSchool(students.slice(0, 2));
    render(ExchangePlace);
    const changed = [{ ...students[0]!, room: '3' }, students[1]!, { ...students[1]!, idNo: students[2]!.idNo }];
    await upload(fileOf(dmc36Xlsx(changed), 'list.xlsx'));
    await screen.findByTestId('import-preview', {}, { timeout: 5000 });
    expect(screen.getByTestId('count-update')).toHaveTextContent('1');
    expect(screen.getByTestId('count-unchanged')).toHaveTextContent('1');
    expect(screen.getByTestId('count-duplicate')).toHaveTextContent('1');
    expect(screen.getByTestId('choice-duplicate-skip')).toBeChecked();
    expect(within(screen.getByTestId('group-update')).getByText(/ห้อง: 1 → 3/)).toBeInTheDocument();
    expect(screen.getByTestId('import-commit')).toHaveTextContent('บันทึก 1 คน');
    await fireEvent.click(screen.getByTestId('choice-duplicate-import'));
    expect(screen.getByTestId('import-commit')).toHaveTextContent('บันทึก 2 คน');
    await fireEvent.click(screen.getByTestId('import-commit'));
    await screen.findByTestId('import-done');
    const saved = await listStudents(appDb());
    expect(saved).toHaveLength(3);
    expect(saved.find((s) => s.id === students[0]!.id)!.room).toBe('3');
  });

  it('says in Thai why a picture renamed .xlsx cannot be imported, and saves nothing', async () => {
    render(ExchangePlace);
    await upload(fileOf(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]), 'รายชื่อ.xlsx'));
    expect(await screen.findByTestId('import-problem')).toHaveTextContent('ไฟล์นี้เป็นรูปภาพหรือเอกสาร (PNG)');
    expect(screen.getByTestId('import-problem')).toHaveTextContent('ไม่มีข้อมูลใดถูกบันทึก');
    expect(await appDb().students.count()).toBe(0);
    await fireEvent.click(screen.getByTestId('import-again'));
    expect(screen.getByTestId('import-file')).toBeInTheDocument();
  });

  it('asks which column is which for an unknown layout, and can remember the answer', async () => {
    render(ExchangePlace);
    const grid = [
      [text('เลขบัตร'), text('ชื่อ-นามสกุล'), text('ห้องเรียน'), text('ช/ญ'), text('เกิด')],
      ...students
        .slice(0, 3)
        .map((s) => [
          text(s.idNo),
          text(`${s.prefix}${s.firstName} ${s.lastName}`),
          text('ป.1/1'),
          text(s.sex === 'M' ? 'ช' : 'ญ'),
          text(beDate(s.birthDate)),
        ]),
    ];
    await upload(fileOf(workbookBytes({ Sheet1: grid }), 'ครูประจำชั้น.xlsx'));
    await screen.findByTestId('mapping-form', {}, { timeout: 5000 });
    expect(screen.getByTestId('map-A')).toHaveValue('idNo');
    expect(screen.getByTestId('map-B')).toHaveValue('fullName');
    expect(screen.getByTestId('map-C')).toHaveValue('classRoom');
    expect(screen.getByTestId('map-D')).toHaveValue('sex');
    expect(screen.getByTestId('map-E')).toHaveValue('birthDate');
    await fireEvent.click(screen.getByTestId('keep-preset'));
    await fireEvent.input(screen.getByTestId('preset-name'), { target: { value: 'รายชื่อครูประจำชั้น' } });
    await fireEvent.click(screen.getByTestId('mapping-continue'));
    await screen.findByTestId('import-preview', {}, { timeout: 5000 });
    expect(screen.getByTestId('count-new')).toHaveTextContent('3');
    expect(await appDb().importPresets.count()).toBe(1);

    await fireEvent.click(screen.getByText('ยกเลิก'));
    await upload(fileOf(workbookBytes({ Sheet1: grid }), 'ครูประจำชั้น-2.xlsx'));
    expect(await screen.findByTestId('preset-used', {}, { timeout: 5000 })).toHaveTextContent(
      'ใช้รูปแบบที่บันทึกไว้: รายชื่อครูประจำชั้น',
    );
  });

  it("warns when the file carries another school's code", async () => {
    render(ExchangePlace);
    await upload(
      fileOf(workbookBytes({ Sheet1: dmc36Grid(students.slice(0, 2), { schoolCode: '1099999999' }) }), 'other.xlsx'),
    );
    expect(await screen.findByTestId('other-school', {}, { timeout: 5000 })).toHaveTextContent('1099999999');
  });
});
