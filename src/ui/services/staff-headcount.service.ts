// The headcount screen's data: the EMIS table from the roster, and the ratios and homerooms from the same
// as-of date's student snapshot (the students' own as-of rule, snapshotOn).
import { appDb } from '../../db/database';
import { listMovements } from '../../db/movement-repo';
import { listStaff } from '../../db/staff-repo';
import { listStudents } from '../../db/student-repo';
import { headcountOn, type Headcount, type HeadcountRow } from '../../domain/staff/headcount';
import { roomsWithoutHomeroom, teacherRatios, type LevelRatio } from '../../domain/staff/ratios';
import { formatThaiDate } from '../../domain/thai-date';
import { compareClasses } from '../../domain/year/classes';
import { snapshotOn } from '../../domain/year/snapshot';
import { gradeByCode, type GradeCode } from '../../domain/codes';
import { i18n, t } from '../i18n/i18n.svelte';

export interface HeadcountView {
  headcount: Headcount;
  ratios: LevelRatio[];
  noHomeroom: string[];
}

export async function loadHeadcount(asOf: string): Promise<HeadcountView> {
  const db = appDb();
  const [staff, students, movements] = await Promise.all([listStaff(db), listStudents(db), listMovements(db)]);
  const counted = snapshotOn(students, movements, asOf);
  const rooms = new Map<string, { grade: GradeCode; room: string }>();
  for (const s of counted) if (s.grade) rooms.set(`${s.grade}/${s.room}`, { grade: s.grade, room: s.room });
  const roomKeys = [...rooms.values()].sort(compareClasses).map((r) => `${r.grade}/${r.room}`);
  return {
    headcount: headcountOn(staff, asOf),
    ratios: teacherRatios(staff, counted, asOf),
    noHomeroom: roomsWithoutHomeroom(staff, roomKeys, asOf),
  };
}

/** A row's name as EMIS prints it: "ผู้อำนวยการ คศ.3", "รวมรองผู้อำนวยการ", "ครูผู้ช่วย". */
export function headcountRowName(key: HeadcountRow['key']): string {
  const [group, part] = key.split('.') as [string, string | undefined];
  if (!part) return t(`staff.hc.${group}` as 'staff.hc.assistant-teacher');
  if (part === 'none') return t('staff.hc.none');
  const name = t(`staff.hc.${group}` as 'staff.hc.director');
  return part === 'all'
    ? t('staff.hc.all', { group: name })
    : `${name} ${i18n.locale === 'th' ? 'คศ.' : 'KS.'}${part.slice(1)}`;
}

/** "ป.4/1" for the room key "04/1". */
export function roomName(key: string): string {
  const [grade, room] = key.split('/');
  return `${gradeByCode(grade ?? '')?.label ?? grade}/${room}`;
}

export const levelName = (l: LevelRatio['level']): string =>
  l === 'all' ? t('staff.ratio.all') : t(`staff.level.${l}`);

export const headcountTitle = (asOf: string): string =>
  t('staff.headcount.title', { date: formatThaiDate(asOf, i18n.locale, 'long') });

export async function headcountWorkbook(
  v: HeadcountView,
  schoolName: string,
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { xlsxBytes } = await import('../../io/export/book');
  const h = v.headcount;
  const bytes = xlsxBytes([
    {
      name: t('staff.headcount.sheet'),
      rows: [
        [schoolName],
        [headcountTitle(h.asOf)],
        [],
        [t('staff.headcount.row'), t('staff.headcount.male'), t('staff.headcount.female'), t('staff.headcount.total')],
        ...h.rows.map((r) => [headcountRowName(r.key), r.M, r.F, r.total]),
        [t('staff.headcount.total'), h.total.M, h.total.F, h.total.total],
      ],
    },
    {
      name: t('staff.ratio.sheet'),
      rows: [
        [t('staff.ratio.level'), t('staff.ratio.students'), t('staff.ratio.teachers'), t('staff.ratio.per_teacher')],
        ...v.ratios.map((r) => [levelName(r.level), r.students, r.teachers, r.perTeacher]),
        [],
        [t('staff.no_homeroom.title')],
        ...v.noHomeroom.map((k) => [roomName(k)]),
      ],
    },
  ]);
  return { bytes, fileName: `tabian-staff-headcount-${h.asOf}.xlsx` };
}
