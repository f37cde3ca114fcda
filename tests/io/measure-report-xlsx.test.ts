// @vitest-environment node
import { describe, expect, it } from 'vitest';
import * as XLSX from '@e965/xlsx';
import { measureReportXlsx, type MeasureReportWords } from '../../src/io/measure-report-xlsx';
import { growthReport, type ReportStudent } from '../../src/domain/measure/report';
import { HEIGHT_TH, NUTRITION_TH } from '../../src/domain/growth/status';
import { refs } from '../domain/growth/who-tables';

const student = (id: string, firstName: string, sex: 'M' | 'F'): ReportStudent => ({
  id,
  studentNo: id,
  prefix: '',
  firstName,
  lastName: 'ใจดี',
  sex,
  birthDate: '2018-03-01',
  grade: '04',
  room: '1',
});
const report = growthReport({
  students: [student('1', '=HYPERLINK("x")', 'F'), student('2', 'มานะ', 'M')],
  measurements: [
    { studentId: '1', measuredOn: '2026-06-01', weightKg: 16, heightCm: 122 },
    { studentId: '2', measuredOn: '2026-06-01', weightKg: 24, heightCm: 124 },
  ],
  period: { from: '2026-05-16', to: '2026-07-31' },
  previous: null,
  refs,
});

const words: MeasureReportWords = {
  heading: ['โรงเรียนบ้านทดสอบ', 'รายงานภาวะโภชนาการ'],
  sheets: { counts: 'สรุป', compare: 'เทียบ', followUp: 'ติดตาม' },
  line: 'ชั้น',
  male: 'ช',
  female: 'ญ',
  total: 'รวม',
  students: 'นักเรียน',
  measured: 'วัดแล้ว',
  measuredShare: '%',
  unassessed: 'ประเมินไม่ได้',
  goodGrowth: 'สูงดีสมส่วน',
  previous: 'ก่อน',
  obeseGroup: 'อ้วน',
  nutrition: NUTRITION_TH,
  height: HEIGHT_TH,
  reasons: { thin: 'ผอม', short: 'เตี้ย', obese: 'อ้วน', check: 'วัดใหม่' },
  followUpColumns: ['ชื่อ', 'เหตุ'],
  lineName: (l) => `${l.kind}`,
  followUpRow: (f) => [f.student.firstName, f.reasons.join(',')],
};

describe('measure report workbook', () => {
  const wb = XLSX.read(measureReportXlsx(report, words), { type: 'array' });
  // Rows as written, without the empty cells sheet_to_json pads them with.
  const trim = (row: unknown[]) => row.slice(0, row.findLastIndex((v) => v !== null) + 1);
  const rows = (name: string) =>
    XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets[name]!, { header: 1, defval: null }).map(trim);

  it('has the counts, the comparison and the follow-up sheets', () => {
    expect(wb.SheetNames).toEqual(['สรุป', 'เทียบ', 'ติดตาม']);
  });

  it('writes each line with boys, girls and total per category, as numbers', () => {
    const counts = rows('สรุป');
    expect(counts[0]).toEqual(['โรงเรียนบ้านทดสอบ']);
    const head = counts[3]!;
    expect(head.slice(0, 4)).toEqual(['ชั้น', 'นักเรียน', null, null]);
    expect(head).toContain('ผอม');
    const room = counts.find((r) => r[0] === 'room')!;
    expect(room.slice(1, 7)).toEqual([1, 1, 2, 1, 1, 2]);
    expect(room.at(-1)).toBe(100);
    const thinAt = head.indexOf('ผอม');
    expect(room.slice(thinAt, thinAt + 3)).toEqual([0, 1, 1]);
  });

  it('keeps a name typed as a formula as text', () => {
    const follow = rows('ติดตาม');
    expect(follow.at(-1)).toEqual(['\'=HYPERLINK("x")', 'thin']);
    const cells = Object.values(wb.Sheets['ติดตาม']!).filter(
      (c): c is XLSX.CellObject => typeof c === 'object' && c !== null && 't' in c,
    );
    expect(cells.some((c) => c.f)).toBe(false);
  });
});
