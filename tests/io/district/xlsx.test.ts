import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { crossCheck } from '../../../src/domain/district/cross-check';
import { districtReport } from '../../../src/domain/district/report';
import { toRoster } from '../../../src/domain/district/roster';
import { summarise } from '../../../src/domain/district/summary';
import { duplicatesSheet } from '../../../src/io/district/duplicates';
import { boardSheet } from '../../../src/io/district/board';
import { boardRow } from '../../../src/domain/district/board';
import { districtReportSheets } from '../../../src/io/district/reports';
import { readSchoolList } from '../../../src/io/district/school-list';
import { xlsxBytes } from '../../../src/io/export/book';
import { SpreadsheetProblem } from '../../../src/io/spreadsheet/problems';
import { generatedStudent } from '../../factories/district';
import { districtSheetWords } from '../../../src/ui/services/district-sheet-words';
import { i18n, loadLocale } from '../../../src/ui/i18n/i18n.svelte';
import { assetsSheets } from '../../../src/io/district/assets';

const rowsOf = (bytes: Uint8Array, sheet: number) => {
  const wb = XLSX.read(bytes, { type: 'array' });
  return XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[wb.SheetNames[sheet]!]!, { header: 1, defval: null });
};

describe('district spreadsheets', () => {
  it('reads a school list written by Excel, with its title row', () => {
    const bytes = xlsxBytes([
      {
        name: 'โรงเรียน',
        rows: [
          ['รายชื่อโรงเรียน'],
          ['รหัสโรงเรียน', 'รหัส SMIS', 'ชื่อโรงเรียน'],
          [1050130001, 50130001, 'โรงเรียนเอ'],
          ['1050130002', '50130002', 'โรงเรียนบี'],
        ],
      },
    ]);
    expect(readSchoolList(bytes)).toEqual({
      found: true,
      problems: [],
      schools: [
        { code: '1050130001', smis: '50130001', name: 'โรงเรียนเอ' },
        { code: '1050130002', smis: '50130002', name: 'โรงเรียนบี' },
      ],
    });
    expect(() => readSchoolList(new Uint8Array())).toThrow(SpreadsheetProblem);
  });

  it('writes the report sheets with the district total, "no data" for missing movements, and the subsidy source', () => {
    const a = summarise(
      [generatedStudent(0, { grade: '04' }), generatedStudent(1, { grade: '05' })],
      [],
      2569,
      '2026-06-10',
    );
    const table = {
      academicYear: 2569,
      source: 'หนังสือทดสอบ',
      rates: [{ item: 'ค่าหนังสือ', level: 'primary' as const, bahtPerHead: 100 }],
      enteredAt: '2026-06-20T00:00:00Z',
      enteredBy: 'x',
    };
    const report = districtReport(
      [
        { code: '1050130001', name: 'โรงเรียนเอ', summary: a },
        { code: '1050130002', name: '=บี', summary: summarise([], null, 2569, '2026-06-10') },
      ],
      table,
      'รวมทั้งเขต',
    );
    const words = {
      titles: {
        counts: 'จำนวน',
        movements: 'การเคลื่อนย้าย',
        disadvantage: 'ด้อยโอกาส',
        disability: 'พิการ',
        subsidy: 'อุดหนุน',
      },
      movements: {
        'transfer-in': 'เข้า',
        'transfer-out': 'ออก',
        withdrawal: 'จำหน่าย',
        dropout: 'ออกกลางคัน',
        death: 'เสียชีวิต',
        graduation: 'จบ',
      },
      notCounted: [{ code: '1050130003', name: 'ซี', why: 'ไม่นับ' }],
      sheet: districtSheetWords(),
    };
    const bytes = xlsxBytes(districtReportSheets(report, 'สพป.ทดสอบ', table, null, words));
    const counts = rowsOf(bytes, 0);
    expect(counts[1]).toEqual([
      'รหัสโรงเรียน',
      'ชื่อโรงเรียน',
      'ป.1 ชาย',
      'ป.1 หญิง',
      'ป.2 ชาย',
      'ป.2 หญิง',
      'รวมชาย',
      'รวมหญิง',
      'ไม่ระบุเพศ',
      'รวม',
    ]);
    expect(counts[2]).toEqual(['1050130001', 'โรงเรียนเอ', 0, 1, 1, 0, 1, 1, 0, 2]);
    expect(counts[3]![1]).toBe("'=บี");
    expect(counts[4]).toEqual([null, 'รวมทั้งเขต', 0, 1, 1, 0, 1, 1, 0, 2]);
    expect(counts[5]!.slice(0, 3)).toEqual(['1050130003', 'ซี', 'ไม่นับ']);
    expect(rowsOf(bytes, 1)[1]).toEqual([
      'รหัสโรงเรียน',
      'ชื่อโรงเรียน',
      'เข้า',
      'ออก',
      'จำหน่าย',
      'ออกกลางคัน',
      'เสียชีวิต',
      'จบ',
    ]);
    expect(rowsOf(bytes, 1)[3]).toEqual([
      '1050130002',
      "'=บี",
      'ไม่มีข้อมูลการเคลื่อนย้ายในชุดข้อมูล',
      null,
      null,
      null,
      null,
      null,
    ]);
    const subsidy = rowsOf(bytes, 4);
    expect(subsidy[1]![0]).toBe('อัตราปีการศึกษา 2569 ที่มา: หนังสือทดสอบ');
    expect(subsidy.find((r) => r[1] === 'รวมทั้งเขต')!.at(-1)).toBe(200);
    expect(subsidy.at(-1)!.slice(0, 3)).toEqual(['1050130003', 'ซี', 'ไม่นับ']);
  });

  it('writes the duplicate list with both schools and the reason', () => {
    const s = generatedStudent(3);
    const pairs = crossCheck(
      [
        { school: { code: '1050130001', name: 'เอ' }, rows: toRoster([s], []).rows },
        { school: { code: '1050130002', name: 'บี' }, rows: toRoster([{ ...s, id: 'x' }], []).rows },
      ],
      '2026-06-10',
    ).pairs;
    const rows = rowsOf(xlsxBytes([duplicatesSheet(pairs, 'ทดสอบ', districtSheetWords())]), 0);
    expect(rows[2]!.slice(0, 4)).toEqual([1, 'เลขประจำตัวซ้ำ', '1050130001', 'เอ']);
    expect(rows[2]![8]).toBe('1050130002');
  });

  it("writes the status board with each school's findings series, late, held and answers", () => {
    const summary = summarise([generatedStudent(1)], null, 2569, '2026-06-10');
    const row = boardRow({
      school: { code: '1050130001', smis: '50130001', name: 'โรงเรียนเอ' },
      submissions: [
        {
          id: 'h',
          bundleId: 'b',
          sequence: 2,
          acts: ['confirm-existence', 'certify'],
          summary,
          receivedAt: '2026-06-12T01:00:00Z',
        },
      ],
      previous: null,
      acknowledged: new Map([['h', '2026-06-20T03:00:00Z']]),
      accepted: [2],
      held: [],
      waiting: 1,
      rejected: 0,
      late: true,
      series: {
        sent: [{ sequence: 1, findingIds: ['a'], at: '', acknowledged: true }],
        open: 3,
        fresh: ['b', 'c'],
        acknowledged: true,
      },
    });
    const rows = rowsOf(
      xlsxBytes([
        boardSheet([row], 'สถานะ', (iso) => iso.slice(0, 10), { head: 'นับ', why: new Map() }, districtSheetWords()),
      ]),
      0,
    );
    expect(rows[1]).toContain('ข้อสังเกตใหม่หลังรับทราบ');
    expect(rows[2]).toEqual([
      '1050130001',
      'โรงเรียนเอ',
      'เขตรับทราบแล้ว',
      2,
      1,
      'ส่งช้า',
      1,
      0,
      '1',
      '20/06/2569',
      3,
      1,
      2,
      0,
      null,
    ]);
  });
});

