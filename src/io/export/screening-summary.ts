// The class summary of poor-student screenings, one row a student, its columns in the order of the fund's
// online screens (student → household members and income → the 8 status dimensions → travel → address
// and GPS → photos and signatures), so a teacher re-keys from top to bottom without searching.
import { assessScreening } from '../../domain/screening/assess';
import { screeningLabel, type ScreeningListName } from '../../domain/screening/options';
import type { Screening } from '../../domain/screening/schema';
import type { Student } from '../../domain/student/schema';
import type { SheetSpec } from './book';
import type { CellValue } from './safe-cell';

const HEADER = [
  'ลำดับ',
  'เลขประจำตัวนักเรียน',
  'เลขประจำตัวประชาชน',
  'ชื่อ-นามสกุล',
  'สถานภาพครอบครัว',
  'อาศัยอยู่กับ',
  'ผู้ปกครอง',
  'โทรศัพท์ผู้ปกครอง',
  'ได้สวัสดิการแห่งรัฐ',
  'จำนวนสมาชิก',
  'รายได้รวมต่อเดือน (บาท)',
  'รายได้เฉลี่ยต่อคนต่อเดือน (บาท)',
  'ไม่เกิน 3,000 บาทต่อคน',
  'ภาระพึ่งพิง',
  'การอยู่อาศัย',
  'ค่าเช่าต่อเดือน',
  'พื้นบ้าน',
  'ผนังบ้าน',
  'หลังคา',
  'ห้องส้วม',
  'ที่ดินทำกิน',
  'น้ำดื่ม',
  'ไฟฟ้า',
  'ยานพาหนะ',
  'ของใช้ในครัวเรือน',
  'การเดินทาง',
  'ระยะทาง (กม./วัน)',
  'เวลา (นาที/วัน)',
  'ค่าเดินทาง (บาท/เดือน)',
  'ค่าขนม (บาท/วัน)',
  'ละติจูด',
  'ลองจิจูด',
  'ภาพนอกบ้าน',
  'ภาพในบ้าน',
  'ภาพที่ป้ายโรงเรียน',
  'ลายมือชื่อครู',
  'ลายมือชื่อผู้ปกครอง',
  'ลายมือชื่อเจ้าหน้าที่รัฐ',
  'ยินยอม PDPA',
] as const;

const labels = (list: ScreeningListName, codes: readonly string[]) =>
  codes.map((c) => screeningLabel(list, c)).join(', ');
const one = (list: ScreeningListName, code: string | null) => (code ? screeningLabel(list, code) : '');
const yes = (v: unknown) => (v ? 'มี' : 'ไม่มี');

export function screeningSummaryRow(n: number, student: Student, s: Screening): CellValue[] {
  const a = assessScreening(s);
  const h = s.household;
  return [
    n,
    student.studentNo,
    student.idNo,
    `${student.prefix}${student.firstName} ${student.lastName}`,
    one('familyStatus', s.student.familyStatus),
    one('livesWith', s.student.livesWith),
    s.student.guardian.name,
    s.student.guardian.phone,
    s.student.stateWelfareCard ? 'ได้' : 'ไม่ได้',
    a.members,
    a.incomeTotal,
    a.incomePerPerson,
    a.underIncomeLine === null ? '' : a.underIncomeLine ? 'ใช่' : 'ไม่ใช่',
    labels('dependants', h.dependants),
    one('housing', h.housing),
    h.rentPerMonth,
    labels('floor', h.floor),
    labels('walls', h.walls),
    labels('roof', h.roof),
    h.toilet === null ? '' : yes(h.toilet),
    one('farmland', h.farmland),
    labels('water', h.water),
    labels('electricity', h.electricity),
    labels('vehicles', h.vehicles),
    labels('appliances', h.appliances),
    labels('travelModes', s.travel.modes),
    s.travel.distanceKmPerDay,
    s.travel.minutesPerDay,
    s.travel.costPerMonth,
    s.travel.pocketMoneyPerDay,
    s.gps?.lat ?? null,
    s.gps?.lon ?? null,
    yes(s.photos.outside),
    yes(s.photos.inside),
    yes(s.photos.schoolSign),
    yes(s.signatures.teacher),
    yes(s.signatures.guardian),
    yes(s.signatures.official),
    s.consent.pdpa ? 'ยินยอม' : '',
  ];
}

export function screeningSummarySheet(
  title: string,
  items: readonly { student: Student; screening: Screening }[],
): SheetSpec {
  return {
    name: 'สรุป นร.01',
    rows: [[title], [...HEADER], ...items.map((it, i) => screeningSummaryRow(i + 1, it.student, it.screening))],
  };
}

export const SUMMARY_HEADER = HEADER;
