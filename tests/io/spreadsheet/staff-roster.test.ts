// Roster files through the column-mapping flow: an EMIS-style list is read at once with the built-in preset,
// an unknown layout waits for the user's columns, and a kept preset names the columns of the next such file.
import { describe, expect, it } from 'vitest';
import { xlsxBytes } from '../../../src/io/export/book';
import { openRosterFile, readRosterFile, readRosterSheet } from '../../../src/io/spreadsheet/staff-roster';

const book = (rows: (string | number)[][]) => xlsxBytes([{ name: 'บุคลากร', rows }]);
let n = 0;
const newId = () => `p${++n}`;

// A list as EMIS shows it: a title, then one cell for the name and one for the position with its standing.
const emis = book([
  ['ข้อมูลครูและบุคลากร โรงเรียนบ้านนา ณ วันที่ 10 มิถุนายน 2569'],
  ['ลำดับ', 'เลขประจำตัวประชาชน', 'ชื่อ-สกุล', 'เพศ', 'ตำแหน่ง-วิทยฐานะ', 'ประเภทการจ้าง', 'วันที่บรรจุ'],
  [1, '1112034563562', 'นายสมศักดิ์ ใจดี', 'ชาย', 'ผู้อำนวยการสถานศึกษา ชำนาญการพิเศษ', '', '01/10/2555'],
  [2, '1101700230708', 'นางมาลี ศรีสุข', 'หญิง', 'ครู คศ.2', '', ''],
  [3, '', 'นางสาวสายใจ มาใหม่', 'หญิง', 'ครูอัตราจ้าง', 'เงินรายได้สถานศึกษา', ''],
  [4, '', 'ว่าที่ร้อยตรีปรีชา ขยัน', 'ชาย', 'ครูผู้ช่วย', '', ''],
]);

describe('a roster file through the column-mapping flow', () => {
  it('reads an EMIS-style list at once with the built-in preset', () => {
    const opened = openRosterFile(emis);
    expect(opened).toMatchObject({ recognised: true, preset: 'EMIS', mapping: { sheet: 0, headerRow: 1 } });
    expect(opened.mapping.columns).toEqual([
      null,
      'idNo',
      'fullName',
      'sex',
      'positionStanding',
      'funding',
      'startedServiceOn',
    ]);
    const read = readRosterSheet(emis, opened.mapping, newId);
    expect(read.problems).toEqual([]);
    expect(
      read.staff.map((s) => [
        s.prefix,
        s.firstName,
        s.lastName,
        s.sex,
        s.personnelType,
        s.position,
        s.standing,
        s.funding,
      ]),
    ).toEqual([
      ['นาย', 'สมศักดิ์', 'ใจดี', 'M', 'administrator', 'director', 'k3', null],
      ['นาง', 'มาลี', 'ศรีสุข', 'F', 'civil-teacher', 'ครู', 'k2', null],
      ['นางสาว', 'สายใจ', 'มาใหม่', 'F', 'contract-teacher', 'ครูอัตราจ้าง', null, 'school-income'],
      ['ว่าที่ร้อยตรี', 'ปรีชา', 'ขยัน', 'M', 'assistant-teacher', 'ครูผู้ช่วย', null, null],
    ]);
    expect(read.staff[0]!.startedServiceOn).toBe('2012-10-01');
    // The command line reads the same file the same way, with no one to ask.
    expect(readRosterFile(emis, newId).staff.map((s) => s.firstName)).toEqual(['สมศักดิ์', 'มาลี', 'สายใจ', 'ปรีชา']);
  });

  it("waits for the user's columns when a header is unknown, then reads with them", () => {
    const file = book([
      ['รหัส', 'ครู', 'สังกัดงาน', 'ตำแหน่งงาน'],
      ['1112034563562', 'นางมาลี ศรีสุข', 'ข้าราชการครู', 'ครู'],
      ['', 'นายปรีชา ขยัน', 'ลูกจ้างชั่วคราว', 'นักการภารโรง'],
    ]);
    const opened = openRosterFile(file);
    expect(opened.recognised).toBe(false);
    expect(opened.headers).toEqual(['รหัส', 'ครู', 'สังกัดงาน', 'ตำแหน่งงาน']);
    expect(opened.sample[0]).toEqual(['1112034563562', 'นางมาลี ศรีสุข', 'ข้าราชการครู', 'ครู']);
    const mapping = { sheet: 0, headerRow: 0, columns: ['idNo', 'fullName', 'personnelType', 'position'] };
    const read = readRosterSheet(file, mapping, newId);
    expect(read.staff.map((s) => [s.idNo, s.firstName, s.personnelType, s.position])).toEqual([
      ['1112034563562', 'มาลี', 'civil-teacher', 'ครู'],
      ['', 'ปรีชา', 'temporary-employee', 'นักการภารโรง'],
    ]);
    // A kept preset of these headers names the columns of the next such file.
    const again = openRosterFile(file, [
      {
        name: 'รายชื่อเขต',
        headers: ['รหัส', 'ครู', 'สังกัดงาน', 'ตำแหน่งงาน'],
        headerRow: 1,
        columns: { A: 'idNo', B: 'fullName', C: 'personnelType', D: 'position' },
      },
    ]);
    expect(again).toMatchObject({ recognised: true, preset: 'รายชื่อเขต', mapping });
  });

  it('reports a value it cannot read on the row the spreadsheet shows', () => {
    const read = readRosterSheet(
      emis,
      { sheet: 0, headerRow: 1, columns: [null, null, 'fullName', 'personnelType'] },
      newId,
    );
    // "ชาย" is no personnel type: left as "other" and reported on row 3 of the sheet.
    expect(read.problems[0]).toEqual({ row: 3, field: 'personnelType', text: 'ชาย' });
  });
});