describe('district spreadsheets in English', () => {
  beforeAll(async () => {
    await loadLocale('en');
    i18n.set('en');
  });
  afterAll(() => i18n.set('th'));

  it('write English sheet names, headers and words when the app is in English', () => {
    const words = districtSheetWords();
    const summary = summarise([generatedStudent(1, { grade: '04' })], null, 2569, '2026-06-10');
    const report = districtReport([{ code: '1050130001', name: 'School A', summary }], null, 'District total');
    const reportWords = {
      titles: { counts: 'Counts', movements: 'Movements', disadvantage: 'D', disability: 'E', subsidy: 'S' },
      movements: {
        'transfer-in': 'in',
        'transfer-out': 'out',
        withdrawal: 'w',
        dropout: 'd',
        death: 'x',
        graduation: 'g',
      },
      notCounted: [],
      sheet: words,
    };
    const bytes = xlsxBytes(districtReportSheets(report, 'Office', null, null, reportWords));
    expect(XLSX.read(bytes, { type: 'array' }).SheetNames).toEqual([
      'Students',
      'Movements',
      'Disadvantaged',
      'Disabilities',
    ]);
    expect(rowsOf(bytes, 0)[1]).toEqual([
      'School code',
      'School name',
      'ป.1 male',
      'ป.1 female',
      'Total male',
      'Total female',
      'Sex not given',
      'Total',
    ]);
    expect(rowsOf(bytes, 0).at(-1)![0]).toBe(
      'The cross-school duplicate check could not run: the counts above are as the schools submitted them',
    );

    const row = boardRow({
      school: { code: '1050130001', smis: '50130001', name: 'School A' },
      submissions: [],
      previous: null,
      acknowledged: new Map(),
      accepted: [],
      held: [],
      waiting: 0,
      rejected: 0,
      late: false,
      series: null,
    });
    const board = rowsOf(
      xlsxBytes([boardSheet([row], 'Status', (iso) => iso, { head: 'Counted', why: new Map() }, words)]),
      0,
    );
    expect(board[1]!.slice(0, 5)).toEqual(['School code', 'School', 'Status', 'Sequence sent', 'Students']);
    expect(board[2]!.slice(0, 3)).toEqual(['1050130001', 'School A', 'Not sent']);

    const s = generatedStudent(3);
    const pairs = crossCheck(
      [
        { school: { code: '1050130001', name: 'A' }, rows: toRoster([s], []).rows },
        { school: { code: '1050130002', name: 'B' }, rows: toRoster([{ ...s, id: 'x' }], []).rows },
      ],
      '2026-06-10',
    ).pairs;
    const dup = rowsOf(xlsxBytes([duplicatesSheet(pairs, 'Duplicates', words)]), 0);
    expect(dup[1]!.slice(0, 4)).toEqual(['No.', 'Kind', 'School code A', 'School A']);
    expect(dup[2]![1]).toBe(words.duplicates.rules['id.duplicate']);
    expect(dup[2]![14]).toBe(pairs[0]!.reason.en);

    const assets = xlsxBytes(
      assetsSheets([{ code: '1050130001', name: 'School A', assets: null }], 'Buildings', words),
    );
    expect(rowsOf(assets, 0).slice(1)).toEqual([
      [
        'School code',
        'School',
        'As of',
        'Certified on',
        'Buildings',
        'Good',
        'Fair',
        'Poor',
        'Condition not given',
        'No photo within a year',
        'Classrooms needed',
        'Classrooms available',
        'Shortage',
        'Equipment last counted',
      ],
      ['1050130001', 'School A', 'Not sent', null, null, null, null, null, null, null, null, null, null, null],
    ]);
    // No Thai left in what io itself writes (grade labels are DMC's code labels, passed through as data).
    expect(JSON.stringify(board) + JSON.stringify(rowsOf(assets, 0))).not.toMatch(/[\u0E00-\u0E7F]/);
  });
});
