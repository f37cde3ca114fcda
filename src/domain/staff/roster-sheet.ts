// The roster as a table, both ways: the columns the roster workbook writes, and reading such a table back
// (a school's own list with these headers in Thai or English, or an export of ours). Pure: the io layer
// turns cells into text first (readRosterFile), so the app and `tabian staff headcount` read alike.
import { normaliseIdInput } from '../ids';
import { isIsoDate, parseThaiDate } from '../thai-date';
import { sexFromText } from '../codes';
import type { Message } from '../validation/catalogue';
import {
  adminPositionLabels,
  fundingLabels,
  personnelTypeLabels,
  readAdminPosition,
  readFunding,
  readPersonnelType,
  readStaffMovementKind,
  readStanding,
  splitPositionStanding,
  staffMovementLabels,
  standingLabels,
  typeFromPosition,
} from './labels';
import { splitFullName } from '../student/names';
import { staffSchema, type Staff } from './schema';
import { standingMovements } from './status';

export type ColumnKind = 'id' | 'text' | 'date' | 'phone';
interface Column {
  key: string;
  th: string;
  en: string;
  kind: ColumnKind;
  contact?: true;
}
const c = (key: string, th: string, en: string, kind: ColumnKind = 'text', contact?: true): Column => ({
  key,
  th,
  en,
  kind,
  ...(contact ? { contact } : {}),
});

export const ROSTER_COLUMNS: readonly Column[] = [
  c('idNo', 'เลขประจำตัวประชาชน', 'Citizen ID', 'id'),
  c('prefix', 'คำนำหน้าชื่อ', 'Prefix'),
  c('firstName', 'ชื่อ', 'First name'),
  c('lastName', 'นามสกุล', 'Last name'),
  c('firstNameEn', 'ชื่อ (อังกฤษ)', 'First name (English)'),
  c('lastNameEn', 'นามสกุล (อังกฤษ)', 'Last name (English)'),
  c('sex', 'เพศ', 'Sex'),
  c('birthDate', 'วันเกิด', 'Birth date', 'date'),
  c('personnelType', 'ประเภทบุคลากร', 'Personnel type'),
  c('position', 'ตำแหน่ง', 'Position'),
  c('standing', 'วิทยฐานะ', 'Academic standing'),
  c('positionNo', 'เลขที่ตำแหน่ง', 'Position number'),
  c('funding', 'แหล่งงบประมาณ', 'Funding'),
  c('startedAtSchoolOn', 'วันที่เริ่มปฏิบัติงานที่โรงเรียนนี้', 'Started at this school', 'date'),
  c('startedServiceOn', 'วันที่เริ่มรับราชการ/เริ่มงาน', 'Started in service', 'date'),
  c('educationLevel', 'วุฒิการศึกษาสูงสุด', 'Highest education'),
  c('educationMajor', 'วิชาเอก', 'Major'),
  c('subjects', 'วิชาที่สอน', 'Subjects taught'),
  c('classesTaught', 'ชั้นที่สอน', 'Classes taught'),
  c('homerooms', 'ครูประจำชั้น', 'Homeroom classes'),
  c('phone', 'โทรศัพท์', 'Phone', 'phone', true),
  c('leftKind', 'การออก', 'Left as'),
  c('leftOn', 'วันที่ออก', 'Left on', 'date'),
];

/** Columns an import may map besides the roster's own: a whole name, or a position with its standing, in one cell. */
export const ROSTER_HELPERS: readonly Column[] = [
  c('fullName', 'ชื่อ-นามสกุล (ในช่องเดียว)', 'Full name (one cell)'),
  c('positionStanding', 'ตำแหน่งและวิทยฐานะ (ในช่องเดียว)', 'Position and standing (one cell)'),
];
/** What the column-mapping screen offers for a roster file. */
export const IMPORT_COLUMNS: readonly Column[] = [...ROSTER_COLUMNS, ...ROSTER_HELPERS];
// Adults' titles a whole-name cell may start with, before the everyday prefixes.
const TITLES = ['ว่าที่ร้อยตรีหญิง', 'ว่าที่ร้อยตรี', 'ว่าที่ ร.ต.', 'ดร.', 'นางสาว', 'นาย', 'นาง', 'น.ส.'];

const list = (s: string): string[] =>
  s
    .split(/[,،;\n]/)
    .map((x) => x.trim())
    .filter(Boolean);
const label = (l: Message | undefined, locale: 'th' | 'en'): string => (l ? l[locale] : '');

