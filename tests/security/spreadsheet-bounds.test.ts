// @vitest-environment node
// Issue 18: a 1,133-byte ODS file renamed .xlsx ran `tabian validate` out of memory, because SheetJS
// expands ODS repeat attributes. Every format is now counted before SheetJS reads it (bounds.ts).
import * as XLSX from '@e965/xlsx';
import { strToU8 } from 'fflate';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/command';
import { validateCommand } from '../../src/cli/commands/validate';
import { countOds, countText, countXls, countXlsxSheet, MAX_CELLS } from '../../src/io/spreadsheet/bounds';
import { problemMessage, SpreadsheetProblem } from '../../src/io/spreadsheet/problems';
import { readWorkbook } from '../../src/io/spreadsheet/workbook';
import { BOMB_ODS as BOMB, cell, NS, ods, row } from './hostile';

function problemOf(bytes: Uint8Array): SpreadsheetProblem {
  try {
    readWorkbook(bytes);
  } catch (e) {
    if (e instanceof SpreadsheetProblem) return e;
    throw e;
  }
  throw new Error('read');
}

describe('ODS repeat attributes', () => {
  it('refuses a one-kilobyte ODS that expands to 16 billion cells, before SheetJS sees it', () => {
    expect(BOMB.length).toBeLessThan(1_200);
    // The count itself makes no cells: it stops as soon as the bound is passed.
    expect(countOds(new TextDecoder().decode(zipEntry(BOMB, 'content.xml'))).cells).toBeGreaterThan(MAX_CELLS);
    const problem = problemOf(BOMB);
    expect(problem.code).toBe('file.too_many_cells');
    expect(problemMessage(problem.code, problem.params, 'th')).toMatch(/ช่องข้อมูลมากเกินไป/);
  });

  it('refuses it in `tabian validate` as well, with the Thai reason on stderr', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tabian-bounds-'));
    const file = join(dir, 'students.xlsx');
    writeFileSync(file, BOMB);
    const err: string[] = [];
    const io: Io = { out: () => {}, err: (l) => err.push(l) };
    expect(await validateCommand.run([file], io)).toBe(2);
    expect(err.join('\n')).toMatch(/ช่องข้อมูลมากเกินไป/);
  });

  it('still reads a small ODS ending, as LibreOffice writes it, in a million empty repeated rows', () => {
    const file = ods(
      row(cell('ชื่อ') + cell('นามสกุล')) +
        row(cell('มาลี') + cell('ทดสอบ')) +
        row('<table:table-cell table:number-columns-repeated="1022"/>', 1_048_574),
    );
    const wb = readWorkbook(file);
    expect(wb.sheets[0]!.rows.map((r) => r.map((c) => c?.v))).toEqual([
      ['ชื่อ', 'นามสกุล'],
      ['มาลี', 'ทดสอบ'],
    ]);
  });

  it('refuses many rows of one repeated cell as too many rows', () => {
    expect(problemOf(ods(row(cell('x'), 100_000))).code).toBe('file.too_many_rows');
  });
});

describe('the other formats are counted too', () => {
  it('CSV: one cell per separator and line; a file of separators is refused', () => {
    expect(countText('a,b;c\n1\t2|3\n')).toEqual({ cells: 6, rows: 2 });
    expect(problemOf(strToU8('a' + ','.repeat(MAX_CELLS + 1))).code).toBe('file.too_many_cells');
  });

  it('text that SheetJS would read as HTML, SpreadsheetML or flat ODS is refused, not expanded', () => {
    const fods = `<?xml version="1.0"?><office:document ${NS}><office:body><office:spreadsheet><table:table>${row(cell('x', 16_384), 1_000_000)}</table:table></office:spreadsheet></office:body></office:document>`;
    expect(problemOf(strToU8(fods)).code).toBe('file.not_spreadsheet');
    expect(problemOf(strToU8('\uFEFF <table><tr><td colspan="16384">x</td></tr></table>')).code).toBe(
      'file.not_spreadsheet',
    );
  });

  it('xlsx: every value in a sheet counts', () => {
    expect(
      countXlsxSheet(
        '<sheetData><row r="1"><c r="A1"><v>1</v></c><c r="B1" t="inlineStr"><is><t>x</t></is></c><c r="C1" s="1"/></row></sheetData>',
      ).cells,
    ).toBe(2);
  });

  it('xls: the BIFF cell records of the workbook stream', () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      wb,
      XLSX.utils.aoa_to_sheet(Array.from({ length: 10 }, (_, r) => [`n${r}`, r, r * 2, 'x', true])),
      'S',
    );
    const xls = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'biff8' }) as ArrayBuffer);
    expect(countXls(xls).cells).toBe(50);
  });
});

function zipEntry(zip: Uint8Array, name: string): Uint8Array {
  return (
    XLSX.CFB.read(zip, { type: 'array' }).FileIndex.find((f: { name: string }) => f.name === name) ?? {
      content: new Uint8Array(),
    }
  ).content as Uint8Array;
}
