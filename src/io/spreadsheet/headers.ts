// DMC's column headers (../shared/data/dmc-headers/, see SOURCES.md there) and how a header cell is matched:
// by prefix, ignoring spaces and the notes DMC or a school adds ("รหัสโรงเรียน ต้องกรอก", "วันเกิด (วว/ดด/ปปปป)").
import type { FieldKey } from './fields';

/** 'ignore' marks a known DMC column that the record does not keep (age). */
export type HeaderTarget = FieldKey | 'ignore';

// The daily download (2568-1-student.xlsx), in file order. Column C is headed like F in real files.
export const DMC36: readonly [string, HeaderTarget][] = [
  ['รหัสโรงเรียน', 'schoolCode'],
  ['ชื่อโรงเรียน', 'schoolName'],
  ['เลขประจำตัวประชาชน', 'idNo'],
  ['ชั้น', 'grade'],
  ['ห้อง', 'room'],
  ['เลขประจำตัวนักเรียน', 'studentNo'],
  ['เพศ', 'sex'],
  ['คำนำหน้าชื่อ', 'prefix'],
  ['ชื่อ', 'firstName'],
  ['นามสกุล', 'lastName'],
  ['วันเกิด', 'birthDate'],
  ['อายุ(ปี)', 'ignore'],
  ['น้ำหนัก', 'health.weightKg'],
  ['ส่วนสูง', 'health.heightCm'],
  ['กลุ่มเลือด', 'bloodGroup'],
  ['ศาสนา', 'religion'],
  ['เชื้อชาติ', 'ethnicity'],
  ['สัญชาติ', 'nationality'],
  ['บ้านเลขที่', 'addresses.registered.houseNo'],
  ['หมู่', 'addresses.registered.moo'],
  ['ถนน/ซอย', 'addresses.registered.road'],
  ['ตำบล', 'area.registered.subdistrict'],
  ['อำเภอ', 'area.registered.district'],
  ['จังหวัด', 'area.registered.province'],
  ['ชื่อผู้ปกครอง', 'family.guardian.firstName'],
  ['นามสกุลผู้ปกครอง', 'family.guardian.lastName'],
  ['อาชีพของผู้ปกครอง', 'family.guardian.occupation'],
  ['ความเกี่ยวข้องของผู้ปกครองกับนักเรียน', 'family.guardian.relation'],
  ['ชื่อบิดา', 'family.father.firstName'],
  ['นามสกุลบิดา', 'family.father.lastName'],
  ['อาชีพของบิดา', 'family.father.occupation'],
  ['ชื่อมารดา', 'family.mother.firstName'],
  ['นามสกุลมารดา', 'family.mother.lastName'],
  ['อาชีพของมารดา', 'family.mother.occupation'],
  ['ความด้อยโอกาส', 'welfare.disadvantage'],
  ['ยังไม่สามารถจำหน่ายได้ (3.1.8)', 'ignore'],
];

const personCols = (th: string, who: 'father' | 'mother' | 'guardian'): [string, HeaderTarget][] => [
  [`หมายเลขบัตรประชาชน${th}`, `family.${who}.idNo`],
  [`คำนำหน้าชื่อ${th}`, `family.${who}.prefix`],
  [`ชื่อ${th}`, `family.${who}.firstName`],
  [`นามสกุล${th}`, `family.${who}.lastName`],
  [`รายได้ต่อเดือนของ${th}`, `family.${who}.income`],
  [`หมายเลขโทรศัพท์ของ${th}`, `family.${who}.phone`],
];
const addressCols = (th: string, w: 'registered' | 'current'): [string, HeaderTarget][] => [
  [`รหัสประจำบ้าน (${th})`, `addresses.${w}.houseCode`],
  [`เลขที่บ้าน (${th})`, `addresses.${w}.houseNo`],
  [`หมู่ (${th})`, `addresses.${w}.moo`],
  [`ถนน (${th})`, `addresses.${w}.road`],
  [`ตำบล (${th})`, `area.${w}.subdistrict`],
  [`อำเภอ (${th})`, `area.${w}.district`],
  [`จังหวัด (${th})`, `area.${w}.province`],
  [`รหัสไปรษณีย์ (${th})`, `addresses.${w}.postcode`],
  [`หมายเลขโทรศัพท์ (${th})`, `addresses.${w}.phone`],
];

