import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { validateSchool } from '../../../src/domain/validation/school';
import { sheetName, xlsxBytes } from '../../../src/io/export/book';
import { classListSheets, countsSheet, gcodeSheet, validationSheets } from '../../../src/io/export/reports';
import { schoolSheetWords } from '../../../src/ui/services/school-sheet-words';
import { i18n, loadLocale } from '../../../src/ui/i18n/i18n.svelte';
import { safeCell, safeText } from '../../../src/io/export/safe-cell';
import { studentListXlsx } from '../../../src/io/export/student-list';
import { generateStudents } from '../../factories/dmc-students';
import { AS_OF, aStudent } from '../../factories/students';
import { areaIndex, dmcFields, preview, studentsOf } from '../helpers';

const school = { code: '1050130001', name: 'โรงเรียนบ้านทดสอบ' };
// 10:15 on the school's clock (Thai time), whatever time zone the test host has.
const now = new Date('2026-11-23T10:15:00+07:00');

const sheetRows = (bytes: Uint8Array, sheet = 0): unknown[][] => {
  const wb = XLSX.read(bytes, { type: 'array' });
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[sheet]!]!, { header: 1, raw: true, defval: null });
};

describe('formula safety', () => {
  it.each(['=1+2', '+66812345678', '-5+3', '@SUM(A1)', '\tx', '\rx'])('guards %j', (v) => {
    expect(safeText(v)).toBe(`'${v}`);
    expect(safeCell(v)).toEqual({ t: 's', v: `'${v}` });
  });

  it('leaves ordinary text, DMC\'s lone "-", numbers and blanks as they are', () => {
    expect(safeText('มาลี')).toBe('มาลี');
    expect(safeText('-')).toBe('-');
    expect(safeCell(-5)).toEqual({ t: 'n', v: -5 });
    expect(safeCell('')).toEqual({ t: 'z' });
    expect(safeCell(null)).toEqual({ t: 'z' });
  });

  it('writes no formula into any file, and the importer takes the guard off again', () => {
    const risky = aStudent('r1', {
      firstName: '=HYPERLINK("http://x","กด")',
      addresses: { registered: { road: '+ซอย 5', phone: '' } },
    });
    const bytes = studentListXlsx([risky], school, areaIndex, now, AS_OF);
    const wb = XLSX.read(bytes, { type: 'array', cellFormula: true });
    const cells = Object.entries(wb.Sheets[wb.SheetNames[0]!]!)
      .filter(([k]) => !k.startsWith('!'))
      .map(([, c]) => c as XLSX.CellObject);
    expect(cells.some((c) => c.f !== undefined)).toBe(false);
    expect(cells.map((c) => c.v)).toContain(`'=HYPERLINK("http://x","กด")`);
    const [back] = studentsOf(bytes);
    expect(back!.firstName).toBe('=HYPERLINK("http://x","กด")');
    expect(back!.addresses.registered.road).toBe('+ซอย 5');
  });
});

describe('the DMC-layout student list', () => {
  const students = generateStudents(120);
  const bytes = studentListXlsx(students, school, areaIndex, now, AS_OF);

  it("follows DMC's download: creation time, 36 headers, data from row 3, '-' for empty, sensible widths", () => {
    const rows = sheetRows(bytes);
    expect(rows[0]![0]).toBe('วันและเวลาที่สร้างรายงาน 23/11/2569 10:15:00');
    expect(rows[1]).toHaveLength(36);
    expect(rows[1]![2]).toBe('เลขประจำตัวประชาชน');
    const s = students[0]!;
    expect(rows[2]!.slice(0, 11)).toEqual([
      school.code,
      school.name,
      s.idNo,
      'ป.1',
      s.room,
      s.studentNo,
      s.sex === 'M' ? 'ช' : 'ญ',
      s.prefix,
      s.firstName,
      s.lastName,
      `${s.birthDate!.slice(8)}/${s.birthDate!.slice(5, 7)}/${Number(s.birthDate!.slice(0, 4)) + 543}`,
    ]);
    expect(rows[2]![35]).toBe('-');
    const wb = XLSX.read(bytes, { type: 'array', cellStyles: true });
    expect(wb.Sheets[wb.SheetNames[0]!]!['!cols']!.every((c) => (c.wch ?? 0) >= 4)).toBe(true);
  });

  it('imports back to the same records (every DMC field, exactly)', () => {
    const result = preview(bytes);
    expect(result.detection.layout).toBe('dmc36');
    expect(result.plan.rows.map((r) => r.findings.filter((f) => f.severity === 'error'))).toEqual(
      students.map(() => []),
    );
    expect(result.plan.rows.map((r) => dmcFields(r.student!))).toEqual(students.map(dmcFields));
  });

  it('changes nothing when imported into the register it came from', () => {
    const result = preview(bytes, students);
    expect(result.plan.counts).toEqual({ new: 0, update: 0, unchanged: 120, duplicate: 0, errors: 0 });
  });
});

