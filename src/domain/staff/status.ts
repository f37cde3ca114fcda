// Where a person stands on a date, and recording a dated movement: a status is never typed, it follows from
// the movements as a student's does, so the roster of any past date can be asked again.
import { staffCountsOn } from './headcount';
import type { Staff, StaffMovement } from './schema';
import { addDays } from '../thai-date';

export const STAFF_STATUSES = ['active', 'moved', 'retired', 'left', 'died'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];

const statusOfLeaving: Record<Exclude<StaffMovement['kind'], 'move-in'>, StaffStatus> = {
  'move-out': 'moved',
  retire: 'retired',
  leave: 'left',
  death: 'died',
};

export const standingMovements = (s: Pick<Staff, 'movements'>): StaffMovement[] =>
  s.movements
    .filter((m) => !m.reversedAt)
    .sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : a.effectiveOn > b.effectiveOn ? 1 : 0));

/** active while the person counts on `on` or has yet to arrive; otherwise what their last leaving was. */
export function staffStatusOn(s: Staff, on: string): StaffStatus {
  if (staffCountsOn(s, on)) return 'active';
  const last = standingMovements(s)
    .filter((m) => m.effectiveOn <= on)
    .at(-1);
  return last && last.kind !== 'move-in' ? statusOfLeaving[last.kind] : 'active';
}

export type MovementProblem = 'staff.movement.not_here' | 'staff.movement.already_here' | 'staff.movement.after_death';

/**
 * Adds a movement, refusing one that contradicts the record on its date: nobody leaves a school they are not
 * at, arrives where they already are, or moves after their death.
 */
export function addStaffMovement(s: Staff, m: StaffMovement): { staff: Staff } | { problem: MovementProblem } {
  const standing = standingMovements(s);
  if (standing.some((x) => x.kind === 'death' && x.effectiveOn <= m.effectiveOn))
    return { problem: 'staff.movement.after_death' };
  // Present the day before: a leaving takes effect on its date, so the day before says who was there.
  const present = staffCountsOn(s, dayBefore(m.effectiveOn));
  if (m.kind === 'move-in' && present) return { problem: 'staff.movement.already_here' };
  if (m.kind !== 'move-in' && !present) return { problem: 'staff.movement.not_here' };
  return { staff: { ...s, movements: [...s.movements, m] } };
}

/** Marks a movement as entered by mistake; it stays in the record, as students' reversed movements do. */
export function reverseStaffMovement(s: Staff, movementId: string, at: string): Staff {
  return {
    ...s,
    movements: s.movements.map((m) => (m.id === movementId && !m.reversedAt ? { ...m, reversedAt: at } : m)),
  };
}

const dayBefore = (iso: string): string => addDays(iso, -1);

const collator = new Intl.Collator('th', { numeric: true });
/** Roster order as class lists go: given name, then surname (then id, so the order is total). */
export function compareStaffThai(a: Staff, b: Staff): number {
  return (
    collator.compare(a.firstName, b.firstName) ||
    collator.compare(a.lastName, b.lastName) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
