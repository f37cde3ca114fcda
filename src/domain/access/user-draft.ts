import { gradeFromLabel, gradeByCode } from '../codes';
import { isAcceptablePin } from './pin';
import type { ClassRef, Role } from './users';

export interface UserDraft {
  name: string;
  role: Role;
  pin: string;
  pinAgain: string;
  roomsText: string;
}
export type UserDraftProblem = { field: 'name' | 'pin' | 'pinAgain' | 'rooms'; rule: string };

/** "ป.1/1, ป.1/2" → class references; null when any part is not a grade/room pair. */
export function parseRoomsText(text: string): ClassRef[] | null {
  const parts = text
    .split(/[,،\n]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const refs: ClassRef[] = [];
  for (const part of parts) {
    const slash = part.lastIndexOf('/');
    if (slash <= 0) return null;
    const grade = gradeFromLabel(part.slice(0, slash));
    const room = part.slice(slash + 1).trim();
    if (!grade || !room) return null;
    if (!refs.some((r) => r.grade === grade.code && r.room === room)) refs.push({ grade: grade.code, room });
  }
  return refs;
}

export const roomsToText = (rooms: readonly ClassRef[]): string =>
  rooms.map((r) => `${gradeByCode(r.grade)?.label ?? r.grade}/${r.room}`).join(', ');

/** Checks the add-user form; the PIN is only checked here, then hashed by the caller. */
export function checkUserDraft(
  d: UserDraft,
): { ok: true; rooms: ClassRef[] } | { ok: false; problems: UserDraftProblem[] } {
  const problems: UserDraftProblem[] = [];
  if (!d.name.trim()) problems.push({ field: 'name', rule: 'user.name' });
  if (!isAcceptablePin(d.pin)) problems.push({ field: 'pin', rule: 'user.pin' });
  else if (d.pin !== d.pinAgain) problems.push({ field: 'pinAgain', rule: 'user.pin_mismatch' });
  const rooms = parseRoomsText(d.roomsText);
  if (rooms === null || (d.role === 'teacher' && rooms.length === 0))
    problems.push({ field: 'rooms', rule: 'user.rooms' });
  return problems.length ? { ok: false, problems } : { ok: true, rooms: d.role === 'teacher' ? rooms! : [] };
}
