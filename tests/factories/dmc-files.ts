// Builders of DMC-like spreadsheet files for tests, written cell by cell with SheetJS the way DMC writes
// them (labels, "-" for empty, Buddhist Era dates as text), with switches for each quirk seen in the wild.
// Deliberately independent of src/io/export, so a mistake there cannot hide in a matching mistake here.
import * as XLSX from '@e965/xlsx';
import { gradeByCode, prefixByLabel } from '../../src/domain/codes';
import codes from '../../src/domain/dmc-codes.json';
import type { Student } from '../../src/domain/student/schema';
import { AREAS } from './dmc-students';

export type FixtureCell = XLSX.CellObject | undefined;

const HEADERS_36 = [
  'รหัสโรงเรียน',
  'ชื่อโรงเรียน',
  'เลขประจำตัวประชาชน',
  'ชั้น',
  'ห้อง',
  'เลขประจำตัวนักเรียน',
  'เพศ',
  'คำนำหน้าชื่อ',
  'ชื่อ',
  'นามสกุล',
  'วันเกิด',
  'อายุ(ปี)',
  'น้ำหนัก',
  'ส่วนสูง',
  'กลุ่มเลือด',
  'ศาสนา',
  'เชื้อชาติ',
  'สัญชาติ',
  'บ้านเลขที่',
  'หมู่',
  'ถนน/ซอย',
  'ตำบล',
  'อำเภอ',
  'จังหวัด',
  'ชื่อผู้ปกครอง',
  'นามสกุลผู้ปกครอง',
  'อาชีพของผู้ปกครอง',
  'ความเกี่ยวข้องของผู้ปกครองกับนักเรียน',
  'ชื่อบิดา',
  'นามสกุลบิดา',
  'อาชีพของบิดา',
  'ชื่อมารดา',
  'นามสกุลมารดา',
  'อาชีพของมารดา',
  'ความด้อยโอกาส',
  'ยังไม่สามารถจำหน่ายได้ (3.1.8)',
];

export interface Dmc36Options {
  /** Column C's header: DMC's real files repeat F's header there. */
  headerC?: string;
  /** Notes and stray spaces in headers, as schools' copies have them. */
  headerNotes?: boolean;
  dates?: 'text' | 'serial';
  ids?: 'text' | 'number';
  prefixes?: 'full' | 'short';
  grades?: 'label' | 'code';
  schoolCode?: string;
  schoolName?: string;
}

export const text = (v: string): FixtureCell => ({ t: 's', v: v === '' ? '-' : v });
export const num = (v: number, z?: string): FixtureCell => ({ t: 'n', v, ...(z ? { z } : {}) });
const label = (
  list: 'religion' | 'nationality' | 'occupation' | 'guardianRelation' | 'disadvantage',
  code: string | null,
): string =>
  code === null
    ? ''
    : ((codes[list].codes as { code: string; label: string }[]).find((c) => c.code === code)?.label ?? '');

