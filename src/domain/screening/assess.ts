// What the form itself computes, and nothing more: per-person income against the line, and which household
// status items are ticked. Eligibility is the fund's own proxy-means test (weights not public), so Tabian
// never decides it; it shows these facts and what is still missing.
import { INCOME_LINE_PER_PERSON } from './options';
import type { HouseholdMember, Screening } from './schema';

export type ScreeningProblem =
  | 'members.none'
  | 'student.family_status'
  | 'student.lives_with'
  | 'housing.rent'
  | 'institution.missing'
  | 'photos.missing'
  | 'photos.reason'
  | 'gps.missing'
  | 'consent.missing'
  | 'signature.teacher'
  | 'signature.guardian'
  | 'signature.official';

export interface ScreeningAssessment {
  id: string;
  members: number;
  incomeTotal: number;
  /** Baht a month, to two decimals; null without members. */
  incomePerPerson: number | null;
  /** At or under the line (the form's ≤ 3,000 baht); null without members. */
  underIncomeLine: boolean | null;
  statusItems: string[];
  problems: ScreeningProblem[];
}

export function memberIncome(m: HouseholdMember): number {
  const { wages, farming, business, welfare, other } = m.income;
  return (wages ?? 0) + (farming ?? 0) + (business ?? 0) + (welfare ?? 0) + (other ?? 0);
}

/** Per-person monthly income, live as the household table is filled. */
export function incomeOf(members: readonly HouseholdMember[]): { total: number; perPerson: number | null } {
  const total = members.reduce((sum, m) => sum + memberIncome(m), 0);
  return { total, perPerson: members.length ? Math.round((total / members.length) * 100) / 100 : null };
}

/** The ticked items of the form's 8 household dimensions, as "dimension.code" (e.g. "floor.earth"). */
export function statusItems(s: Screening): string[] {
  const h = s.household;
  const items: string[] = [];
  const many = (dimension: string, codes: readonly string[]) => items.push(...codes.map((c) => `${dimension}.${c}`));
  many('dependants', h.dependants);
  if (h.housing) items.push(`housing.${h.housing}`);
  many('floor', h.floor);
  many('walls', h.walls);
  many('roof', h.roof);
  if (h.toilet === false) items.push('toilet.none');
  if (h.farmland) items.push(`farmland.${h.farmland}`);
  many('water', h.water);
  many('electricity', h.electricity);
  many('vehicles', h.vehicles);
  many('appliances', h.appliances);
  return items;
}

function problemsOf(s: Screening): ScreeningProblem[] {
  const p: ScreeningProblem[] = [];
  if (s.members.length === 0) p.push('members.none');
  if (!s.student.familyStatus) p.push('student.family_status');
  if (!s.student.livesWith) p.push('student.lives_with');
  if (s.household.housing === 'rent' && s.household.rentPerMonth === null) p.push('housing.rent');
  if (s.student.livesWith === '05' && !s.institution) p.push('institution.missing');
  const home = s.photos.outside && s.photos.inside;
  if (!home && !s.photos.schoolSign) p.push('photos.missing');
  if (!home && s.photos.schoolSign && !s.photos.schoolSignReason) p.push('photos.reason');
  if (!s.gps) p.push('gps.missing');
  if (!s.consent.pdpa) p.push('consent.missing');
  if (!s.signatures.teacher) p.push('signature.teacher');
  if (!s.signatures.guardian) p.push('signature.guardian');
  if (!s.signatures.official) p.push('signature.official');
  return p;
}

export function assessScreening(s: Screening): ScreeningAssessment {
  const { total, perPerson } = incomeOf(s.members);
  return {
    id: s.id,
    members: s.members.length,
    incomeTotal: total,
    incomePerPerson: perPerson,
    underIncomeLine: perPerson === null ? null : perPerson <= INCOME_LINE_PER_PERSON,
    statusItems: statusItems(s),
    problems: problemsOf(s),
  };
}
