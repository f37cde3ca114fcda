// Files that cannot be imported: each gets a stable problem code and a clear Thai message, quickly.
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { detect, openFile, readChecked } from '../../../src/io/spreadsheet/pipeline';
import {
  MAX_DATA_ROWS,
  problemMessage,
  SpreadsheetProblem,
  type ProblemCode,
} from '../../../src/io/spreadsheet/problems';
import { dmc36Grid, dmc36Xlsx, text, workbookBytes } from '../../factories/dmc-files';
import { generateStudents } from '../../factories/dmc-students';
import { AS_OF } from '../../factories/students';
import { resolveArea } from '../helpers';

function problemOf(bytes: Uint8Array): SpreadsheetProblem {
  try {
    const { wb } = openFile(bytes);
    readChecked(wb, detect(wb).mapping, { asOf: AS_OF, resolveArea });
  } catch (e) {
    if (e instanceof SpreadsheetProblem) return e;
    throw e;
  }
  throw new Error('the file was read');
}

const good = dmc36Xlsx(generateStudents(50));
const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0,
  0, 0,
]);

function encrypted(): Uint8Array {
  // What Excel writes for a password-protected workbook: an OLE container with an encrypted package.
  const cfb = XLSX.CFB.utils.cfb_new();
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0, 1, 2, 3, 4]));
  XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(4096));
  return new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as number[]);
}

describe('files that cannot be imported', () => {
  it.each([
    ['an empty file', () => new Uint8Array(0), 'file.empty'],
    ['a truncated download', () => good.subarray(0, Math.floor(good.length / 2)), 'file.damaged'],
    ['a file cut just before its end', () => good.subarray(0, good.length - 10), 'file.damaged'],
    ['a password-protected workbook', encrypted, 'file.password'],
    ['a PNG picture renamed .xlsx', () => PNG, 'file.picture'],
    ['random binary data', () => new Uint8Array(2000).map((_, i) => (i * 7919) % 256), 'file.not_spreadsheet'],
    [
      'a CSV in no known encoding',
      () => new Uint8Array([0x61, 0x2c, 0xff, 0xfe, 0xfd, 0x0a, 0x62, 0x2c, 0xfc, 0x0a]),
      'file.encoding',
    ],
    ['a workbook of headers only', () => workbookBytes({ Sheet1: dmc36Grid([]) }), 'file.no_data'],
    ['a workbook of empty sheets', () => workbookBytes({ Sheet1: [], Sheet2: [] }), 'file.no_data'],
    [
      'a sheet of something else (a wrong sheet)',
      () =>
        workbookBytes({
          คะแนน: [
            [text('วิชา'), text('คะแนน')],
            [text('คณิต'), text('80')],
            [text('ไทย'), text('75')],
          ],
        }),
      'file.no_students',
    ],
  ] as const)('%s', (_, make, code: ProblemCode) => {
    const problem = problemOf(make());
    expect(problem.code).toBe(code);
    expect(problemMessage(problem.code, problem.params, 'th')).toMatch(/[\u0E00-\u0E7F]/);
    expect(problemMessage(problem.code, problem.params, 'th')).not.toMatch(/\{\w+\}/);
  });

  it('names the sheets when no sheet holds a student list', () => {
    const problem = problemOf(
      workbookBytes({
        คะแนน: [
          [text('วิชา'), text('คะแนน')],
          [text('คณิต'), text('80')],
        ],
      }),
    );
    expect(problemMessage(problem.code, problem.params, 'th')).toContain('(แผ่นงาน: คะแนน)');
  });

  it('refuses 200,000 rows in well under a few seconds, from the sheet size alone', () => {
    const rows = [
      ['เลขประจำตัวประชาชน', 'ชื่อ', 'นามสกุล'],
      ...Array.from({ length: 200_000 }, (_, i) => ['1101700012344', `ชื่อ${i}`, 'ใจดี']),
    ];
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows, { dense: true }), 'Sheet1');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
    const started = performance.now();
    const problem = problemOf(bytes);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(problem.code).toBe('file.too_many_rows');
    expect(problem.params).toEqual({ rows: 200_001, max: MAX_DATA_ROWS });
    expect(problemMessage(problem.code, problem.params, 'th')).toBe(
      `ไฟล์มีข้อมูลมากกว่า ${MAX_DATA_ROWS} แถว (200001 แถว) ซึ่งมากเกินกว่าโรงเรียนเดียว: ตรวจว่าเลือกไฟล์ถูกต้อง หรือแบ่งไฟล์ก่อนนำเข้า`,
    );
  }, 60_000);

  it('refuses a CSV of 200,000 lines', () => {
    const csv = ['เลขประจำตัวประชาชน,ชื่อ', ...Array.from({ length: 200_000 }, (_, i) => `1101700012344,ชื่อ${i}`)].join(
      '\n',
    );
    expect(problemOf(new TextEncoder().encode(csv)).code).toBe('file.too_many_rows');
  });
});
