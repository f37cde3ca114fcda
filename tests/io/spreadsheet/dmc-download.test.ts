// DMC's daily download and its quirks, one by one: every value must arrive exactly.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/domain/validation/catalogue';
import { detect, openFile } from '../../../src/io/spreadsheet/pipeline';
import { dmc36Grid, dmc36Xlsx, num, text, workbookBytes } from '../../factories/dmc-files';
import { generateStudents } from '../../factories/dmc-students';
import { dmcFields, preview, studentsOf } from '../helpers';

const students = generateStudents(30);

describe("DMC's daily download (36 columns)", () => {
  it('is recognised without asking, and every DMC field arrives exactly', () => {
    const result = preview(dmc36Xlsx(students));
    expect(result.detection.layout).toBe('dmc36');
    expect(result.detection.mapping.headerRow).toBe(1);
    expect(result.detection.createdText).toBe('วันและเวลาที่สร้างรายงาน 23/11/2569 10:15:00');
    expect(result.plan.counts).toEqual({ new: 30, update: 0, unchanged: 0, duplicate: 0, errors: 0 });
    expect(result.plan.rows.map((r) => r.sheetRow)).toEqual(students.map((_, i) => i + 3));
    expect(result.plan.rows.map((r) => dmcFields(r.student!))).toEqual(students.map(dmcFields));
    expect(result.schoolCodes).toEqual(['1050130001']);
  });

  it('takes column C as the citizen ID by position, although it is headed like F', () => {
    const result = preview(dmc36Xlsx(students, { headerC: 'เลขประจำตัวนักเรียน' }));
    expect(result.detection.mapping.columns.slice(2, 6)).toEqual(['idNo', 'grade', 'room', 'studentNo']);
    expect(studentsOf(dmc36Xlsx(students)).map((s) => [s.idNo, s.studentNo])).toEqual(
      students.map((s) => [s.idNo, s.studentNo]),
    );
  });

  it('decides by content when a file has the two number columns the other way round', () => {
    const grid = dmc36Grid(students);
    for (const row of grid.slice(1)) [row[2], row[5]] = [row[5], row[2]];
    const read = studentsOf(workbookBytes({ Sheet1: grid }));
    expect(read.map((s) => [s.idNo, s.studentNo])).toEqual(students.map((s) => [s.idNo, s.studentNo]));
  });

  it('matches headers by prefix, ignoring spaces and notes', () => {
    const bytes = dmc36Xlsx(students, { headerNotes: true });
    expect(preview(bytes).detection.layout).toBe('dmc36');
    expect(studentsOf(bytes).map(dmcFields)).toEqual(students.map(dmcFields));
  });

  it('reads Buddhist Era text dates, ช/ญ, "-" as empty, short prefixes and grade codes', () => {
    const grid = dmc36Grid(students.slice(0, 2), { prefixes: 'short', grades: 'code' });
    expect(grid[2]![10]).toEqual(
      text(
        `${students[0]!.birthDate!.slice(8)}/${students[0]!.birthDate!.slice(5, 7)}/${Number(students[0]!.birthDate!.slice(0, 4)) + 543}`,
      ),
    );
    grid[2]![14] = text('-'); // blood group unknown
    grid[2]![12] = text('-'); // no weight
    const [a, b] = studentsOf(workbookBytes({ Sheet1: grid }));
    expect(a).toMatchObject({
      prefix: students[0]!.prefix,
      sex: students[0]!.sex,
      grade: students[0]!.grade,
      birthDate: students[0]!.birthDate,
      bloodGroup: null,
    });
    expect(a!.health.weightKg).toBeNull();
    expect(b!.prefix).toBe(students[1]!.prefix);
    expect(['เด็กชาย', 'เด็กหญิง', 'นาย', 'นางสาว']).toContain(a!.prefix);
  });

  it('reads grades written as ม.2 and as the code 11, and keeps leading zeros of text', () => {
    const grid = dmc36Grid(students.slice(0, 2));
    grid[2]![3] = text('ม.2');
    grid[3]![3] = num(11);
    grid[2]![5] = text('00123');
    grid[2]![19] = text('03');
    const [a, b] = studentsOf(workbookBytes({ Sheet1: grid }));
    expect([a!.grade, b!.grade]).toEqual(['11', '11']);
    expect(a!.studentNo).toBe('00123');
    expect(a!.addresses.registered.moo).toBe('03');
  });

  it('reads a 13-digit ID stored as a number cell as its digits', () => {
    const read = studentsOf(dmc36Xlsx(students, { ids: 'number' }));
    expect(read.map((s) => s.idNo)).toEqual(students.map((s) => s.idNo));
  });

  it('gives back the leading zero of a 0-starting ID that a number cell dropped', () => {
    const grid = dmc36Grid(students.slice(0, 1));
    grid[2]![2] = num(101700012346); // "0101700012346" with its zero lost; check digit valid with the zero
    expect(studentsOf(workbookBytes({ Sheet1: grid }))[0]!.idNo).toBe('0101700012346');
  });

  it('reports an ID in exponent form as damaged (id.format, saying how) and never guesses its digits', () => {
    const grid = dmc36Grid(students.slice(0, 2));
    grid[2]![2] = text('1.10170023E+12');
    const result = preview(workbookBytes({ Sheet1: grid }));
    const row = result.plan.rows[0]!;
    expect(row.student!.idNo).toBe('');
    expect(row.group).toBe('errors');
    const f = row.findings.find((x) => x.field === 'idNo')!;
    expect(f.rule).toBe('id.format');
    expect(f.severity).toBe('error');
    expect(f.message.th).toContain('เลขยกกำลัง "1.10170023E+12"');
    expect(f.message.en).toContain('exponent form "1.10170023E+12"');
    expect(f.message.th).not.toBe(RULES['id.format'].message.th);
    expect(row.findings.filter((x) => x.field === 'idNo')).toHaveLength(1);
    expect(result.plan.rows[1]!.group).toBe('new');
  });

  it('names the area a DOPA list does not know', () => {
    const grid = dmc36Grid(students.slice(0, 1));
    grid[2]![21] = text('ไม่มีตำบลนี้');
    const [row] = preview(workbookBytes({ Sheet1: grid })).plan.rows;
    expect(row!.student!.addresses.registered).toMatchObject({
      provinceCode: 50,
      districtCode: 5001,
      subdistrictCode: null,
    });
    expect(row!.findings.map((f) => [f.rule, f.field])).toContainEqual([
      'address.unknown_area',
      'addresses.registered.subdistrictCode',
    ]);
  });

  it('reads the same file as .xls (BIFF8)', () => {
    const bytes = workbookBytes({ Sheet1: dmc36Grid(students) }, 'biff8');
    expect(openFile(bytes).info.format).toBe('xls');
    expect(studentsOf(bytes).map(dmcFields)).toEqual(students.map(dmcFields));
  });

  it('finds the students on the second sheet of a workbook', () => {
    const bytes = workbookBytes({ หมายเหตุ: [[text('ไฟล์นี้ดาวน์โหลดจาก DMC')]], นักเรียน: dmc36Grid(students) });
    const { wb } = openFile(bytes);
    expect(detect(wb).mapping.sheet).toBe(1);
    expect(studentsOf(bytes)).toHaveLength(30);
  });
});
