// @vitest-environment node
// `tabian validate` on spreadsheets: the same pipeline as the app's import, the same report as for JSON
// lines, and rows numbered as a spreadsheet program shows them.
import { describe, expect, it } from 'vitest';
import { fakeIo } from '../factories/io';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateCommand } from '../../src/cli/commands/validate';
import { csvOf, DMC36_COL, dmc36Grid, text, windows874, workbookBytes } from '../factories/dmc-files';
import { generateStudents } from '../factories/dmc-students';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tabian-sheet-'));
const students = generateStudents(6);

function write(name: string, bytes: Uint8Array | string): string {
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

async function run(args: string[]) {
  const io = fakeIo();
  const code = await validateCommand.run(args, io);
  return { code, out: io.outLines, err: io.errLines };
}

// Row 3 (the first data row) carries a damaged ID, row 5 a birth date that never was.
const grid = dmc36Grid(students);
grid[2]![2] = text('1.10170023E+12');
grid[4]![10] = text('31/02/2555');
const xlsx = write('2568-1-student.xlsx', workbookBytes({ Sheet1: grid }));

describe('tabian validate on spreadsheets', () => {
  it('reads a DMC download and numbers rows as a spreadsheet program does', async () => {
    const { code, out, err } = await run([xlsx, '--as-of', '2026-06-10', '--lang', 'en']);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const report = JSON.parse(out[0]!) as {
      students: number;
      errors: number;
      issues: { row: number; rule: string; message: string }[];
    };
    expect(report.students).toBe(6);
    expect(report.issues.map((i) => [i.row, i.rule])).toEqual([
      [3, 'id.format'],
      [5, 'birthdate.invalid'],
    ]);
    expect(report.issues[0]!.message).toContain('exponent form "1.10170023E+12"');
    expect(report.errors).toBe(2);
  });

  it('prints the same report for the same rows as CSV (UTF-8 and windows-874) and .xls', async () => {
    const expected = (await run([xlsx, '--as-of', '2026-06-10'])).out[0];
    const csv = csvOf(grid);
    for (const file of [
      write('a.csv', csv),
      write('b.csv', windows874(csv)),
      write('c.xls', workbookBytes({ Sheet1: grid }, 'biff8')),
    ]) {
      const { code, out } = await run([file, '--as-of', '2026-06-10']);
      expect(code).toBe(0);
      expect(out[0]).toBe(expected);
    }
  });

  it('says on stderr which columns it guessed for a file of unknown layout', async () => {
    const file = write(
      'list.xlsx',
      workbookBytes({
        Sheet1: [
          [text('เลขบัตร'), text('ชื่อ-นามสกุล')],
          [text(students[0]!.idNo), text(`ด.ญ.มาลี ใจดี`)],
        ],
      }),
    );
    const { code, out, err } = await run([file, '--as-of', '2026-06-10']);
    expect(code).toBe(0);
    expect(err).toEqual(['tabian validate: not a DMC layout; columns guessed from sheet "Sheet1": A=idNo, B=fullName']);
    expect(JSON.parse(out[0]!).students).toBe(1);
  });

  it('exits 2 with the Thai message for a file that cannot be read', async () => {
    const file = write('picture.xlsx', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
    const { code, out, err } = await run([file]);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err[0]).toBe(
      `tabian validate: cannot read "${file}": ไฟล์นี้เป็นรูปภาพหรือเอกสาร (PNG) ที่ถูกตั้งชื่อเป็นไฟล์ตาราง ไม่ใช่ไฟล์ Excel หรือ CSV: เลือกไฟล์ที่ดาวน์โหลดจาก DMC`,
    );
    expect((await run([join(dir, 'none.xlsx')])).err).toEqual([
      `tabian validate: cannot read "${join(dir, 'none.xlsx')}": no such file`,
    ]);
  });

  it('reports each value kept from the file with its field and the text as it was ("field", "value")', async () => {
    const varied = dmc36Grid(students);
    varied[2]![DMC36_COL.motherOccupation] = text('ค้าขาย'); // a variant: reads as นักธุรกิจ-ค้าขาย, no finding
    varied[3]![DMC36_COL.motherOccupation] = text('ขายของออนไลน์');
    varied[4]![DMC36_COL.grade] = text('ป.9');
    const { code, out } = await run([write('varied.xlsx', workbookBytes({ Sheet1: varied })), '--as-of', '2026-06-10']);
    expect(code).toBe(0);
    const issues = (JSON.parse(out[0]!) as { issues: { row: number; rule: string; field: string; value?: string }[] })
      .issues;
    expect(issues).toEqual([
      expect.objectContaining({
        row: 4,
        rule: 'record.invalid_value',
        field: 'family.mother.occupation',
        value: 'ขายของออนไลน์',
      }),
      expect.objectContaining({ row: 5, rule: 'grade.unknown', field: 'grade', value: 'ป.9' }),
    ]);
  });

  it('runs as a real process: npm run tabian -- validate file.xlsx', () => {
    const stdout = execFileSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli/main.ts', 'validate', xlsx, '--as-of', '2026-06-10'],
      { cwd: root, encoding: 'utf8' },
    );
    expect(JSON.parse(stdout).students).toBe(6);
  }, 30_000);
});
