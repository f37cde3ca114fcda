// Names of record paths for the change history: "family.father.firstName" → "บิดา · ชื่อ".
import type { AreaIndex } from '../../../../domain/areas/areas';
import type { CodeListName, GradeCode } from '../../../../domain/codes';
import { formatThaiDate, isIsoDate } from '../../../../domain/thai-date';
import type { MessageKey } from '../../../i18n/th';
import { labelOf } from './code-options';
import { gradeLabel } from '../../../services/year-format';

const SEGMENTS: Record<string, MessageKey> = {
  idType: 'student.idType',
  idNo: 'student.idNo',
  studentNo: 'student.studentNo',
  prefix: 'student.prefix',
  firstName: 'student.firstName',
  lastName: 'student.lastName',
  firstNameEn: 'student.firstNameEn',
  lastNameEn: 'student.lastNameEn',
  sex: 'student.sex',
  birthDate: 'student.birthDate',
  bloodGroup: 'student.bloodGroup',
  nationality: 'student.nationality',
  ethnicity: 'student.ethnicity',
  religion: 'student.religion',
  grade: 'student.grade',
  room: 'student.room',
  status: 'student.status',
  enteredOn: 'student.enteredOn',
  father: 'student.father',
  mother: 'student.mother',
  guardian: 'student.guardian',
  relation: 'student.guardian.relation',
  occupation: 'student.person.occupation',
  income: 'student.person.income',
  phone: 'student.person.phone',
  parentsMaritalStatus: 'student.marital',
  siblings: 'student.siblings',
  olderBrothers: 'student.siblings.olderBrothers',
  youngerBrothers: 'student.siblings.youngerBrothers',
  olderSisters: 'student.siblings.olderSisters',
  youngerSisters: 'student.siblings.youngerSisters',
  childNumber: 'student.siblings.childNumber',
  registered: 'student.address.registered',
  current: 'student.address.current',
  houseCode: 'student.address.houseCode',
  houseNo: 'address.house_no',
  moo: 'address.moo',
  road: 'address.road',
  provinceCode: 'address.province',
  districtCode: 'address.district',
  subdistrictCode: 'address.subdistrict',
  postcode: 'address.postcode',
  disadvantage: 'student.disadvantage',
  disability: 'student.disability',
  uniform: 'student.shortage.uniform',
  stationery: 'student.shortage.stationery',
  textbooks: 'student.shortage.textbooks',
  lunch: 'student.shortage.lunch',
  boarding: 'student.boarding',
  distanceKm: 'student.distance',
  laterite: 'student.distance.laterite',
  asphalt: 'student.distance.asphalt',
  water: 'student.distance.water',
  travelMinutes: 'student.travelMinutes',
  travelMode: 'student.travelMode',
  weightKg: 'student.weightKg',
  heightCm: 'student.heightCm',
  measuredOn: 'student.measuredOn',
  unmatched: 'student.kept_field',
  idOverride: 'student.id_override',
  reason: 'student.id_override.reason_short',
};
// Grouping levels that add nothing a reader needs.
const SILENT = new Set(['family', 'addresses', 'welfare', 'health', 'shortages']);

export function fieldLabel(path: string, t: (key: MessageKey) => string): string {
  const parts = path.split('.').filter((p) => !SILENT.has(p));
  // Inside a parent's block, the person's own prefix and ID read better as "prefix" and "ID".
  const nested = parts.length > 1;
  return parts
    .map((p) =>
      nested && p === 'prefix'
        ? t('student.person.prefix')
        : nested && p === 'idNo'
          ? t('student.person.idNo')
          : SEGMENTS[p]
            ? t(SEGMENTS[p])
            : p,
    )
    .join(' · ');
}

const CODE_LISTS: Record<string, CodeListName> = {
  idType: 'idType',
  bloodGroup: 'bloodGroup',
  nationality: 'nationality',
  ethnicity: 'nationality',
  religion: 'religion',
  relation: 'guardianRelation',
  occupation: 'occupation',
  parentsMaritalStatus: 'parentsMaritalStatus',
  disadvantage: 'disadvantage',
  disability: 'disability',
  travelMode: 'travelMode',
};

interface ValueText {
  t: (key: MessageKey) => string;
  locale: 'th' | 'en';
  areas: AreaIndex | null;
}

/** A stored value as a person reads it: dates in the Buddhist Era, codes by their labels. */
export function valueText(path: string, value: unknown, { t, locale, areas }: ValueText): string {
  if (value === null || value === undefined || value === '') return t('student.history.blank');
  const leaf = path.split('.').pop()!;
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (typeof value === 'number' && areas && leaf.endsWith('Code')) {
    const area = areas.province(value) ?? areas.district(value) ?? areas.subdistrict(value);
    if (area) return locale === 'th' ? area.nameTh : area.nameEn;
  }
  // A field kept whole (student.unmatched, student.idOverride): each part by its own name.
  if (typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value as Record<string, unknown>)
      .map(([k, v]) => `${fieldLabel(k, t)}: ${String(v)}`)
      .join(' · ');
  }
  if (typeof value !== 'string') return String(value);
  if (leaf === 'sex' && (value === 'M' || value === 'F')) return t(`student.sex.${value}`);
  if (leaf === 'status') return t(`student.status.${value}` as MessageKey);
  if (leaf === 'grade') return gradeLabel(value as GradeCode);
  const list = CODE_LISTS[leaf];
  if (list) return labelOf(list, value) ?? value;
  return isIsoDate(value) ? formatThaiDate(value, locale) : value;
}
