// What a spreadsheet column can hold: a path in the student record (schema student/1) or a helper key
// that the row reader turns into record fields (area names, "ชื่อ-นามสกุล" in one cell, "ป.1/2").
// The Thai labels are DMC's own header texts, so the mapping screen speaks the officer's language.

export type ValueKind = 'id' | 'text' | 'phone' | 'date' | 'number' | 'code' | 'area' | 'helper';
export interface FieldSpec {
  th: string;
  en: string;
  kind: ValueKind;
}

const f = (th: string, en: string, kind: ValueKind): FieldSpec => ({ th, en, kind });

type PersonPart = 'idNo' | 'prefix' | 'firstName' | 'lastName' | 'occupation' | 'income' | 'phone';
type AddressPart = 'houseCode' | 'houseNo' | 'moo' | 'road' | 'postcode' | 'phone';
type AreaPart = 'subdistrict' | 'district' | 'province';

function person<W extends 'father' | 'mother' | 'guardian'>(
  who: W,
  th: string,
  en: string,
): Record<`family.${W}.${PersonPart}`, FieldSpec> {
  return {
    [`family.${who}.idNo`]: f(`หมายเลขบัตรประชาชน${th}`, `${en}'s citizen ID`, 'id'),
    [`family.${who}.prefix`]: f(`คำนำหน้าชื่อ${th}`, `${en}'s prefix`, 'text'),
    [`family.${who}.firstName`]: f(`ชื่อ${th}`, `${en}'s first name`, 'text'),
    [`family.${who}.lastName`]: f(`นามสกุล${th}`, `${en}'s last name`, 'text'),
    [`family.${who}.occupation`]: f(`อาชีพของ${th}`, `${en}'s occupation`, 'code'),
    [`family.${who}.income`]: f(`รายได้ต่อเดือนของ${th}`, `${en}'s monthly income`, 'number'),
    [`family.${who}.phone`]: f(`หมายเลขโทรศัพท์ของ${th}`, `${en}'s phone`, 'phone'),
  } as Record<`family.${W}.${PersonPart}`, FieldSpec>;
}

type AddressKeys<W extends string> = `addresses.${W}.${AddressPart}` | `area.${W}.${AreaPart}`;

function address<W extends 'registered' | 'current'>(
  which: W,
  th: string,
  en: string,
): Record<AddressKeys<W>, FieldSpec> {
  return {
    [`addresses.${which}.houseCode`]: f(`รหัสประจำบ้าน (${th})`, `House code (${en})`, 'text'),
    [`addresses.${which}.houseNo`]: f(`บ้านเลขที่ (${th})`, `House number (${en})`, 'text'),
    [`addresses.${which}.moo`]: f(`หมู่ (${th})`, `Moo (${en})`, 'text'),
    [`addresses.${which}.road`]: f(`ถนน/ซอย (${th})`, `Road (${en})`, 'text'),
    [`area.${which}.subdistrict`]: f(`ตำบล (${th})`, `Subdistrict (${en})`, 'area'),
    [`area.${which}.district`]: f(`อำเภอ (${th})`, `District (${en})`, 'area'),
    [`area.${which}.province`]: f(`จังหวัด (${th})`, `Province (${en})`, 'area'),
    [`addresses.${which}.postcode`]: f(`รหัสไปรษณีย์ (${th})`, `Postcode (${en})`, 'text'),
    [`addresses.${which}.phone`]: f(`หมายเลขโทรศัพท์ (${th})`, `Phone (${en})`, 'phone'),
  } as Record<AddressKeys<W>, FieldSpec>;
}

