// The roster's checks, with the students' own rules where they exist: the citizen-ID check, and duplicates
// through the twin-safe findDuplicates (two teachers born on one day with rhyming names are not flagged).
import { checkId, normaliseIdInput } from '../ids';
import { findDuplicates } from '../duplicates/find';
import type { Message } from '../validation/catalogue';
import { staffCountsOn } from './headcount';
import type { Staff } from './schema';

export const STAFF_RULES = {
  'staff.name.missing': 'error',
  'staff.id.missing': 'warning',
  'staff.id.format': 'error',
  'staff.id.checksum': 'error',
  'staff.id.duplicate': 'error',
  'staff.person.possible_duplicate': 'warning',
  'staff.sex.missing': 'error',
  'staff.standing.type_mismatch': 'error',
  'staff.position.missing': 'error',
  'staff.homeroom.unknown': 'error',
  'staff.funding.missing': 'warning',
  'staff.user.no_record': 'warning',
} as const;
export type StaffRule = keyof typeof STAFF_RULES;

export interface StaffFinding {
  rule: StaffRule;
  severity: 'error' | 'warning';
  /** The roster record, or null for an app user without one. */
  staffId: string | null;
  userId?: string;
  /** The field to show it beside, in the person's form. */
  field: string;
  /** Room keys, or the other person's name: what the sentence needs besides the rule. */
  detail?: string;
  /** The duplicate rules' own reason, in both languages. */
  reason?: Message;
}

/** Types paid outside the civil-service budget lines, for whom EMIS asks where the pay comes from. */
const CONTRACT_TYPES: readonly Staff['personnelType'][] = ['temporary-employee', 'contract-teacher'];
/** Only civil-service teachers and administrators hold a คศ. standing. */
const STANDING_TYPES: readonly Staff['personnelType'][] = ['civil-teacher', 'administrator'];

const finding = (
  rule: StaffRule,
  staffId: string | null,
  field: string,
  more: Partial<StaffFinding> = {},
): StaffFinding => ({
  rule,
  severity: STAFF_RULES[rule],
  staffId,
  field,
  ...more,
});

/** One person's own checks, as the form shows them; `rooms` are the school's "grade/room" keys. */
export function checkStaff(s: Staff, rooms: readonly string[]): StaffFinding[] {
  const out: StaffFinding[] = [];
  if (!s.firstName.trim() || !s.lastName.trim()) out.push(finding('staff.name.missing', s.id, 'firstName'));
  if (!s.idNo.trim()) out.push(finding('staff.id.missing', s.id, 'idNo'));
  else {
    const c = checkId(s.idNo);
    if (!c.valid || c.idType !== 'I')
      out.push(finding(c.reason === 'checksum' ? 'staff.id.checksum' : 'staff.id.format', s.id, 'idNo'));
  }
  if (!s.sex) out.push(finding('staff.sex.missing', s.id, 'sex'));
  if (s.standing && !STANDING_TYPES.includes(s.personnelType))
    out.push(finding('staff.standing.type_mismatch', s.id, 'standing'));
  if (s.personnelType === 'administrator') {
    if (s.position !== 'director' && s.position !== 'deputy-director')
      out.push(finding('staff.position.missing', s.id, 'position'));
    else if (s.position === 'deputy-director' && s.standing === 'k5')
      out.push(finding('staff.standing.type_mismatch', s.id, 'standing'));
  }
  const unknown = s.homerooms.filter((r) => !rooms.includes(r));
  if (unknown.length) out.push(finding('staff.homeroom.unknown', s.id, 'homerooms', { detail: unknown.join(', ') }));
  if (CONTRACT_TYPES.includes(s.personnelType) && !s.funding)
    out.push(finding('staff.funding.missing', s.id, 'funding'));
  return out;
}

export interface RosterCheckInput {
  staff: readonly Staff[];
  rooms: readonly string[];
  /** Active app users: someone who signs in to Tabian works here and belongs on the roster. */
  users: readonly { id: string; name: string }[];
  /** The date that says who is current (today), for duplicates among people still here. */
  on: string;
}

export function checkRoster({ staff, rooms, users, on }: RosterCheckInput): StaffFinding[] {
  const out = staff.flatMap((s) => checkStaff(s, rooms));
  const candidates = staff.map((s) => ({
    id: s.id,
    idNo: normaliseIdInput(s.idNo),
    status: staffCountsOn(s, on) ? ('active' as const) : ('transferred-out' as const),
    firstName: s.firstName,
    lastName: s.lastName,
    birthDate: s.birthDate,
    sex: s.sex,
  }));
  for (const pair of findDuplicates(candidates)) {
    const rule: StaffRule = pair.rule === 'id.duplicate' ? 'staff.id.duplicate' : 'staff.person.possible_duplicate';
    const [a, b] = [staff[pair.indexes[0]]!, staff[pair.indexes[1]]!];
    out.push(finding(rule, a.id, 'idNo', { detail: `${b.firstName} ${b.lastName}`, reason: pair.reason }));
    out.push(finding(rule, b.id, 'idNo', { detail: `${a.firstName} ${a.lastName}`, reason: pair.reason }));
  }
  const linked = new Set(staff.map((s) => s.userId).filter(Boolean));
  for (const u of users)
    if (!linked.has(u.id)) out.push(finding('staff.user.no_record', null, 'userId', { userId: u.id, detail: u.name }));
  return out;
}
