// Test-data factory for a district: schools with their own keys, generated students whose
// (birth date, first name) never repeat by accident, submissions made with the same createBundle the
// app uses, and planted cross-school cases (same ID, same child under two IDs, twins, transfers).
import { toBase64, type Bytes } from '../../src/domain/bundle/bytes';
import { submissionContents } from '../../src/domain/bundle/contents';
import { createBundle, type CreatedBundle } from '../../src/domain/bundle/create';
import { generateSigningKey, type SigningKey } from '../../src/domain/bundle/keys';
import { payloadFile, type PayloadFile } from '../../src/domain/bundle/payloads';
import type { TrustedKey, TrustList } from '../../src/domain/bundle/trust';
import { citizenIdCheckDigit } from '../../src/domain/ids';
import { newStudent, type Student } from '../../src/domain/student/schema';
import type { MovementKind } from '../../src/domain/year/movement';
import { findingsContents } from '../../src/domain/district/findings';
import { referenceAt } from '../../src/domain/growth/assess';
import { ageInDays } from '../../src/domain/growth/age';
import { lmsValue, restrictedValue } from '../../src/domain/growth/lms';
import { lmsAt, type GrowthReferences, type ReferenceData, type Who2006Data } from '../../src/domain/growth/tables';
import who2006 from '../../src/domain/growth/data/who2006.json';
import who2007 from '../../src/domain/growth/data/who2007.json';

const growthRefs: GrowthReferences = { who2006: who2006 as Who2006Data, who2007: who2007 as ReferenceData };
import type { Acknowledgement, FindingRecord } from '../../src/domain/district/findings-payload';

export const random = (n: number): Bytes => crypto.getRandomValues(new Uint8Array(n));
export const DISTRICT = { code: '1050', name: 'สพป.ทดสอบ เขต 1' };
export const AS_OF = '2026-06-10';
const AT = '2026-06-10T15:00:00+07:00';

const FIRST = [
  'มาลี',
  'สมชาย',
  'ปิติ',
  'ชูใจ',
  'มานะ',
  'วีระ',
  'ดวงใจ',
  'สุดา',
  'อรุณ',
  'กมล',
  'ณัฐ',
  'พิมพ์',
  'ธนา',
  'ศศิ',
  'ภูมิ',
  'ขวัญ',
  'นที',
  'รุ้ง',
  'เมฆ',
  'ฟ้า',
  'ต้นกล้า',
  'ใบบัว',
  'กานดา',
  'ชนิดา',
  'ปัณณ์',
  'อิงอร',
  'ธีร์',
  'วิภา',
  'สายฝน',
  'ลมหนาว',
];
const SYL = ['กิจ', 'วงศ์', 'ศรี', 'สุข', 'ทอง', 'แก้ว', 'บุญ', 'ชัย', 'พงษ์', 'รักษ์', 'เจริญ', 'มั่น', 'คง', 'ดี', 'งาม', 'เพชร'];
const DAYS = 4000;

/** A valid citizen ID from a test range, unique for each n < 10^10. */
export const testCitizenId = (n: number): string => {
  const first12 = String(110180000000 + n);
  return first12 + citizenIdCheckDigit(first12);
};

/** Surnames from the index in base 16 syllables, with the index itself as a last check syllable pair. */
const surname = (n: number): string => {
  let out = '';
  for (let k = n, i = 0; i < 5; i++, k = Math.floor(k / 16)) out += SYL[k % 16]!;
  return out;
};
const birthDate = (n: number): string =>
  new Date(Date.UTC(2012, 0, 1) + (n % DAYS) * 86_400_000).toISOString().slice(0, 10);

/** The n-th generated student: its (birth date, first name) pair is unique for n < 120,000. */
export function generatedStudent(n: number, fields: Partial<Student> = {}): Student {
  const sex = n % 2 === 0 ? 'F' : 'M';
  return newStudent(`00000000-0000-4000-8000-${String(n).padStart(12, '0')}`, {
    idType: 'I',
    idNo: testCitizenId(n),
    prefix: sex === 'F' ? 'เด็กหญิง' : 'เด็กชาย',
    firstName: FIRST[Math.floor(n / DAYS) % FIRST.length]!,
    lastName: surname(n),
    sex,
    birthDate: birthDate(n),
    grade: String(4 + (n % 6)).padStart(2, '0') as Student['grade'],
    room: '1',
    status: 'active',
    enteredOn: '2025-05-16',
    ...fields,
  });
}

export interface TestSchool {
  code: string;
  smis: string;
  name: string;
  staff: SigningKey;
  director: SigningKey;
  students: Student[];
  movements: {
    id: string;
    studentId: string;
    kind: MovementKind;
    effectiveOn: string;
    cause: string | null;
    school: string;
    reversedAt: null;
  }[];
  /** measurement/1 records sent with the submission (none unless a test adds them). */
  measurements?: {
    id: string;
    studentId: string;
    measuredOn: string;
    weightKg: number | null;
    heightCm: number | null;
  }[];
}

