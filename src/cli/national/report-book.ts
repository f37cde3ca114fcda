// The national report as a workbook (the JSON's figures, Thai headings): one set of sheets per round.
import type { SheetSpec } from '../../io/export/book';
import { gradeLabel } from '../../io/export/labels';
import { HEIGHT_TH, NUTRITION_TH } from '../../domain/growth/status';
import type { NationalReport, NationalRound, SexCounts } from './report';

const LEVEL = {
  kindergarten: 'อนุบาล',
  primary: 'ประถมศึกษา',
  'lower-secondary': 'ม.ต้น',
  'upper-secondary': 'ม.ปลาย',
  vocational: 'ปวช.',
} as const;
const MOVE: Record<string, string> = {
  'transfer-in': 'ย้ายเข้า',
  'transfer-out': 'ย้ายออก',
  withdrawal: 'จำหน่าย',
  dropout: 'ออกกลางคัน',
  death: 'เสียชีวิต',
  graduation: 'จบการศึกษา',
};
const ROUND: Record<string, string> = {
  term1: 'ภาคเรียนที่ 1 (10 มิ.ย.)',
  term2: 'ภาคเรียนที่ 2 (10 พ.ย.)',
  'year-end': 'สิ้นปีการศึกษา (31 มี.ค.)',
};
const FOLLOW: Record<string, string> = {
  children: 'นักเรียน (นับครั้งเดียว)',
  thin: 'ผอม',
  short: 'เตี้ย',
  obese: 'อ้วน',
  check: 'ควรตรวจค่าที่วัด',
};
const SEX = ['ชาย', 'หญิง', 'ไม่ระบุเพศ', 'รวม'];
const sex = (c: SexCounts) => [c.M, c.F, c.unknown, c.total];

function roundSheets(r: NationalRound): SheetSpec[] {
  const title = `ปีการศึกษา ${r.academicYear} ${ROUND[r.round] ?? r.round}`;
  const tag = `${r.academicYear} ${r.round}`;
  const sheets: SheetSpec[] = [
    {
      name: `จังหวัด ${tag}`,
      rows: [
        [`จำนวนนักเรียนจำแนกตามจังหวัด ${title}`],
        ['จังหวัด', ...SEX],
        ...r.byProvince.map((p) => [p.province || 'ไม่ทราบจังหวัด', ...sex(p)]),
        ['รวม', ...sex(r.students)],
      ],
    },
    {
      name: `เขตพื้นที่ ${tag}`,
      rows: [
        [`จำนวนนักเรียนจำแนกตามเขตพื้นที่ ${title}`],
        ['รหัสเขต', 'ชื่อเขต', 'จังหวัด', 'โรงเรียน', ...SEX],
        ...r.byDistrict.map((d) => [d.district, d.name, d.province, d.schools, ...sex(d)]),
        ['รวม', '', '', r.schools, ...sex(r.students)],
      ],
    },
    {
      name: `ระดับและชั้น ${tag}`,
      rows: [
        [`จำนวนนักเรียนจำแนกตามระดับ ชั้น และเพศ ${title}`],
        ['ระดับ/ชั้น', ...SEX],
        ...Object.entries(r.byLevel).map(([l, c]) => [LEVEL[l as keyof typeof LEVEL], ...sex(c)]),
        [],
        ...Object.entries(r.byGrade)
          .sort(([a], [b]) => (a < b ? -1 : 1))
          .map(([g, c]) => [gradeLabel(g), ...sex(c)]),
      ],
    },
    {
      name: `การเคลื่อนย้าย ${tag}`,
      rows: [
        [`การเคลื่อนย้ายนักเรียน ${title}`],
        ['ประเภท', 'จำนวน'],
        ...Object.entries(r.movements).map(([k, n]) => [MOVE[k] ?? k, n]),
      ],
    },
    {
      name: `ภาวะโภชนาการ ${tag}`,
      rows: [
        [`ภาวะโภชนาการ (การวัดครั้งล่าสุดของแต่ละโรงเรียน) ${title}`],
        ['โรงเรียนที่มีข้อมูล', r.nutrition.schools],
        ['นักเรียนที่ชั่งวัด', r.nutrition.measured],
        [],
        ['น้ำหนักตามเกณฑ์ส่วนสูง', 'จำนวน'],
        ...Object.entries(r.nutrition.statuses).map(([k, n]) => [NUTRITION_TH[k as keyof typeof NUTRITION_TH] ?? k, n]),
        [],
        ['ส่วนสูงตามเกณฑ์อายุ', 'จำนวน'],
        ...Object.entries(r.nutrition.height).map(([k, n]) => [HEIGHT_TH[k as keyof typeof HEIGHT_TH] ?? k, n]),
        [],
        ['ต้องติดตาม', 'จำนวน'],
        ...Object.entries(r.nutrition.followUp).map(([k, n]) => [FOLLOW[k] ?? k, n]),
      ],
    },
  ];
  if (r.subsidy) {
    sheets.push({
      name: `เงินอุดหนุน ${tag}`,
      rows: [
        [`ประมาณการเงินอุดหนุนรายหัว ${title}`],
        [`อัตราปีการศึกษา ${r.subsidy.academicYear} ที่มา: ${r.subsidy.source}`],
        ['เป็นการประมาณการจากจำนวนนักเรียนที่ส่ง ไม่ใช่ยอดจัดสรรจริง'],
        ['รายการ', 'ระดับ', 'จำนวนนักเรียน', 'บาทต่อคน', 'บาท'],
        ...r.subsidy.lines.map((l) => [l.item, LEVEL[l.level], l.heads, l.bahtPerHead, l.baht]),
        ['รวม', '', '', '', r.subsidy.baht],
      ],
    });
  }
  return sheets;
}

export const nationalReportSheets = (report: NationalReport): SheetSpec[] => report.rounds.flatMap(roundSheets);