// The older, fuller per-student export, in file order.
export const DMC76: readonly [string, HeaderTarget][] = [
  ['รหัสโรงเรียน', 'schoolCode'],
  ['ชื่อโรงเรียน', 'schoolName'],
  ['เลขประจำตัวประชาชน', 'idNo'],
  ['ชั้น', 'grade'],
  ['ห้อง', 'room'],
  ['รหัสนักเรียน', 'studentNo'],
  ['เพศ', 'sex'],
  ['คำนำหน้าชื่อ', 'prefix'],
  ['ชื่อ', 'firstName'],
  ['นามสกุล', 'lastName'],
  ['ชื่อ (อังกฤษ)', 'firstNameEn'],
  ['นามสกุล (อังกฤษ)', 'lastNameEn'],
  ['วันเกิด', 'birthDate'],
  ['อายุ(ปี)', 'ignore'],
  ['อายุ(เดือน)', 'ignore'],
  ['หมู่โลหิต', 'bloodGroup'],
  ['เชื้อชาติ', 'ethnicity'],
  ['สัญชาติ', 'nationality'],
  ['ศาสนา', 'religion'],
  ['จำนวนพี่ชาย', 'family.siblings.olderBrothers'],
  ['จำนวนน้องชาย', 'family.siblings.youngerBrothers'],
  ['จำนวนพี่สาว', 'family.siblings.olderSisters'],
  ['จำนวนน้องสาว', 'family.siblings.youngerSisters'],
  ['เป็นบุตรคนที่', 'family.siblings.childNumber'],
  ['สถานภาพสมรสของบิดามารดา', 'family.parentsMaritalStatus'],
  ...personCols('บิดา', 'father'),
  ...personCols('มารดา', 'mother'),
  ['ความเกี่ยวข้องของผู้ปกครองกับนักเรียน', 'family.guardian.relation'],
  ...personCols('ผู้ปกครอง', 'guardian'),
  ...addressCols('ทะเบียนบ้าน', 'registered'),
  ...addressCols('ที่อยู่ปัจจุบัน', 'current'),
  ['น้ำหนัก', 'health.weightKg'],
  ['ส่วนสูง', 'health.heightCm'],
  ['ความด้อยโอกาส', 'welfare.disadvantage'],
  ['การพักนอนประจำ', 'welfare.boarding'],
  ['ขาดแคลนเครื่องแบบ', 'welfare.shortages.uniform'],
  ['ขาดแคลนเครื่องเขียน', 'welfare.shortages.stationery'],
  ['ขาดแคลนแบบเรียน', 'welfare.shortages.textbooks'],
  ['ขาดแคลนอาหารกลางวัน', 'welfare.shortages.lunch'],
  ['ความพิการ', 'welfare.disability'],
  ['ระยะทางจากบ้านถึงโรงเรียน (ถนนลูกรัง)', 'welfare.distanceKm.laterite'],
  ['ระยะทางจากบ้านถึงโรงเรียน (ถนนลาดยาง)', 'welfare.distanceKm.asphalt'],
  ['ระยะทางจากบ้านถึงโรงเรียน (ทางน้ำ)', 'welfare.distanceKm.water'],
  ['ระยะเวลาจากบ้านถึงโรงเรียน', 'welfare.travelMinutes'],
  ['ลักษณะการเดินทางมาโรงเรียน', 'welfare.travelMode'],
];

// Other names schools and the newer 91-column export use for the same columns.
const EXTRA: readonly [string, HeaderTarget][] = [
  ['เลขบัตรประชาชน', 'idNo'],
  ['เลขประจำตัวประชาชน13หลัก', 'idNo'],
  ['ชื่อ-นามสกุล', 'fullName'],
  ['ชื่อ-สกุล', 'fullName'],
  ['ชื่อสกุล', 'fullName'],
  ['ชื่อและนามสกุล', 'fullName'],
  ['ชั้น/ห้อง', 'classRoom'],
  ['ชั้นเรียน', 'grade'],
  ['ระดับชั้น', 'grade'],
  ['วันเดือนปีเกิด', 'birthDate'],
  ['ว/ด/ปเกิด', 'birthDate'],
  ['เลขที่บ้าน', 'addresses.registered.houseNo'],
  ['เลขที่', 'ignore'],
  ['ลำดับ', 'ignore'],
  ['ชื่อเล่น', 'ignore'],
  ['อายุ', 'ignore'],
  ['อาชีพบิดา', 'family.father.occupation'],
  ['อาชีพมารดา', 'family.mother.occupation'],
  ['อาชีพผู้ปกครอง', 'family.guardian.occupation'],
  ['ประเภทนักเรียน', 'ignore'],
  ['จังหวัดที่เกิด', 'ignore'],
  ['gpax', 'ignore'],
  ['gpa', 'ignore'],
];

/** Spaces (any kind), zero-width marks and the asterisk of required columns say nothing about a header. */
export function normaliseHeader(text: string): string {
  return text.replace(/[\s\u200b-\u200d\ufeff*]/g, '').toLowerCase();
}

const DICTIONARY: readonly [string, HeaderTarget][] = (() => {
  const byKey = new Map<string, HeaderTarget>();
  for (const [text, target] of [...DMC36, ...DMC76, ...EXTRA]) {
    const key = normaliseHeader(text);
    if (!byKey.has(key)) byKey.set(key, target);
  }
  // Longest first, so "ชื่อบิดา" wins over "ชื่อ" and "หมู่(ทะเบียนบ้าน)" over "หมู่".
  return [...byKey].sort((a, b) => b[0].length - a[0].length);
})();

/** The field a header names: exact match, else the longest known header it starts with. */
export function matchHeader(text: string): HeaderTarget | null {
  const key = normaliseHeader(text);
  if (key === '') return null;
  for (const [known, target] of DICTIONARY) if (key.startsWith(known)) return target;
  return null;
}
