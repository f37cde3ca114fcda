import { describe, expect, it } from 'vitest';
import {
  canEditClass,
  canEditStudentIn,
  canManageRooms,
  canManageUsers,
  type User,
} from '../../../src/domain/access/users';

const teacher: Pick<User, 'role' | 'rooms'> = { role: 'teacher', rooms: [{ grade: '04', room: '1' }] };
const officer: Pick<User, 'role' | 'rooms'> = { role: 'officer', rooms: [] };
const director: Pick<User, 'role' | 'rooms'> = { role: 'director', rooms: [] };

describe('who may change what', () => {
  it('lets a teacher change only the rooms given to them', () => {
    expect(canEditClass(teacher, { grade: '04', room: '1' })).toBe(true);
    expect(canEditClass(teacher, { grade: '04', room: '2' })).toBe(false);
    expect(canEditStudentIn(teacher, '04', ' 1 ')).toBe(true);
    expect(canEditStudentIn(teacher, '05', '1')).toBe(false);
  });

  it('lets the officer and the director change any class, and a student not yet in a grade', () => {
    for (const u of [officer, director]) {
      expect(canEditStudentIn(u, '12', '3')).toBe(true);
      expect(canEditStudentIn(u, null, '')).toBe(true);
    }
    expect(canEditStudentIn(teacher, null, '1')).toBe(false);
  });

  it('lets nobody change anything while nobody is signed in', () => {
    expect(canEditStudentIn(null, '04', '1')).toBe(false);
    expect(canManageRooms(null)).toBe(false);
  });

  it('keeps rooms and users for the whole school’s people', () => {
    expect([teacher, officer, director].map(canManageRooms)).toEqual([false, true, true]);
    expect([teacher, officer, director].map(canManageUsers)).toEqual([false, true, true]);
  });
});
