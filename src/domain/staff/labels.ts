// The roster's code lists in the words EMIS and the schools use, Thai and English: what the screens show, what
// the roster workbook writes and what a roster file is read back with (the same words, so an export re-imports).
import type { Message } from '../validation/catalogue';
import { FUNDING, PERSONNEL_TYPES, STAFF_MOVEMENT_KINDS, STANDINGS, type PersonnelType, type Standing } from './schema';

const m = (th: string, en: string): Message => ({ th, en });

export const personnelTypeLabels: Record<PersonnelType, Message> = {
  'civil-teacher': m('ข้าราชการครู', 'Civil-service teacher'),
  administrator: m('ผู้บริหาร', 'Administrator'),
  'assistant-teacher': m('ครูผู้ช่วย', 'Assistant teacher'),
  'government-employee': m('พนักงานราชการ', 'Government employee'),
  'permanent-employee': m('ลูกจ้างประจำ', 'Permanent employee'),
  'temporary-employee': m('ลูกจ้างชั่วคราว', 'Temporary employee'),
  'contract-teacher': m('ครูอัตราจ้าง', 'Contract teacher'),
  other: m('อื่น ๆ', 'Other'),
};

export const standingLabels: Record<Standing, Message> = {
  k1: m('คศ.1', 'KS.1'),
  k2: m('คศ.2 ชำนาญการ', 'KS.2 Professional'),
  k3: m('คศ.3 ชำนาญการพิเศษ', 'KS.3 Senior professional'),
  k4: m('คศ.4 เชี่ยวชาญ', 'KS.4 Expert'),
  k5: m('คศ.5 เชี่ยวชาญพิเศษ', 'KS.5 Senior expert'),
};

export const adminPositionLabels: Record<'director' | 'deputy-director', Message> = {
  director: m('ผู้อำนวยการ', 'Director'),
  'deputy-director': m('รองผู้อำนวยการ', 'Deputy director'),
};

export const fundingLabels: Record<(typeof FUNDING)[number], Message> = {
  budget: m('งบประมาณ', 'Government budget'),
  'school-income': m('นอกงบประมาณ: เงินรายได้สถานศึกษา', 'Off-budget: school income'),
  'local-government': m('นอกงบประมาณ: องค์กรปกครองส่วนท้องถิ่น', 'Off-budget: local government'),
  donation: m('นอกงบประมาณ: เงินบริจาค', 'Off-budget: donation'),
  other: m('นอกงบประมาณ: อื่น ๆ', 'Off-budget: other'),
};

export const staffMovementLabels: Record<(typeof STAFF_MOVEMENT_KINDS)[number], Message> = {
  'move-in': m('ย้ายเข้า/บรรจุ', 'Moved in / appointed'),
  'move-out': m('ย้ายออก', 'Moved out'),
  retire: m('เกษียณ', 'Retired'),
  leave: m('ลาออก/พ้นสภาพ', 'Left'),
  death: m('ถึงแก่กรรม', 'Died'),
};

const norm = (s: string): string =>
  s
    .replace(/\s+/g, '')
    .replace(/[.\-:]/g, '')
    .toLowerCase();

/** Reads a label back (Thai, English, the code, "คศ.2", "ชำนาญการ"); undefined when it names nothing. */
function reader<C extends string>(
  labels: Record<C, Message>,
  extra: Record<string, NoInfer<C>> = {},
): (text: string) => C | undefined {
  const index = new Map<string, C>();
  for (const [code, l] of Object.entries(labels) as [C, Message][])
    for (const s of [code, l.th, l.en]) index.set(norm(s), code);
  for (const [s, code] of Object.entries(extra)) index.set(norm(s), code);
  return (text) => (text.trim() ? index.get(norm(text)) : undefined);
}

export const readPersonnelType = reader(personnelTypeLabels, {
  ข้าราชการ: 'civil-teacher',
  ครู: 'civil-teacher',
  พนักงานจ้างเหมา: 'temporary-employee',
});
export const readStanding = reader(standingLabels, {
  คศ1: 'k1',
  คศ2: 'k2',
  คศ3: 'k3',
  คศ4: 'k4',
  คศ5: 'k5',
  ชำนาญการ: 'k2',
  ชำนาญการพิเศษ: 'k3',
  เชี่ยวชาญ: 'k4',
  เชี่ยวชาญพิเศษ: 'k5',
});
export const readAdminPosition = reader(adminPositionLabels, {
  ผอ: 'director',
  รองผอ: 'deputy-director',
  ผู้อำนวยการสถานศึกษา: 'director',
  ผู้อำนวยการโรงเรียน: 'director',
  รองผู้อำนวยการสถานศึกษา: 'deputy-director',
  รองผู้อำนวยการโรงเรียน: 'deputy-director',
});
export const readFunding = reader(fundingLabels, {
  นอกงบประมาณ: 'other',
  เงินรายได้สถานศึกษา: 'school-income',
  อปท: 'local-government',
  บริจาค: 'donation',
});
export const readStaffMovementKind = reader(staffMovementLabels, {
  ย้ายออก: 'move-out',
  เกษียณอายุราชการ: 'retire',
  ลาออก: 'leave',
});

// วิทยฐานะ as a list names it after the position ("ครู ชำนาญการพิเศษ", "ครู คศ.3"), longest first.
const STANDING_WORDS = [
  'ชำนาญการพิเศษ',
  'เชี่ยวชาญพิเศษ',
  'ชำนาญการ',
  'เชี่ยวชาญ',
  ...[5, 4, 3, 2, 1].flatMap((n) => [`ค.ศ.${n}`, `คศ.${n}`, `คศ${n}`]),
];

/** "ครู ชำนาญการพิเศษ" in one cell → the position and the standing (null when none is named). */
export function splitPositionStanding(text: string): { position: string; standing: Standing | null } {
  const t = text.replace(/\s+/g, ' ').trim();
  const word = STANDING_WORDS.find((w) => t.endsWith(w));
  if (!word) return { position: t, standing: null };
  return {
    position: t
      .slice(0, -word.length)
      .replace(/[\s\-–/,]+$/, '')
      .trim(),
    standing: readStanding(word) ?? null,
  };
}

/** The personnel type a position names when the file has no type column (a list of names and positions). */
export function typeFromPosition(position: string): PersonnelType | undefined {
  if (readAdminPosition(position)) return 'administrator';
  return readPersonnelType(position);
}

export { PERSONNEL_TYPES, STANDINGS, FUNDING, STAFF_MOVEMENT_KINDS };
