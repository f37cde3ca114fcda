// Recording a movement from a form, and putting a record back when one is reversed.
import { codeList } from '../codes';
import type { Student } from '../student/schema';
import {
  canReverse,
  causeOf,
  chronological,
  isLeaving,
  isReversed,
  statusAfter,
  studentAtMove,
  withdrawalCauses,
  type ByWhom,
  type Movement,
  type MovementKind,
} from './movement';

export interface MovementDraft {
  kind: MovementKind;
  effectiveOn: string | null;
  /** Withdrawals only: one of withdrawalCauses(). */
  cause: string | null;
  reason: string;
  school: string;
  districtConsultedOn: string | null;
}

export type MovementField = 'student' | 'effectiveOn' | 'cause' | 'reason' | 'school' | 'districtConsultedOn';
export interface MovementProblem {
  field: MovementField;
  rule: string;
}

export interface DraftContext {
  /** The stored record; null for a student who arrives for the first time. */
  stored: Student | null;
  /** Every movement of this student. */
  history: readonly Movement[];
  /** Arrivals after this date belong to next year's incoming list; null once the next year has started. */
  nextYearAfter: string | null;
}

const needsSchool = (k: MovementKind): boolean => k === 'transfer-in' || k === 'transfer-out';

export function checkMovementDraft(d: MovementDraft, ctx: DraftContext): MovementProblem[] {
  const problems: MovementProblem[] = [];
  const add = (field: MovementField, rule: string) => problems.push({ field, rule });
  if (isLeaving(d.kind) && ctx.stored?.status !== 'active') add('student', 'movement.not_active');
  if (d.kind === 'transfer-in' && ctx.stored?.status === 'active') add('student', 'movement.already_active');
  if (!d.effectiveOn) add('effectiveOn', 'movement.date_missing');
  else {
    const last = ctx.history
      .filter((m) => !isReversed(m))
      .sort(chronological)
      .at(-1);
    const floor = [last?.effectiveOn, isLeaving(d.kind) ? ctx.stored?.enteredOn : null]
      .filter((x): x is string => !!x)
      .sort()
      .at(-1);
    if (floor && d.effectiveOn < floor) add('effectiveOn', 'movement.before_last');
    if (d.kind === 'transfer-in' && ctx.nextYearAfter && d.effectiveOn > ctx.nextYearAfter)
      add('effectiveOn', 'movement.next_year');
  }
  if (!d.reason.trim()) add('reason', d.kind === 'dropout' ? 'movement.dropout_reason' : 'movement.reason_missing');
  else if (d.kind === 'dropout' && !codeList('dropoutReason').includes(d.reason))
    add('reason', 'movement.dropout_reason');
  if (needsSchool(d.kind) && !d.school.trim()) add('school', 'movement.school_missing');
  if (d.kind === 'dropout' && !d.districtConsultedOn) add('districtConsultedOn', 'movement.district_not_consulted');
  if (d.kind === 'withdrawal' && !withdrawalCauses().includes(d.cause ?? '')) add('cause', 'movement.cause_missing');
  return problems;
}

/** A newcomer's record may be completed later (from a card or a bundle), but it needs a name and a class now. */
export function checkArrival(student: Student): MovementProblem[] {
  const problems: MovementProblem[] = [];
  if (!student.firstName.trim()) problems.push({ field: 'student', rule: 'movement.name_missing' });
  if (!student.grade || !student.room.trim()) problems.push({ field: 'student', rule: 'movement.class_missing' });
  return problems;
}

export interface Recorded {
  movement: Movement;
  student: Student;
}

/**
 * The movement and the record after it. `student` is the record as it should read apart from its status
 * (for an arrival: the new record, or the stored one in its new class).
 */
export function buildMovement(
  d: MovementDraft,
  student: Student,
  stored: Student | null,
  meta: { id: string; at: string; by: ByWhom },
): Recorded {
  if (!d.effectiveOn) throw new RangeError('a movement needs its effective date');
  const after: Student = {
    ...student,
    status: statusAfter(d.kind),
    // A new arrival enters on the movement's date; a returning student keeps the first entry.
    enteredOn: stored ? student.enteredOn : (student.enteredOn ?? d.effectiveOn),
  };
  const movement: Movement = {
    id: meta.id,
    studentId: student.id,
    kind: d.kind,
    effectiveOn: d.effectiveOn,
    cause: causeOf(d.kind, d.cause),
    reason: d.reason.trim(),
    school: needsSchool(d.kind) ? d.school.trim() : '',
    districtConsultedOn: d.kind === 'dropout' ? d.districtConsultedOn : null,
    student: studentAtMove(after),
    before: stored
      ? { status: stored.status, enteredOn: stored.enteredOn, grade: stored.grade, room: stored.room }
      : null,
    recordedAt: meta.at,
    recordedBy: meta.by,
    reversedAt: null,
    reversedBy: null,
    reversalReason: null,
  };
  return { movement, student: after };
}

export interface Reversal {
  movement: Movement;
  /** The record put back as it was; null when the movement had created it (the record goes). */
  student: Student | null;
}

export function reverseMovement(
  m: Movement,
  stored: Student | null,
  history: readonly Movement[],
  meta: { at: string; by: ByWhom; reason: string },
): Reversal {
  if (!canReverse(m, history)) throw new RangeError('only the latest standing movement of a student can be reversed');
  const movement: Movement = {
    ...m,
    reversedAt: meta.at,
    reversedBy: meta.by,
    reversalReason: meta.reason.trim() || null,
  };
  if (!m.before || !stored) return { movement, student: null };
  return { movement, student: { ...stored, ...m.before } };
}
