// Excel date serials without a time-zone shift, and CSV files in every encoding Thai offices produce.
import { afterEach, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { isoToSerial, serialToIso } from '../../../src/io/spreadsheet/excel-date';
import { openFile } from '../../../src/io/spreadsheet/pipeline';
import { csvOf, dmc36Grid, dmc36Xlsx, num, serialOf, windows874, workbookBytes } from '../../factories/dmc-files';
import { generateStudents } from '../../factories/dmc-students';
import { dmcFields, preview, studentsOf } from '../helpers';

const students = generateStudents(20);
const zone = process.env.TZ;
afterEach(() => {
  process.env.TZ = zone;
});

describe('Excel date serials', () => {
  it('converts by arithmetic, including the 1900 leap-year bug and the 1904 system', () => {
    expect(serialToIso(1)).toBe('1900-01-01');
    expect(serialToIso(59)).toBe('1900-02-28');
    expect(serialToIso(60)).toBeNull(); // Excel's 29 Feb 1900, a day that never was
    expect(serialToIso(61)).toBe('1900-03-01');
    expect(serialToIso(43910)).toBe('2020-03-20');
    expect(serialToIso(43910.99)).toBe('2020-03-20'); // a time of day never moves the date
    expect(serialToIso(0)).toBeNull();
    expect(serialToIso(0, true)).toBe('1904-01-01');
    expect(serialToIso(42448, true)).toBe('2020-03-20');
    expect(isoToSerial('2020-03-20')).toBe(43910);
    expect(isoToSerial('1900-02-28')).toBe(59);
  });

  it('takes a year of 2400 or more as a Buddhist Era year typed into a date cell', () => {
    expect(serialToIso(isoToSerial('2555-03-20'))).toBe('2012-03-20');
  });

  it.each(['Asia/Bangkok', 'UTC', 'America/Los_Angeles', 'Pacific/Kiritimati'])(
    'never moves a birth date by a day (TZ=%s)',
    (tz) => {
      process.env.TZ = tz;
      const read = studentsOf(dmc36Xlsx(students, { dates: 'serial' }));
      expect(read.map((s) => s.birthDate)).toEqual(students.map((s) => s.birthDate));
    },
  );

  it('reads serials of a workbook in the 1904 date system', () => {
    const grid = dmc36Grid(students.slice(0, 3), { dates: 'serial' });
    for (const row of grid.slice(2)) row[10] = num((row[10]!.v as number) - 1462, 'dd/mm/yyyy');
    const bytes = workbookBytes({ Sheet1: grid }, 'xlsx', true);
    expect(openFile(bytes).wb.date1904).toBe(true);
    expect(studentsOf(bytes).map((s) => s.birthDate)).toEqual(students.slice(0, 3).map((s) => s.birthDate));
  });

  it('agrees with an independent count of days', () => {
    for (const s of students) expect(serialToIso(serialOf(s.birthDate!))).toBe(s.birthDate);
  });
});

describe('CSV files', () => {
  const csv = csvOf(dmc36Grid(students));
  const bytesOf = (s: string) => new TextEncoder().encode(s);

  it.each([
    ['UTF-8 with BOM', () => new Uint8Array([0xef, 0xbb, 0xbf, ...bytesOf(csv)]), 'utf-8'],
    ['UTF-8 without BOM', () => bytesOf(csv), 'utf-8'],
    ['windows-874 (TIS-620)', () => windows874(csv), 'windows-874'],
  ] as const)('reads %s with every value intact', (_, make, encoding) => {
    const bytes = make();
    expect(openFile(bytes).info).toMatchObject({ format: 'csv', encoding });
    const result = preview(bytes);
    expect(result.detection.layout).toBe('dmc36');
    expect(result.plan.rows.map((r) => dmcFields(r.student!))).toEqual(students.map(dmcFields));
  });

  it('keeps text as written: leading zeros, and "=" at the start never becomes a formula', () => {
    const grid = dmc36Grid(students.slice(0, 1));
    const bytes = bytesOf(
      csvOf(grid)
        .replace(students[0]!.studentNo, '00042')
        .replace(students[0]!.addresses.registered.road || 'ซอย 3', '=HYPERLINK("x")'),
    );
    const [s] = studentsOf(bytes);
    expect(s!.studentNo).toBe('00042');
    const sheet = openFile(bytes).wb.sheets[0]!;
    expect(sheet.rows.flat().every((c) => !c || c.t === 's' || c.t === 'z')).toBe(true);
  });

  it('reads a tab-separated "Unicode text" file from Excel (UTF-16 with BOM)', () => {
    const tsv = csv.replace(/,/g, '\t');
    const utf16 = new Uint8Array(2 + tsv.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < tsv.length; i++) {
      utf16[2 + i * 2] = tsv.charCodeAt(i) & 0xff;
      utf16[3 + i * 2] = tsv.charCodeAt(i) >> 8;
    }
    expect(studentsOf(utf16).map(dmcFields)).toEqual(students.map(dmcFields));
  });

  it('matches what SheetJS itself would read for a UTF-8 CSV (sanity check of the fixture)', () => {
    const wb = XLSX.read(csv, { type: 'string', raw: true });
    expect(XLSX.utils.sheet_to_json<string[]>(wb.Sheets[wb.SheetNames[0]!]!, { header: 1 })).toHaveLength(
      students.length + 2,
    );
  });
});
