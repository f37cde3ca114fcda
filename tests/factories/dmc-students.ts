// Synthetic students for spreadsheet tests, from a seeded generator: names are common Thai words put
// together, IDs have valid check digits but belong to nobody. Never real children's data.
import type { GradeCode } from '../../src/domain/codes';
import { citizenIdCheckDigit } from '../../src/domain/ids';
import { newStudent, type Student } from '../../src/domain/student/schema';
import { ageOn } from '../../src/domain/thai-date';

/** mulberry32: small, fast, and the same sequence on every machine. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BOYS = [
  'สมชาย',
  'ธนากร',
  'กิตติ',
  'ณัฐวุฒิ',
  'พงศกร',
  'วีระ',
  'อรุณ',
  'ภูมิ',
  'ธีรภัทร',
  'ปกรณ์',
  'ชยพล',
  'กานต์',
  'ศุภชัย',
  'อนุชา',
  'นที',
];
const GIRLS = [
  'มาลี',
  'สุดา',
  'กมลชนก',
  'พิมพ์ชนก',
  'ณัฐธิดา',
  'ปิยะดา',
  'อรอุมา',
  'ขวัญใจ',
  'ไอลดา',
  'เกศินี',
  'ชนิดา',
  'รัตนา',
  'วรรณา',
  'ศิริพร',
  'จันทร์เพ็ญ',
];
const SYL_A = [
  'ใจ',
  'ศรี',
  'ทอง',
  'แสง',
  'รัก',
  'มั่น',
  'สุข',
  'บุญ',
  'แก้ว',
  'เพชร',
  'ดวง',
  'ชัย',
  'พร',
  'วงศ์',
  'นาค',
  'คำ',
  'ฟ้า',
  'ดาว',
  'น้ำ',
  'ป่า',
];
const SYL_B = [
  'ดี',
  'งาม',
  'เรียน',
  'คง',
  'สวัสดิ์',
  'ประเสริฐ',
  'ทอง',
  'ใส',
  'สกุล',
  'วงศ์',
  'เจริญ',
  'รุ่ง',
  'เรือง',
  'ศักดิ์',
  'สุข',
  'มณี',
  'ไพร',
  'ธรรม',
  'กุล',
  'พันธ์',
];
const SYL_C = ['', 'ชัย', 'ศรี', 'ทิพย์', 'นนท์', 'เดช', 'วัฒน์', 'พงษ์', 'รัตน์', 'สิทธิ์'];
// Real DOPA areas (names as DMC writes them), so addresses resolve to codes.
export const AREAS = [
  { province: 'เชียงใหม่', district: 'เมืองเชียงใหม่', subdistrict: 'ศรีภูมิ', codes: [50, 5001, 500101] },
  { province: 'เชียงใหม่', district: 'เมืองเชียงใหม่', subdistrict: 'ช้างเผือก', codes: [50, 5001, 500107] },
] as const;

/** The n-th surname: unique for n below 4,000, so generated files have no accidental namesakes. */
export function surname(n: number): string {
  return SYL_A[n % 20]! + SYL_B[Math.floor(n / 20) % 20]! + SYL_C[Math.floor(n / 400) % 10]!;
}

export function generatedId(rand: () => number): string {
  const first12 = '1' + String(Math.floor(rand() * 1e11)).padStart(11, '0');
  return first12 + citizenIdCheckDigit(first12);
}

const pad = (n: number): string => String(n).padStart(2, '0');
const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

/** `count` students of a primary and lower-secondary school, on academic year 2569 (as of 2026-06-10). */
export function generateStudents(count: number, seed = 2569): Student[] {
  const rand = seeded(seed);
  return Array.from({ length: count }, (_, i) => {
    const sex = rand() < 0.5 ? 'M' : 'F';
    const gradeIndex = i % 9; // ป.1 … ม.3
    const grade = String(gradeIndex + 4).padStart(2, '0') as GradeCode;
    const birthYear = 2019 - gradeIndex - (rand() < 0.3 ? 1 : 0);
    const birthDate = `${birthYear}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
    const adult = ageOn(birthDate, '2026-06-10').years >= 15;
    const prefix = sex === 'M' ? (adult ? 'นาย' : 'เด็กชาย') : adult ? 'นางสาว' : 'เด็กหญิง';
    const area = pick(rand, AREAS);
    const lastName = surname(i);
    return newStudent(`gen-${i + 1}`, {
      idType: 'I',
      idNo: generatedId(rand),
      studentNo: String(10001 + i),
      prefix,
      sex,
      firstName: pick(rand, sex === 'M' ? BOYS : GIRLS),
      lastName,
      birthDate,
      grade,
      room: String(1 + (Math.floor(i / 9) % 3)),
      bloodGroup: pick(rand, ['A', 'B', 'O', 'AB']),
      religion: '001',
      nationality: '099',
      ethnicity: '099',
      health: {
        weightKg: Math.round((20 + gradeIndex * 4 + rand() * 8) * 10) / 10,
        heightCm: 115 + gradeIndex * 6 + Math.floor(rand() * 8),
        measuredOn: null,
      },
      addresses: {
        registered: {
          houseNo: `${1 + Math.floor(rand() * 200)}/${1 + Math.floor(rand() * 9)}`,
          moo: String(1 + Math.floor(rand() * 12)),
          road: rand() < 0.5 ? 'ซอย 3' : '',
          provinceCode: area.codes[0],
          districtCode: area.codes[1],
          subdistrictCode: area.codes[2],
        },
      },
      family: {
        father: { firstName: pick(rand, BOYS), lastName, occupation: pick(rand, ['4', '5', '3']) },
        mother: { firstName: pick(rand, GIRLS), lastName, occupation: pick(rand, ['4', '5', '0']) },
        guardian: { firstName: pick(rand, GIRLS), lastName, occupation: '5', relation: '02' },
      },
      welfare: { disadvantage: rand() < 0.2 ? '09' : '99' },
    });
  });
}
