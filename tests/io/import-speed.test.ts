// @vitest-environment node
// How long a 3,000-student DMC file takes from bytes to preview, against SheetJS's parse alone. The bound
// is loose (CI machines are shared); it guards against work that grows faster than the rows, and the
// printed medians are the numbers to compare.
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { buildPreview, detect, openFile } from '../../src/io/spreadsheet/pipeline';
import { areaExistsIn } from '../../src/domain/validation/student';
import { dmc36Xlsx } from '../fixtures/dmc-files';
import { generateStudents } from '../fixtures/dmc-students';
import { AS_OF } from '../fixtures/students';
import { areaIndex, resolveArea } from './helpers';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function time(runs: number, work: () => void): number {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    work();
    ms.push(performance.now() - t0);
  }
  return Math.round(median(ms));
}

describe('import speed', () => {
  it('takes a 3,000-row DMC file to preview in linear time', () => {
    const students = generateStudents(3000);
    const bytes = dmc36Xlsx(students);
    const small = dmc36Xlsx(students.slice(0, 600));
    const ctx = (register: typeof students) => ({ register, asOf: AS_OF, resolveArea, areaExists: areaExistsIn(areaIndex) });
    const toPreview = (b: Uint8Array, register: typeof students) => () => {
      const { wb } = openFile(b);
      buildPreview(wb, detect(wb), ctx(register));
    };
    toPreview(bytes, students)(); // warm up the JIT, as a second import in the same session would be
    const sheetjs = time(5, () => XLSX.read(bytes, { type: 'array', dense: true }));
    const fresh = time(5, toPreview(bytes, []));
    const again = time(5, toPreview(bytes, students));
    const fifth = time(5, toPreview(small, students.slice(0, 600)));
    console.log(`import speed (Node ${process.version}, 3,000 rows, ${bytes.length} bytes): SheetJS parse ${sheetjs} ms; file → preview ${fresh} ms into an empty register, ${again} ms against a register of 3,000 (600 rows: ${fifth} ms)`);
    expect(again).toBeLessThan(8000);
    // Five times the rows may cost at most about ten times the time: nothing quadratic.
    expect(again).toBeLessThan(Math.max(10 * fifth, 1500));
  }, 120_000);
});