describe('reports', () => {
  const students = [
    aStudent('a', { sex: 'F', grade: '04', room: '1', studentNo: '2' }),
    aStudent('b', { sex: 'M', prefix: 'เด็กชาย', firstName: 'กานต์', grade: '04', room: '1', studentNo: '3' }),
    aStudent('c', { sex: 'F', firstName: 'สุดา', grade: '04', room: '2' }),
    aStudent('d', { sex: 'M', prefix: 'เด็กชาย', firstName: 'อรุณ', grade: '10', room: '1', birthDate: '2013-05-01' }),
    aStudent('e', { firstName: 'ขวัญ', status: 'transferred-out' }),
  ];

  it('class lists: one sheet a room, boys first, with counts', () => {
    const sheets = classListSheets(students, 'รายชื่อนักเรียน ปีการศึกษา 2569', schoolSheetWords());
    expect(sheets.map((s) => s.name)).toEqual(['ป.1/1', 'ป.1/2', 'ม.1/1']);
    expect(sheets[0]!.rows.slice(2, 4).map((r) => r[3])).toEqual(['เด็กชายกานต์ ใจดี', 'เด็กหญิงมาลี ใจดี']);
    expect(sheets[0]!.rows.at(-1)).toEqual(['ชาย 1 คน  หญิง 1 คน  รวม 2 คน']);
    expect(sheetName('ป.1/1', new Set())).toBe('ป.1-1');
    const book = XLSX.read(xlsxBytes(sheets), { type: 'array' });
    expect(book.SheetNames).toEqual(['ป.1-1', 'ป.1-2', 'ม.1-1']);
  });

  it('counts by grade × room × sex, with totals', () => {
    expect(countsSheet(students, 'จำนวนนักเรียน', schoolSheetWords()).rows.slice(1)).toEqual([
      ['ชั้น', 'ห้อง', 'ชาย', 'หญิง', 'รวม'],
      ['ป.1', '1', 1, 1, 2],
      ['ป.1', '2', 0, 1, 1],
      ['รวม ป.1', '', 1, 2, 3],
      ['ม.1', '1', 1, 0, 1],
      ['รวม ม.1', '', 1, 0, 1],
      ['รวมทั้งโรงเรียน', '', 2, 2, 4],
    ]);
  });

  it('the validation summary: counts per rule, then each finding with its student', () => {
    const bad = [...students, aStudent('f', { idNo: '1101700012340', firstName: '', lastName: 'ทองคำ' })];
    const { findings } = validateSchool(bad, { asOf: AS_OF });
    const [summary, list] = validationSheets(bad, findings, schoolSheetWords());
    expect(summary!.rows.slice(1).map((r) => [r[0], r[2]])).toEqual([
      ['id.checksum', 1],
      ['name.missing', 1],
    ]);
    expect(list!.rows.slice(1).map((r) => [r[0], r[3]])).toEqual([
      ['ป.1/1', 'ข้อผิดพลาด'],
      ['ป.1/1', 'ข้อผิดพลาด'],
    ]);
  });

  it('class lists, counts and checks in English when the app is in English', async () => {
    await loadLocale('en');
    i18n.set('en');
    try {
      const words = schoolSheetWords();
      const [first] = classListSheets(students, 'Students 2569', words);
      expect(first!.rows.slice(0, 2)).toEqual([
        ['Students 2569, class ป.1/1'],
        ['No.', 'Student number', 'Citizen ID', 'Name', 'Sex', 'Born'],
      ]);
      expect(first!.rows[2]![4]).toBe('male');
      expect(first!.rows.at(-1)).toEqual(['Boys 1  Girls 1  Total 2']);
      const counts = countsSheet(students, 'Counts', words);
      expect(counts.name).toBe('Students');
      expect(counts.rows[1]).toEqual(['Grade', 'Room', 'male', 'female', 'Total']);
      expect(counts.rows.at(-1)).toEqual(['Whole school', '', 2, 2, 4]);
      const bad = [...students, aStudent('f', { idNo: '1101700012340', firstName: '', lastName: 'ทองคำ' })];
      const [summary, list] = validationSheets(bad, validateSchool(bad, { asOf: AS_OF }).findings, words);
      expect([summary!.name, list!.name]).toEqual(['Summary', 'To fix']);
      expect(summary!.rows[0]).toEqual(['Rule', 'Level', 'Count', 'How to fix']);
      expect(summary!.rows[1]![1]).toBe('Error');
      expect(list!.rows[0]).toEqual(['Class', 'Name', 'Citizen ID', 'Level', 'Field', 'How to fix']);
      expect(list!.rows[1]![5]).not.toMatch(/[\u0E00-\u0E7F]/);
    } finally {
      i18n.set('th');
    }
  });

  it('the G-code list leaves the G-Code column for the ministry to fill', () => {
    const sheet = gcodeSheet([aStudent('g', { idType: 'O', idNo: '' })], school, areaIndex);
    expect(sheet.rows[1]!.at(-1)).toBe('G-Code ที่ได้รับ');
    expect(sheet.rows[2]!.slice(0, 6)).toEqual([1, 'ป.1/1', '', 'เด็กหญิง', 'มาลี', 'ใจดี']);
  });
});