/** Buddhist Era DD/MM/YYYY, as DMC writes dates. */
export function beDate(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${Number(y) + 543}`;
}

/** The 1900-system serial of an ISO date, computed independently of the code under test. */
export function serialOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

function areaNames(s: Student): [string, string, string] {
  const a = AREAS.find((x) => x.codes[2] === s.addresses.registered.subdistrictCode);
  return a ? [a.subdistrict, a.district, a.province] : ['', '', ''];
}

export function dmc36Row(s: Student, o: Dmc36Options = {}): FixtureCell[] {
  const prefix = o.prefixes === 'short' ? (prefixByLabel(s.prefix)?.short ?? s.prefix) : s.prefix;
  const grade = s.grade === null ? '' : o.grades === 'code' ? s.grade : gradeByCode(s.grade)!.label;
  const id = o.ids === 'number' && /^\d{13}$/.test(s.idNo) ? num(Number(s.idNo)) : text(s.idNo);
  const birth =
    o.dates === 'serial' && s.birthDate ? num(serialOf(s.birthDate), 'dd/mm/yyyy') : text(beDate(s.birthDate));
  const {
    family: f,
    health: h,
    addresses: { registered: r },
  } = s;
  const opt = (n: number | null): FixtureCell => (n === null ? text('') : num(n));
  return [
    text(o.schoolCode ?? '1050130001'),
    text(o.schoolName ?? 'โรงเรียนบ้านทดสอบ'),
    id,
    text(grade),
    text(s.room),
    text(s.studentNo),
    text(s.sex === 'M' ? 'ช' : s.sex === 'F' ? 'ญ' : ''),
    text(prefix),
    text(s.firstName),
    text(s.lastName),
    birth,
    num(7),
    opt(h.weightKg),
    opt(h.heightCm),
    text(s.bloodGroup ?? ''),
    text(label('religion', s.religion)),
    text(label('nationality', s.ethnicity)),
    text(label('nationality', s.nationality)),
    text(r.houseNo),
    text(r.moo),
    text(r.road),
    ...areaNames(s).map(text),
    text(f.guardian.firstName),
    text(f.guardian.lastName),
    text(label('occupation', f.guardian.occupation)),
    text(label('guardianRelation', f.guardian.relation)),
    text(f.father.firstName),
    text(f.father.lastName),
    text(label('occupation', f.father.occupation)),
    text(f.mother.firstName),
    text(f.mother.lastName),
    text(label('occupation', f.mother.occupation)),
    text(label('disadvantage', s.welfare.disadvantage)),
    text(''),
  ];
}

/** Column positions of the 36-column download, for tests that write one cell as a school's file had it. */
export const DMC36_COL = { grade: 3, birthDate: 10, religion: 15, motherOccupation: 33, fatherOccupation: 30 } as const;

export function dmc36Grid(students: readonly Student[], o: Dmc36Options = {}): FixtureCell[][] {
  const headers = HEADERS_36.map((h, i) => (i === 2 ? (o.headerC ?? 'เลขประจำตัวนักเรียน') : h)).map((h, i) =>
    o.headerNotes ? (i === 0 ? `${h} ต้องกรอก` : i === 10 ? ` ${h} (วว/ดด/ปปปป)` : h.replace('ประจำตัว', 'ประจำตัว ')) : h,
  );
  return [
    [text('วันและเวลาที่สร้างรายงาน 23/11/2569 10:15:00')],
    headers.map(text),
    ...students.map((s) => dmc36Row(s, o)),
  ];
}

export function sheetOf(grid: readonly FixtureCell[][]): XLSX.WorkSheet {
  const ws: XLSX.WorkSheet = {};
  let width = 1;
  grid.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell) ws[XLSX.utils.encode_cell({ r, c })] = cell;
      width = Math.max(width, c + 1);
    }),
  );
  ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, grid.length - 1), c: width - 1 } });
  return ws;
}

export function workbookBytes(
  sheets: Record<string, readonly FixtureCell[][]>,
  bookType: XLSX.BookType = 'xlsx',
  date1904 = false,
): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, grid] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, sheetOf(grid), name);
  if (date1904) wb.Workbook = { ...wb.Workbook, WBProps: { date1904: true } };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType, compression: true }) as ArrayBuffer);
}

export function dmc36Xlsx(students: readonly Student[], o: Dmc36Options = {}): Uint8Array {
  return workbookBytes({ Sheet1: dmc36Grid(students, o) });
}

/** CSV text of a grid: every cell as Excel would save its shown text. */
export function csvOf(grid: readonly FixtureCell[][]): string {
  const show = (c: FixtureCell): string => (c?.t === 'n' && typeof c.v === 'number' ? String(c.v) : String(c?.v ?? ''));
  return (
    grid
      .map((row) =>
        row
          .map((c) => {
            const s = show(c);
            return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
          })
          .join(','),
      )
      .join('\r\n') + '\r\n'
  );
}

/** windows-874 (TIS-620) bytes of Thai text: Thai letters sit at U+0E01–U+0E5B ↔ 0xA1–0xFB. */
export function windows874(s: string): Uint8Array {
  return Uint8Array.from(
    [...s].map((ch) => {
      const c = ch.charCodeAt(0);
      if (c < 0x80) return c;
      if (c >= 0x0e01 && c <= 0x0e5b) return c - 0x0e01 + 0xa1;
      throw new RangeError(`no windows-874 byte for ${ch}`);
    }),
  );
}
