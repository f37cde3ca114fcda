// Teacher : student ratios per level, and rooms without a homeroom teacher, on one as-of date: the students
// are that date's snapshot (snapshotOn), the teachers that date's headcount rule (staffCountsOn).
import { gradeFromLabel, type GradeCode } from '../codes';
import { SCHOOL_LEVELS, type SchoolLevel } from '../school';
import { levelOfGrade } from '../year/count-table';
import { staffCountsOn } from './headcount';
import type { PersonnelType, Staff } from './schema';

/** Who teaches, for a ratio: civil-service, assistant and contract teachers (not administrators, not support staff). */
export const TEACHING_TYPES: readonly PersonnelType[] = ['civil-teacher', 'assistant-teacher', 'contract-teacher'];

export interface LevelRatio {
  level: SchoolLevel | 'all';
  students: number;
  teachers: number;
  /** Students per teacher, one decimal; null without teachers. */
  perTeacher: number | null;
}

/** "04/1", "ป.1/2", "ป.1": the grade a homeroom key or a class-taught text names, if any. */
export function gradeOfClass(text: string): GradeCode | undefined {
  const head = text.split('/')[0]!.trim();
  return gradeFromLabel(head)?.code;
}

/** The levels a teacher teaches, from their homerooms and classes; empty when neither names a grade. */
export function levelsOf(s: Pick<Staff, 'homerooms' | 'classesTaught'>): Set<SchoolLevel> {
  const out = new Set<SchoolLevel>();
  for (const c of [...s.homerooms, ...s.classesTaught]) {
    const g = gradeOfClass(c);
    if (g) out.add(levelOfGrade(g));
  }
  return out;
}

const ratio = (students: number, teachers: number): number | null =>
  teachers ? Math.round((students / teachers) * 10) / 10 : null;

/**
 * One line per level that has students or teachers, then the whole school. A teacher of two levels counts
 * in each level's line (they teach both) but once in the school's; one without classes only in the school's.
 */
export function teacherRatios(
  staff: readonly Staff[],
  students: readonly { grade: GradeCode | null }[],
  asOf: string,
): LevelRatio[] {
  const teachers = staff.filter((s) => TEACHING_TYPES.includes(s.personnelType) && staffCountsOn(s, asOf));
  const pupils = new Map<SchoolLevel, number>();
  for (const st of students)
    if (st.grade) pupils.set(levelOfGrade(st.grade), (pupils.get(levelOfGrade(st.grade)) ?? 0) + 1);
  const taught = new Map<SchoolLevel, number>();
  for (const t of teachers) for (const l of levelsOf(t)) taught.set(l, (taught.get(l) ?? 0) + 1);
  const lines: LevelRatio[] = SCHOOL_LEVELS.filter((l) => pupils.has(l) || taught.has(l)).map((level) => {
    const n = pupils.get(level) ?? 0;
    const t = taught.get(level) ?? 0;
    return { level, students: n, teachers: t, perTeacher: ratio(n, t) };
  });
  lines.push({
    level: 'all',
    students: students.length,
    teachers: teachers.length,
    perTeacher: ratio(students.length, teachers.length),
  });
  return lines;
}

/** The rooms (keys "grade/room") with students on `asOf` and no counted homeroom teacher. */
export function roomsWithoutHomeroom(staff: readonly Staff[], roomKeys: readonly string[], asOf: string): string[] {
  const covered = new Set(staff.filter((s) => staffCountsOn(s, asOf)).flatMap((s) => s.homerooms));
  return roomKeys.filter((k) => !covered.has(k));
}
