// Movements: a student coming into or leaving the school on a date. They are the register's history:
// a status says where a student is now, only movements say where they were on a past as-of date.
import { z } from 'zod';
import type { RecordHistory } from '../record-history';
import { codeList, codeSchema, gradeCodeSchema, sexCodeSchema } from '../codes';
import { studentStatusSchema, type Student, type StudentStatus } from '../student/schema';
import { isoDateSchema } from '../thai-date';

export const MOVEMENT_KINDS = ['transfer-in', 'transfer-out', 'withdrawal', 'dropout', 'death', 'graduation'] as const;
export const movementKindSchema = z.enum(MOVEMENT_KINDS);
export type MovementKind = z.infer<typeof movementKindSchema>;

export const isLeaving = (kind: MovementKind): boolean => kind !== 'transfer-in';

/** The DMC leaving cause (dmc-codes.json leavingCause) each kind stands for; withdrawal takes the rest. */
const CAUSE_OF_KIND: Partial<Record<MovementKind, string>> = {
  'transfer-out': 'transfer',
  dropout: 'dropout',
  death: 'death',
  graduation: 'graduated',
};

/** Legal causes that no kind of its own covers (today: over the compulsory-schooling age). */
export function withdrawalCauses(): string[] {
  const owned = new Set(Object.values(CAUSE_OF_KIND));
  return codeList('leavingCause').filter((c) => !owned.has(c));
}

/** The kind that records a leaving cause: its own kind, or a withdrawal for the remaining causes. */
export function kindOfCause(cause: string): MovementKind {
  const own = (Object.keys(CAUSE_OF_KIND) as MovementKind[]).find((k) => CAUSE_OF_KIND[k] === cause);
  return own ?? 'withdrawal';
}

export function causeOf(kind: MovementKind, chosen: string | null): string | null {
  if (kind === 'transfer-in') return null;
  return CAUSE_OF_KIND[kind] ?? chosen;
}

const STATUS_AFTER: Record<MovementKind, StudentStatus> = {
  'transfer-in': 'active',
  'transfer-out': 'transferred-out',
  withdrawal: 'withdrawn',
  dropout: 'withdrawn',
  death: 'dead',
  graduation: 'graduated',
};
export const statusAfter = (kind: MovementKind): StudentStatus => STATUS_AFTER[kind];

export const byWhomSchema = z.object({ userId: z.string().min(1), userName: z.string() });
export type ByWhom = z.infer<typeof byWhomSchema>;

const studentAtMoveSchema = z.object({
  prefix: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  sex: sexCodeSchema.nullable(),
  grade: gradeCodeSchema.nullable(),
  room: z.string(),
});
const beforeSchema = z.object({
  status: studentStatusSchema,
  enteredOn: isoDateSchema.nullable(),
  grade: gradeCodeSchema.nullable(),
  room: z.string(),
});

export const movementSchema = z.object({
  id: z.string().min(1),
  studentId: z.string().min(1),
  kind: movementKindSchema,
  /** The first day of the new state: a student leaving on the as-of date is not counted on it. */
  effectiveOn: isoDateSchema,
  cause: codeSchema('leavingCause').nullable(),
  reason: z.string(),
  /** The other school: where a transfer came from or went to. */
  school: z.string(),
  /** Dropouts only: the day the district office was consulted, which the rules require first. */
  districtConsultedOn: isoDateSchema.nullable(),
  /** The student as this movement found them, so lists and reports do not depend on later edits. */
  student: studentAtMoveSchema,
  /** The record's fields before the movement; null when the movement created the record. */
  before: beforeSchema.nullable(),
  recordedAt: z.iso.datetime({ offset: true }),
  recordedBy: byWhomSchema,
  reversedAt: z.iso.datetime({ offset: true }).nullable(),
  reversedBy: byWhomSchema.nullable(),
  reversalReason: z.string().nullable(),
});
export type Movement = z.infer<typeof movementSchema>;

/** Older movement records to the current shape (record-history.ts); version 1 is the first. */
export const movementHistory: RecordHistory = { name: 'movement', version: 1, upgrades: {} };

export const isReversed = (m: Pick<Movement, 'reversedAt'>): boolean =>
  m.reversedAt !== null && m.reversedAt !== undefined;

/** Oldest first: by effective date, then by when it was recorded. */
export function chronological<T extends Pick<Movement, 'effectiveOn'> & { recordedAt?: string }>(a: T, b: T): number {
  if (a.effectiveOn !== b.effectiveOn) return a.effectiveOn < b.effectiveOn ? -1 : 1;
  const [x, y] = [a.recordedAt ?? '', b.recordedAt ?? ''];
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Only the student's latest standing movement may be reversed, so the status put back is the right one. */
export function canReverse(movement: Movement, history: readonly Movement[]): boolean {
  if (isReversed(movement)) return false;
  const standing = history.filter((m) => m.studentId === movement.studentId && !isReversed(m)).sort(chronological);
  return standing.at(-1)?.id === movement.id;
}

export const studentAtMove = (s: Student): Movement['student'] => ({
  prefix: s.prefix,
  firstName: s.firstName,
  lastName: s.lastName,
  sex: s.sex,
  grade: s.grade,
  room: s.room,
});