/** One row per person in column order; `contact: false` leaves the phone column out. */
export function rosterTable(staff: readonly Staff[], locale: 'th' | 'en', opts: { contact: boolean }): string[][] {
  const cols = ROSTER_COLUMNS.filter((col) => opts.contact || !col.contact);
  const rows = staff.map((s) => {
    const left = standingMovements(s)
      .filter((m) => m.kind !== 'move-in')
      .at(-1);
    const v: Record<string, string> = {
      ...Object.fromEntries(Object.entries(s).filter(([, x]) => typeof x === 'string')),
      sex: s.sex ?? '',
      birthDate: s.birthDate ?? '',
      personnelType: label(personnelTypeLabels[s.personnelType], locale),
      position:
        s.position === 'director' || s.position === 'deputy-director'
          ? label(adminPositionLabels[s.position], locale)
          : s.position,
      standing: label(s.standing ? standingLabels[s.standing] : undefined, locale),
      funding: label(s.funding ? fundingLabels[s.funding] : undefined, locale),
      startedAtSchoolOn: s.startedAtSchoolOn ?? '',
      startedServiceOn: s.startedServiceOn ?? '',
      educationLevel: s.education.level,
      educationMajor: s.education.major,
      subjects: s.subjects.join(', '),
      classesTaught: s.classesTaught.join(', '),
      homerooms: s.homerooms.join(', '),
      leftKind: left ? label(staffMovementLabels[left.kind], locale) : '',
      leftOn: left?.effectiveOn ?? '',
    };
    return cols.map((col) => v[col.key] ?? '');
  });
  return [cols.map((col) => col[locale]), ...rows];
}

export interface RosterProblem {
  row: number;
  field: string;
  text: string;
}
export interface RosterRead {
  staff: Staff[];
  problems: RosterProblem[];
  unknownHeaders: string[];
}

const headerIndex = new Map(
  IMPORT_COLUMNS.flatMap((col) => [
    [col.th, col.key],
    [col.en, col.key],
    [col.key, col.key],
  ]),
);

/** The column each header names (by our Thai or English header, or the field's own key). */
export const columnOfHeader = (h: string): string | undefined => headerIndex.get(h.trim());

const dateOf = (text: string): string | null => (text === '' ? null : isIsoDate(text) ? text : parseThaiDate(text));

/**
 * Reads a table whose first row is the header: one person a row. A value that names nothing known is left
 * empty and reported, never guessed. `newId(row)` gives each person their record id.
 */
export function readRosterTable(table: readonly (readonly string[])[], newId: (row: number) => string): RosterRead {
  const [header = [], ...body] = table;
  const keys = header.map((h) => columnOfHeader(h));
  const unknownHeaders = header.filter((h, i) => h.trim() && !keys[i]);
  const staff: Staff[] = [];
  const problems: RosterProblem[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    const v = (key: string): string => (cells[keys.indexOf(key)] ?? '').trim();
    if (cells.every((x) => !x.trim())) return;
    const bad = (field: string, text: string) => problems.push({ row, field, text });
    const pick = <C>(field: string, read: (s: string) => C | undefined): C | null => {
      const text = v(field);
      const code = read(text);
      if (text && code === undefined) bad(field, text);
      return code ?? null;
    };
    const date = (field: string): string | null => {
      const d = dateOf(v(field));
      if (v(field) && !d) bad(field, v(field));
      return d;
    };
    const full = v('fullName') ? splitFullName(v('fullName'), () => undefined, TITLES) : null;
    const combined = v('positionStanding') ? splitPositionStanding(v('positionStanding')) : null;
    const position = v('position') || combined?.position || '';
    const admin = readAdminPosition(position);
    const type = pick('personnelType', readPersonnelType) ?? typeFromPosition(position) ?? 'other';
    const standing = pick('standing', readStanding) ?? combined?.standing ?? null;
    const leftKind = pick('leftKind', readStaffMovementKind);
    const leftOn = date('leftOn');
    const id = newId(row);
    const parsed = staffSchema.safeParse({
      id,
      idNo: normaliseIdInput(v('idNo')),
      prefix: v('prefix') || full?.prefix || '',
      firstName: v('firstName') || full?.firstName || '',
      lastName: v('lastName') || full?.lastName || '',
      firstNameEn: v('firstNameEn'),
      lastNameEn: v('lastNameEn'),
      sex: pick('sex', sexFromText),
      birthDate: date('birthDate'),
      personnelType: type,
      position: admin ?? position,
      standing,
      positionNo: v('positionNo'),
      funding: pick('funding', readFunding),
      startedAtSchoolOn: date('startedAtSchoolOn'),
      startedServiceOn: date('startedServiceOn'),
      education: { level: v('educationLevel'), major: v('educationMajor') },
      subjects: list(v('subjects')),
      classesTaught: list(v('classesTaught')),
      homerooms: list(v('homerooms')),
      phone: v('phone'),
      movements:
        leftKind && leftKind !== 'move-in' && leftOn ? [{ id: `${id}-left`, kind: leftKind, effectiveOn: leftOn }] : [],
    });
    if (parsed.success) staff.push(parsed.data);
    else bad('record', cells.join(' | '));
  });
  return { staff, problems, unknownHeaders };
}
