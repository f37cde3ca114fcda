// What must hold before a staff member confirms a round.
import type { Finding } from '../validation/catalogue';
import type { RoomCheck } from './attendance';

export interface RoundChecklist {
  /** Findings of severity "error" among the counted students (the register's rules). */
  errors: number;
  warnings: number;
  /** Rooms whose attendance check is not complete. */
  roomsToCheck: RoomCheck[];
  rooms: number;
  /** Possible duplicate pairs nobody has resolved or dismissed. */
  duplicates: number;
  ready: boolean;
}

export function roundChecklist(
  findings: readonly Finding[],
  duplicatePairs: number,
  rooms: readonly RoomCheck[],
): RoundChecklist {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const roomsToCheck = rooms.filter((r) => !r.done);
  return {
    errors,
    warnings: findings.length - errors,
    roomsToCheck,
    rooms: rooms.length,
    duplicates: duplicatePairs,
    ready: errors === 0 && roomsToCheck.length === 0 && duplicatePairs === 0,
  };
}

export type TodoId = 'start-year' | 'errors' | 'duplicates' | 'attendance' | 'results' | 'confirm' | 'certify' | 'send';
export interface TodoItem {
  id: TodoId;
  n: number;
}

export interface RoundProgress {
  /** The round's academic year is ahead of the register: the new year must be started first. */
  yearAhead: boolean;
  yearEnd: boolean;
  checklist: RoundChecklist;
  /** Active students without a year-end result. */
  resultsMissing: number;
  confirmed: boolean;
  certified: boolean;
  /** A submission of the round was marked as sent (or acknowledged); absent: not asked. */
  sent?: boolean;
}

/** What remains before a round is certified, in the order to do it; once certified, sending the file; then nothing. */
export function whatRemains(p: RoundProgress): TodoItem[] {
  if (p.certified) return p.sent === false ? [{ id: 'send', n: 0 }] : [];
  const items: TodoItem[] = [];
  if (p.yearAhead) items.push({ id: 'start-year', n: 0 });
  if (p.checklist.errors) items.push({ id: 'errors', n: p.checklist.errors });
  if (p.checklist.duplicates) items.push({ id: 'duplicates', n: p.checklist.duplicates });
  if (p.checklist.roomsToCheck.length) items.push({ id: 'attendance', n: p.checklist.roomsToCheck.length });
  if (p.yearEnd && p.resultsMissing) items.push({ id: 'results', n: p.resultsMissing });
  items.push({ id: p.confirmed ? 'certify' : 'confirm', n: 0 });
  return items;
}