export async function makeSchool(i: number, students: Student[] = []): Promise<TestSchool> {
  return {
    code: String(1050130000 + i),
    smis: String(50130000 + i),
    name: `โรงเรียนทดสอบที่ ${i}`,
    staff: await generateSigningKey(false),
    director: await generateSigningKey(false),
    students,
    movements: [],
  };
}

/** `count` schools of `perSchool` generated students each, numbered from `first`. */
export async function makeSchools(count: number, perSchool: number, first = 0): Promise<TestSchool[]> {
  const out: TestSchool[] = [];
  for (let i = 0; i < count; i++) {
    const base = first + i * perSchool;
    out.push(
      await makeSchool(
        i + 1,
        Array.from({ length: perSchool }, (_, k) => generatedStudent(base + k)),
      ),
    );
  }
  return out;
}

export function trustOf(schools: readonly TestSchool[]): TrustList {
  const keys: TrustedKey[] = schools.flatMap((s) =>
    (
      [
        ['staff', s.staff],
        ['director', s.director],
      ] as const
    ).map(([role, key]) => ({
      keyid: key.keyid,
      alg: 'ES256' as const,
      spki: toBase64(key.spki),
      role,
      name: `${role} ${s.name}`,
      school: s.code,
    })),
  );
  return { format: 'tabian-trust/1', keys };
}

export interface SubmitOptions {
  encryptTo?: { keyid: string; spki: Bytes } | null;
  sequence?: number;
  previous?: string | null;
  asOf?: string;
  bundleId?: string;
  /** Another district than DISTRICT (a province's tests). */
  district?: { code: string; name: string };
  /** Another round than term 1 of 2569. */
  academicYear?: number;
  round?: 'term1' | 'term2' | 'year-end';
  /** More payload files (the staff roster, a building survey: district-emis.ts). */
  extra?: PayloadFile[];
}

export async function submissionOf(school: TestSchool, opts: SubmitOptions = {}): Promise<CreatedBundle> {
  const contents = submissionContents(school.students);
  if (school.movements.length)
    contents.files.push(payloadFile('payload/movements.jsonl', 'movement/1', school.movements));
  if (school.measurements?.length)
    contents.files.push(payloadFile('payload/measurements.jsonl', 'measurement/1', school.measurements));
  contents.files.push(...(opts.extra ?? []));
  const sequence = opts.sequence ?? 1;
  return createBundle(
    {
      kind: 'submission',
      bundleId: opts.bundleId ?? crypto.randomUUID(),
      createdAt: AT,
      app: { name: 'tabian', version: '0.1.0' },
      school: { code: school.code, smis: school.smis, name: school.name },
      district: opts.district ?? DISTRICT,
      academicYear: opts.academicYear ?? 2569,
      round: opts.round ?? 'term1',
      asOf: opts.asOf ?? AS_OF,
      sequence,
      previous: opts.previous ?? null,
      ...contents,
      signers: [
        { key: school.staff, role: 'staff', name: `ครู ${school.name}`, act: 'confirm-existence', at: AT },
        { key: school.director, role: 'director', name: `ผอ. ${school.name}`, act: 'certify', at: AT },
      ],
      encryptTo: opts.encryptTo ?? null,
    },
    random,
  );
}

let planted = 900_000;
function copyOf(s: Student, fields: Partial<Student>): Student {
  const { id: _id, ...rest } = s;
  return newStudent(`00000000-0000-4000-9000-${String(planted++).padStart(12, '0')}`, { ...rest, ...fields });
}

