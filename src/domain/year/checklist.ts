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

export function roundChecklist(findings: readonly Finding[], duplicatePairs: number, rooms: readonly RoomCheck[]): RoundChecklist {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const roomsToCheck = rooms.filter((r) => !r.done);
  return {
    errors, warnings: findings.length - errors, roomsToCheck, rooms: rooms.length, duplicates: duplicatePairs,
    ready: errors === 0 && roomsToCheck.length === 0 && duplicatePairs === 0,
  };
}
