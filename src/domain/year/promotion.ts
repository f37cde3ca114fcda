// Starting a new academic year: who moves up a grade, who repeats, who graduates, into which rooms.
import { gradeByCode, isTerminalGrade, type GradeCode } from '../codes';
import type { SchoolLevel } from '../school';
import type { Student } from '../student/schema';
import type { Incoming } from './incoming';
import { fullName } from './classes';
import type { YearResult } from './results';

export interface ClassRef {
  grade: GradeCode;
  room: string;
}
export interface PlannedStudent {
  id: string;
  name: string;
  from: ClassRef;
  to: ClassRef | null;
}
export interface RoomCarry {
  from: ClassRef;
  to: ClassRef;
  students: number;
}

export interface NewYearPlan {
  fromYear: number;
  toYear: number;
  /** The first day of the new year: graduations and enrolments take effect on it. */
  effectiveOn: string;
  promoted: PlannedStudent[];
  repeating: PlannedStudent[];
  graduating: PlannedStudent[];
  /** Applicants from the incoming list who join on the first day. */
  enrolling: PlannedStudent[];
  /** Rooms of the promoted students and where each goes; the user may rename the target. */
  rooms: RoomCarry[];
  /** Active students the plan cannot place; the plan cannot be applied while any remain. */
  unresolved: { id: string; name: string; why: 'no-result' | 'no-grade' }[];
}

export interface PlanOptions {
  fromYear: number;
  effectiveOn: string;
  /** The school's top grade: passing it is graduating, as in a terminal grade. */
  topGrade: GradeCode | null;
  /** "grade/room" of a promoted room → the room's name in the next grade (default: the same name). */
  roomNames?: Readonly<Record<string, string>>;
  incoming?: readonly Incoming[];
}

const TOP_OF_LEVEL: Record<SchoolLevel, GradeCode> = {
  kindergarten: '03',
  primary: '09',
  'lower-secondary': '12',
  'upper-secondary': '15',
  vocational: '18',
};

/** The highest grade the school teaches: from its profile's levels, else the highest grade present. */
export function topGradeOf(
  levels: readonly SchoolLevel[],
  students: readonly Pick<Student, 'grade'>[],
): GradeCode | null {
  const candidates = levels.length
    ? levels.map((l) => TOP_OF_LEVEL[l])
    : students.flatMap((s) => (s.grade ? [s.grade] : []));
  return candidates.sort().at(-1) ?? null;
}

export const graduatesFrom = (grade: GradeCode, topGrade: GradeCode | null): boolean =>
  isTerminalGrade(grade) || grade === topGrade;

export function nextGrade(grade: GradeCode): GradeCode | null {
  const next = String(Number(grade) + 1).padStart(2, '0');
  return gradeByCode(next)?.code ?? null;
}

const classKey = (c: ClassRef): string => `${c.grade}/${c.room}`;

export function planNewYear(
  students: readonly Student[],
  results: readonly YearResult[],
  options: PlanOptions,
): NewYearPlan {
  const resultOf = new Map(
    results.filter((r) => r.academicYear === options.fromYear).map((r) => [r.studentId, r.result]),
  );
  const plan: NewYearPlan = {
    fromYear: options.fromYear,
    toYear: options.fromYear + 1,
    effectiveOn: options.effectiveOn,
    promoted: [],
    repeating: [],
    graduating: [],
    enrolling: [],
    rooms: [],
    unresolved: [],
  };
  const rooms = new Map<string, RoomCarry>();
  for (const s of students) {
    if (s.status !== 'active') continue;
    const name = fullName(s);
    if (!s.grade) {
      plan.unresolved.push({ id: s.id, name, why: 'no-grade' });
      continue;
    }
    const from = { grade: s.grade, room: s.room };
    const result = resultOf.get(s.id);
    const up = nextGrade(s.grade);
    if (!result) plan.unresolved.push({ id: s.id, name, why: 'no-result' });
    else if (result === 'repeat') plan.repeating.push({ id: s.id, name, from, to: from });
    else if (graduatesFrom(s.grade, options.topGrade) || !up) plan.graduating.push({ id: s.id, name, from, to: null });
    else {
      const to = { grade: up, room: options.roomNames?.[classKey(from)]?.trim() || s.room };
      plan.promoted.push({ id: s.id, name, from, to });
      const carry = rooms.get(classKey(from)) ?? { from, to, students: 0 };
      carry.students++;
      rooms.set(classKey(from), carry);
    }
  }
  plan.rooms = [...rooms.values()].sort((a, b) => (classKey(a.from) < classKey(b.from) ? -1 : 1));
  for (const i of options.incoming ?? []) {
    if (i.academicYear !== plan.toYear || i.enrolledAt || !i.student.grade) continue;
    plan.enrolling.push({
      id: i.id,
      name: fullName(i.student),
      from: { grade: i.student.grade, room: i.student.room },
      to: { grade: i.student.grade, room: i.student.room },
    });
  }
  return plan;
}
