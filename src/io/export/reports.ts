// The school's other spreadsheets: class lists (one sheet per room), the counts report (grade × room ×
// sex) and the validation summary. Rows only: book.ts writes them, safe-cell.ts guards every cell.
import { fullName } from '../../domain/student/names';
import type { AreaIndex } from '../../domain/areas/areas';
import { compareClasses } from '../../domain/year/classes';
import { formatCitizenId } from '../../domain/ids';
import type { Student } from '../../domain/student/schema';
import { RULES, type Finding } from '../../domain/validation/catalogue';
import type { SheetSpec } from './book';
import { areaNamesOf, beDate, gradeLabel, labelOf } from './labels';
import type { SchoolSheetWords } from './words';

const collator = new Intl.Collator('th', { numeric: true });
const byClass = compareClasses;
export const classOf = (s: Student): string => `${gradeLabel(s.grade) || '?'}/${s.room || '?'}`;

/** One sheet per class: boys then girls, each by student number, as Thai class lists are kept. */
export function classListSheets(students: readonly Student[], title: string, words: SchoolSheetWords): SheetSpec[] {
  const w = words.classList;
  const classes = new Map<string, Student[]>();
  for (const s of [...students].filter((x) => x.status === 'active').sort(byClass)) {
    const list = classes.get(classOf(s)) ?? [];
    list.push(s);
    classes.set(classOf(s), list);
  }
  return [...classes].map(([name, list]) => {
    const sorted = list.sort(
      (a, b) =>
        (a.sex === b.sex ? 0 : a.sex === 'M' ? -1 : 1) ||
        collator.compare(a.studentNo, b.studentNo) ||
        collator.compare(fullName(a), fullName(b)),
    );
    return {
      name,
      rows: [
        [w.title(title, name)],
        [w.head.no, w.head.studentNo, w.head.idNo, w.head.name, w.head.sex, w.head.born],
        ...sorted.map((s, i) => [
          i + 1,
          s.studentNo,
          formatCitizenId(s.idNo),
          fullName(s),
          s.sex === 'M' ? words.male : s.sex === 'F' ? words.female : '',
          beDate(s.birthDate),
        ]),
        [
          w.footer({
            male: sorted.filter((s) => s.sex === 'M').length,
            female: sorted.filter((s) => s.sex === 'F').length,
            all: sorted.length,
          }),
        ],
      ],
      widths: [6, 12, 18, 30, 6, 12],
    };
  });
}

/** Active students by grade and room, boys, girls and all, with a total per grade and for the school. */
export function countsSheet(students: readonly Student[], title: string, words: SchoolSheetWords): SheetSpec {
  const w = words.counts;
  const active = [...students].filter((s) => s.status === 'active').sort(byClass);
  const count = (list: readonly Student[]) => {
    const m = list.filter((s) => s.sex === 'M').length;
    const f = list.filter((s) => s.sex === 'F').length;
    return [m, f, list.length];
  };
  const rows: (string | number)[][] = [[title], [w.grade, w.room, words.male, words.female, words.total]];
  const byGrade = new Map<string, Student[]>();
  for (const s of active) byGrade.set(s.grade ?? '', [...(byGrade.get(s.grade ?? '') ?? []), s]);
  for (const [grade, list] of byGrade) {
    const rooms = [...new Set(list.map((s) => s.room))];
    for (const room of rooms)
      rows.push([gradeLabel(grade) || w.noGrade, room || '-', ...count(list.filter((s) => s.room === room))]);
    rows.push([w.gradeTotal(gradeLabel(grade) || w.noGrade), '', ...count(list)]);
  }
  rows.push([w.schoolTotal, '', ...count(active)]);
  return { name: w.sheet, rows, widths: [18, 8, 8, 8, 8] };
}

/** Failing rules with counts, then every finding with its student. */
export function validationSheets(
  students: readonly Student[],
  findings: readonly Finding[],
  words: SchoolSheetWords,
): SheetSpec[] {
  const { lang, checks: w } = words;
  const byId = new Map(students.map((s) => [s.id, s]));
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  const severity = (s: string) => (s === 'error' ? w.error : w.warning);
  const summary = (Object.keys(RULES) as (keyof typeof RULES)[])
    .filter((r) => counts.has(r))
    .map((r) => [r, severity(RULES[r].severity), counts.get(r)!, RULES[r].message[lang]]);
  const sorted = [...findings].sort((a, b) => {
    const [x, y] = [byId.get(a.studentId), byId.get(b.studentId)];
    return x && y ? byClass(x, y) || collator.compare(fullName(x), fullName(y)) : 0;
  });
  return [
    {
      name: w.summarySheet,
      rows: [[w.head.rule, w.head.level, w.head.count, w.head.fix], ...summary],
      widths: [26, 11, 8, 90],
    },
    {
      name: w.listSheet,
      rows: [
        [w.head.className, w.head.name, w.head.idNo, w.head.level, w.head.field, w.head.fix],
        ...sorted.map((f) => {
          const s = byId.get(f.studentId);
          return [
            s ? classOf(s) : '',
            s ? fullName(s) : f.studentId,
            s ? formatCitizenId(s.idNo) : '',
            severity(f.severity),
            f.field,
            f.message[lang],
          ];
        }),
      ],
      widths: [9, 28, 18, 11, 22, 90],
    },
  ];
}

/** Children to register in the ministry's G-code system, with what its form asks for. */
export function gcodeSheet(
  students: readonly Student[],
  school: { code: string; name: string },
  areas: AreaIndex | null,
): SheetSpec {
  const rows = [...students].sort(byClass).map((s, i) => {
    const a = s.addresses.registered.houseNo ? s.addresses.registered : s.addresses.current;
    const [sub, dist, prov] = areaNamesOf(a, areas);
    const address = [
      a.houseNo,
      a.moo && `หมู่ ${a.moo}`,
      a.road,
      sub && `ต.${sub}`,
      dist && `อ.${dist}`,
      prov && `จ.${prov}`,
    ]
      .filter(Boolean)
      .join(' ');
    return [
      i + 1,
      classOf(s),
      s.studentNo,
      s.prefix,
      s.firstName,
      s.lastName,
      s.sex === 'M' ? 'ชาย' : s.sex === 'F' ? 'หญิง' : '',
      beDate(s.birthDate),
      labelOf('nationality', s.nationality),
      `${s.family.father.firstName} ${s.family.father.lastName}`.trim(),
      `${s.family.mother.firstName} ${s.family.mother.lastName}`.trim(),
      address,
      s.idNo,
      '',
    ];
  });
  return {
    name: 'ขอ G-Code',
    rows: [
      [`รายชื่อนักเรียนที่ไม่มีเลขประจำตัวประชาชน เพื่อขอ G-Code — ${school.name} (${school.code})`],
      [
        'ลำดับ',
        'ชั้น/ห้อง',
        'เลขประจำตัวนักเรียน',
        'คำนำหน้า',
        'ชื่อ',
        'นามสกุล',
        'เพศ',
        'วันเกิด',
        'สัญชาติ',
        'ชื่อบิดา',
        'ชื่อมารดา',
        'ที่อยู่',
        'เลขเอกสารเดิม',
        'G-Code ที่ได้รับ',
      ],
      ...rows,
    ],
    widths: [6, 9, 12, 10, 14, 16, 6, 11, 10, 22, 22, 40, 16, 16],
  };
}