export const FIELDS = {
  idNo: f('เลขประจำตัวประชาชน', 'Citizen ID', 'id'),
  studentNo: f('เลขประจำตัวนักเรียน', 'Student number', 'text'),
  prefix: f('คำนำหน้าชื่อ', 'Prefix', 'text'),
  firstName: f('ชื่อ', 'First name', 'text'),
  lastName: f('นามสกุล', 'Last name', 'text'),
  fullName: f('ชื่อ-นามสกุล (ในช่องเดียว)', 'Full name (one cell)', 'helper'),
  firstNameEn: f('ชื่อ (อังกฤษ)', 'First name (English)', 'text'),
  lastNameEn: f('นามสกุล (อังกฤษ)', 'Last name (English)', 'text'),
  sex: f('เพศ', 'Sex', 'text'),
  birthDate: f('วันเกิด', 'Birth date', 'date'),
  grade: f('ชั้น', 'Grade', 'text'),
  room: f('ห้อง', 'Room', 'text'),
  classRoom: f('ชั้น/ห้อง (เช่น ป.1/2)', 'Grade/room (e.g. ป.1/2)', 'helper'),
  bloodGroup: f('กลุ่มเลือด', 'Blood group', 'code'),
  religion: f('ศาสนา', 'Religion', 'code'),
  ethnicity: f('เชื้อชาติ', 'Ethnicity', 'code'),
  nationality: f('สัญชาติ', 'Nationality', 'code'),
  'health.weightKg': f('น้ำหนัก', 'Weight (kg)', 'number'),
  'health.heightCm': f('ส่วนสูง', 'Height (cm)', 'number'),
  ...address('registered', 'ทะเบียนบ้าน', 'registered'),
  ...address('current', 'ที่อยู่ปัจจุบัน', 'current'),
  ...person('father', 'บิดา', 'Father'),
  ...person('mother', 'มารดา', 'Mother'),
  ...person('guardian', 'ผู้ปกครอง', 'Guardian'),
  'family.guardian.relation': f('ความเกี่ยวข้องของผู้ปกครองกับนักเรียน', "Guardian's relation", 'code'),
  'family.parentsMaritalStatus': f('สถานภาพสมรสของบิดามารดา', "Parents' marital status", 'code'),
  'family.siblings.olderBrothers': f('จำนวนพี่ชาย', 'Older brothers', 'number'),
  'family.siblings.youngerBrothers': f('จำนวนน้องชาย', 'Younger brothers', 'number'),
  'family.siblings.olderSisters': f('จำนวนพี่สาว', 'Older sisters', 'number'),
  'family.siblings.youngerSisters': f('จำนวนน้องสาว', 'Younger sisters', 'number'),
  'family.siblings.childNumber': f('เป็นบุตรคนที่', 'Child number', 'number'),
  'welfare.disadvantage': f('ความด้อยโอกาส', 'Disadvantage', 'code'),
  'welfare.disability': f('ความพิการ', 'Disability', 'code'),
  'welfare.boarding': f('การพักนอนประจำ', 'Boarding', 'code'),
  'welfare.shortages.uniform': f('ขาดแคลนเครื่องแบบ', 'Lacks uniform', 'code'),
  'welfare.shortages.stationery': f('ขาดแคลนเครื่องเขียน', 'Lacks stationery', 'code'),
  'welfare.shortages.textbooks': f('ขาดแคลนแบบเรียน', 'Lacks textbooks', 'code'),
  'welfare.shortages.lunch': f('ขาดแคลนอาหารกลางวัน', 'Lacks lunch', 'code'),
  'welfare.distanceKm.laterite': f('ระยะทางจากบ้านถึงโรงเรียน (ถนนลูกรัง)', 'Distance on laterite road (km)', 'number'),
  'welfare.distanceKm.asphalt': f('ระยะทางจากบ้านถึงโรงเรียน (ถนนลาดยาง)', 'Distance on asphalt road (km)', 'number'),
  'welfare.distanceKm.water': f('ระยะทางจากบ้านถึงโรงเรียน (ทางน้ำ)', 'Distance by water (km)', 'number'),
  'welfare.travelMinutes': f('ระยะเวลาจากบ้านถึงโรงเรียน', 'Travel time (minutes)', 'number'),
  'welfare.travelMode': f('ลักษณะการเดินทางมาโรงเรียน', 'Travel mode', 'code'),
  schoolCode: f('รหัสโรงเรียน', 'School code', 'helper'),
  schoolName: f('ชื่อโรงเรียน', 'School name', 'helper'),
} as const satisfies Record<string, FieldSpec>;

export type FieldKey = keyof typeof FIELDS;
export const FIELD_KEYS = Object.keys(FIELDS) as FieldKey[];
export const isFieldKey = (s: unknown): s is FieldKey => typeof s === 'string' && Object.hasOwn(FIELDS, s);

/** A column's place in the file: null means the column is left out. */
export type ColumnFields = (FieldKey | null)[];

/** The record paths that a set of columns fills: what an update may overwrite. */
export function recordPaths(columns: readonly (FieldKey | null)[]): string[] {
  const paths = new Set<string>();
  for (const key of columns) {
    if (key === null || key === 'schoolCode' || key === 'schoolName') continue;
    if (key === 'fullName') ['prefix', 'firstName', 'lastName'].forEach((p) => paths.add(p));
    else if (key === 'classRoom') ['grade', 'room'].forEach((p) => paths.add(p));
    else if (key.startsWith('area.')) {
      const [, which, level] = key.split('.') as [string, string, string];
      paths.add(`addresses.${which}.${level}Code`);
    } else paths.add(key);
  }
  if (paths.has('idNo')) paths.add('idType');
  return [...paths];
}
