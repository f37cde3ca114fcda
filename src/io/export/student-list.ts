// The student list in DMC's own 36-column download layout (../shared/data/dmc-headers/export_36col_headers.txt):
// row 1 the creation time, row 2 the headers, data from row 3, "-" for empty, labels for codes. Importing
// the file again gives back the same values (tests/io/export/round-trip.test.ts).
import type { AreaIndex } from '../../domain/areas/areas';
import type { Student } from '../../domain/student/schema';
import { ageOn } from '../../domain/thai-date';
import { DMC36 } from '../spreadsheet/headers';
import { xlsxBytes, type SheetSpec } from './book';
import type { CellValue } from './safe-cell';
import { areaNamesOf, beDate, beDateTime, gradeLabel, labelOf, sexMark } from './labels';

export interface SchoolInfo {
  code: string;
  name: string;
}

const dash = (v: string | number | null): string | number => (v === null || v === '' ? '-' : v);

function ageYears(s: Student, today: string): number | string {
  return s.birthDate && s.birthDate <= today ? ageOn(s.birthDate, today).years : '-';
}

export function dmcRow(s: Student, school: SchoolInfo, areas: AreaIndex | null, today: string): CellValue[] {
  const { family: f, health: h } = s;
  const r = s.addresses.registered;
  return [
    school.code,
    school.name,
    s.idNo,
    gradeLabel(s.grade),
    s.room,
    s.studentNo,
    sexMark(s.sex),
    s.prefix,
    s.firstName,
    s.lastName,
    beDate(s.birthDate),
    ageYears(s, today),
    h.weightKg,
    h.heightCm,
    s.bloodGroup,
    labelOf('religion', s.religion),
    labelOf('nationality', s.ethnicity),
    labelOf('nationality', s.nationality),
    r.houseNo,
    r.moo,
    r.road,
    ...areaNamesOf(r, areas),
    f.guardian.firstName,
    f.guardian.lastName,
    labelOf('occupation', f.guardian.occupation),
    labelOf('guardianRelation', f.guardian.relation),
    f.father.firstName,
    f.father.lastName,
    labelOf('occupation', f.father.occupation),
    f.mother.firstName,
    f.mother.lastName,
    labelOf('occupation', f.mother.occupation),
    labelOf('disadvantage', s.welfare.disadvantage),
    '',
  ].map(dash);
}

const WIDTHS = [
  12, 24, 16, 6, 5, 10, 4, 10, 14, 16, 11, 6, 7, 7, 6, 8, 8, 8, 9, 5, 12, 12, 14, 12, 14, 16, 14, 12, 14, 16, 14, 14,
  16, 14, 16, 10,
];

export function studentListSheet(
  students: readonly Student[],
  school: SchoolInfo,
  areas: AreaIndex | null,
  now: Date,
  today: string,
): SheetSpec {
  return {
    name: 'รายชื่อนักเรียน',
    rows: [
      [`วันและเวลาที่สร้างรายงาน ${beDateTime(now)}`],
      DMC36.map(([h]) => h),
      ...students.map((s) => dmcRow(s, school, areas, today)),
    ],
    widths: WIDTHS,
  };
}

export function studentListXlsx(
  students: readonly Student[],
  school: SchoolInfo,
  areas: AreaIndex | null,
  now: Date,
  today: string,
): Uint8Array {
  return xlsxBytes([studentListSheet(students, school, areas, now, today)]);
}
