import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { roundReportXlsx, safeCell } from '../../src/io/round-report-xlsx';

describe('round report workbook', () => {
  it('defuses text a spreadsheet would run as a formula, and keeps numbers as numbers', () => {
    expect(['=1+1', '+66', '-x', '@SUM(A1)', '\tx', '\rx', 'มาลี'].map((v) => safeCell(v).v)).toEqual([
      "'=1+1",
      "'+66",
      "'-x",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
      'มาลี',
    ]);
    // The shared writer leaves an empty text as an empty cell.
    expect(safeCell('')).toEqual({ t: 'z' });
    expect(safeCell(-3)).toEqual({ t: 'n', v: -3 });
    expect(safeCell('=A1').t).toBe('s');
  });

  it('writes named sheets that read back cell for cell', () => {
    const bytes = roundReportXlsx([
      {
        name: 'รายงาน',
        rows: [
          ['ชั้น', 'ชาย', 'หญิง'],
          ['ป.1/1', 3, 4],
          [null, '=HYPERLINK("x")', 7],
        ],
      },
      { name: 'เปรียบเทียบ/ก่อน', rows: [] },
    ]);
    const wb = XLSX.read(bytes, { type: 'array' });
    expect(wb.SheetNames).toEqual(['รายงาน', 'เปรียบเทียบ-ก่อน']);
    const rows = XLSX.utils.sheet_to_json(wb.Sheets['รายงาน']!, { header: 1, defval: null });
    expect(rows).toEqual([
      ['ชั้น', 'ชาย', 'หญิง'],
      ['ป.1/1', 3, 4],
      [null, '\'=HYPERLINK("x")', 7],
    ]);
    expect(wb.Sheets['รายงาน']!['B3']!.f).toBeUndefined();
  });
});
