// Reads and writes of the students place: every write carries the signed-in user for the audit log.
import { appDb } from '../../db/database';
import { getStudent, historyOf, listClass, listStudents, moveStudents, saveStudent } from '../../db/student-repo';
import { addRoom, listRooms, removeRoom, type ClassRoom } from '../../db/room-repo';
import { dismissedPairKeys } from '../../db/dismissed-repo';
import type { AuditEntry } from '../../domain/access/audit';
import type { GradeCode } from '../../domain/codes';
import type { Student } from '../../domain/student/schema';
import { session } from '../state/session.svelte';
import { gradeLabel } from './year-format';

export type { ClassRoom };

export const loadStudents = (): Promise<Student[]> => listStudents(appDb());
export const loadStudent = (id: string): Promise<Student | null> => getStudent(appDb(), id);
export const loadClass = (grade: GradeCode, room: string): Promise<Student[]> => listClass(appDb(), grade, room);
export const loadRooms = (): Promise<ClassRoom[]> => listRooms(appDb());
export const loadHistory = (id: string): Promise<AuditEntry[]> => historyOf(appDb(), id);
export const loadDismissedPairs = (): Promise<Set<string>> => dismissedPairKeys(appDb());

// Who may change what is the domain's (domain/access/users.ts); the screens of this place import it from here.
export { canEditStudentIn as mayEdit, canManageRooms as mayManageRooms } from '../../domain/access/users';

/** Stores a student with an audit entry; a note (why a name changed) goes into that entry. */
export async function saveStudentRecord(student: Student, note: string | null = null): Promise<number> {
  return saveStudent(appDb(), student, session.actor(), note?.trim() ? note.trim() : null);
}

export async function moveToRoom(ids: string[], grade: GradeCode, room: string): Promise<number> {
  return moveStudents(appDb(), ids, grade, room.trim(), session.actor());
}

export const createRoom = (grade: GradeCode, room: string): Promise<void> => addRoom(appDb(), grade, room);
export const deleteRoom = (grade: GradeCode, room: string): Promise<boolean> => removeRoom(appDb(), grade, room);

/** "ป.1/2"; a student without a grade shows only the room. */
export function classLabel(grade: GradeCode | null, room: string): string {
  const g = grade ? gradeLabel(grade) : '';
  return room ? `${g}/${room}` : g;
}

// Screens of this place import it from here too.
export { problemKey } from './errors';