/** Plants the cross-school cases in `a`, `b`, `c` (distinct schools) and says what the check must find. */
export function plantCases(a: TestSchool, b: TestSchool, c: TestSchool) {
  const [s1, s2, s3, s4, s5, s6] = a.students;
  // 1. The same ID counted by A and B.
  b.students.push(copyOf(s1!, {}));
  // 2. The same child under another ID in C: same birth date and name.
  c.students.push(copyOf(s2!, { idNo: testCitizenId(5_000_000 + planted) }));
  // 3. A twin in B: same surname and birth date, another first name and ID. Never a pair.
  b.students.push(copyOf(s3!, { idNo: testCitizenId(5_000_000 + planted), firstName: 'แฝดน้อง' }));
  // 4. A consistent transfer A → C before the as-of date: only C counts the student.
  a.students[3] = { ...s4!, status: 'transferred-out' };
  a.movements.push({
    id: `m-${s4!.id}`,
    studentId: s4!.id,
    kind: 'transfer-out',
    effectiveOn: '2026-06-01',
    cause: 'transfer',
    school: c.name,
    reversedAt: null,
  });
  const moved = copyOf(s4!, { enteredOn: '2026-06-01' });
  c.students.push(moved);
  c.movements.push({
    id: `m-${moved.id}`,
    studentId: moved.id,
    kind: 'transfer-in',
    effectiveOn: '2026-06-01',
    cause: null,
    school: a.name,
    reversedAt: null,
  });
  // 5. A transfer with dates that disagree: A lets the student go after the as-of date, B took them before.
  a.students[4] = { ...s5!, status: 'transferred-out' };
  a.movements.push({
    id: `m-${s5!.id}`,
    studentId: s5!.id,
    kind: 'transfer-out',
    effectiveOn: '2026-06-20',
    cause: 'transfer',
    school: b.name,
    reversedAt: null,
  });
  const early = copyOf(s5!, { enteredOn: '2026-06-01' });
  b.students.push(early);
  b.movements.push({
    id: `m-${early.id}`,
    studentId: early.id,
    kind: 'transfer-in',
    effectiveOn: '2026-06-01',
    cause: null,
    school: a.name,
    reversedAt: null,
  });
  // 6. The same child in C with a surname one letter off and another ID.
  c.students.push(copyOf(s6!, { idNo: testCitizenId(5_000_000 + planted), lastName: s6!.lastName.slice(0, -1) + 'ณ' }));
  return {
    pairs: [
      { rule: 'id.duplicate', match: 'same-id', schools: [a.code, b.code], idNo: s1!.idNo },
      { rule: 'person.possible_duplicate', match: 'same-name', schools: [a.code, c.code], idNo: s2!.idNo },
      { rule: 'id.duplicate', match: 'same-id', schools: [a.code, b.code], idNo: s5!.idNo },
      { rule: 'person.possible_duplicate', match: 'close-surname', schools: [a.code, c.code], idNo: s6!.idNo },
    ],
    twin: s3!,
    transferred: s4!,
  };
}

/** A findings bundle from the district to `school`, as the app's acknowledgement makes it. */
export async function findingsBundleOf(
  district: SigningKey,
  school: { code: string; smis: string; name: string },
  findings: FindingRecord[],
  ack: Acknowledgement | null,
  link: { sequence: number; previous: string | null } = { sequence: 1, previous: null },
): Promise<CreatedBundle> {
  const at = ack?.at ?? AT;
  return createBundle(
    {
      kind: 'findings',
      bundleId: crypto.randomUUID(),
      createdAt: at,
      app: { name: 'tabian', version: '0.1.0' },
      school,
      district: DISTRICT,
      academicYear: 2569,
      round: 'term1',
      asOf: AS_OF,
      ...link,
      ...findingsContents(findings, ack),
      signers: [{ key: district, role: 'district', name: 'นายสมปอง ข้อมูลดี', act: ack ? 'acknowledge' : 'findings', at }],
      encryptTo: null,
    },
    random,
  );
}

export const districtTrust = (district: SigningKey): TrustList => ({
  format: 'tabian-trust/1',
  keys: [
    {
      keyid: district.keyid,
      alg: 'ES256',
      spki: toBase64(district.spki),
      role: 'district',
      name: DISTRICT.name,
      school: null,
    },
  ],
});

/** Weight and height that give these BMI-for-age and height-for-age z for the student on that date. */
export function bodyAt(s: Student, on: string, zBmi: number, zHeight: number): { weightKg: number; heightCm: number } {
  const at = referenceAt(growthRefs, ageInDays(s.birthDate!, on))!;
  const heightCm = Math.round(lmsValue(zHeight, lmsAt(at.data.height, s.sex!, at.age)!) * 10) / 10;
  const bmi = restrictedValue(zBmi, lmsAt(at.data.bmi, s.sex!, at.age)!);
  return { heightCm, weightKg: Math.round(bmi * (heightCm / 100) ** 2 * 10) / 10 };
}

/** Nutrition patterns a generated student gets by n mod 5: normal, thin, obese, short, normal. */
export const NUTRITION_PATTERN = [
  [0, 0],
  [-2.6, 0],
  [2.6, 0],
  [0, -2.6],
  [0.2, 0.2],
] as const;

/** Measures every student of the school on `on` by NUTRITION_PATTERN; `skip` leaves every k-th student unmeasured. */
export function measureSchool(school: TestSchool, on: string, skip = 0): void {
  school.measurements = school.students.flatMap((s, i) => {
    if (skip && i % skip === skip - 1) return [];
    const [zb, zh] = NUTRITION_PATTERN[i % NUTRITION_PATTERN.length]!;
    return [{ id: `${on}/${s.id}`, studentId: s.id, measuredOn: on, ...bodyAt(s, on, zb, zh) }];
  });
}
