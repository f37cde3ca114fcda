import { z } from 'zod';
import { gradeCodeSchema, type GradeCode } from '../code-schemas';
import { kdfParamsSchema } from './pin-kdf';

// People who use a shared school device, their roles, and what each role may do.

export const ROLES = ['teacher', 'officer', 'director'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const classRefSchema = z.object({ grade: gradeCodeSchema, room: z.string().trim().min(1) });
export type ClassRef = z.infer<typeof classRefSchema>;

/** Before decision 20: PBKDF2 alone; such a PIN is upgraded at its next successful sign-in. */
export const legacyPinHashSchema = z.object({
  alg: z.literal('PBKDF2-SHA256'),
  iterations: z.number().int().min(100_000),
  salt: z.string().min(16),
  hash: z.string().min(32),
});
/** Decision 20: `hash` is HKDF(Argon2id(PIN, salt), 'verify'), the same one derivation as every wrap of this PIN. */
export const argonPinHashSchema = kdfParamsSchema.extend({ salt: z.string().min(16), hash: z.string().min(32) });
export const pinHashSchema = z.discriminatedUnion('alg', [legacyPinHashSchema, argonPinHashSchema]);
export type PinHash = z.infer<typeof pinHashSchema>;

export const userSchema = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1, 'user.name'),
  role: roleSchema,
  /** The rooms a teacher may edit; ignored for officers and directors. */
  rooms: z.array(classRefSchema),
  pin: pinHashSchema,
  failedAttempts: z.number().int().nonnegative(),
  lockedUntil: z.iso.datetime({ offset: true }).nullable(),
  active: z.boolean(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type User = z.infer<typeof userSchema>;

/** Officers and directors edit the whole school; a teacher only the rooms given to them. */
export function canEditClass(user: Pick<User, 'role' | 'rooms'>, target: ClassRef): boolean {
  if (user.role !== 'teacher') return true;
  return user.rooms.some((r) => r.grade === target.grade && r.room === target.room);
}

/**
 * Whether a user may change a student placed in this grade and room (the room as typed: spaces ignored);
 * nobody signed in may not, and a student not yet in a grade only the whole school's people.
 */
export function canEditStudentIn(
  user: Pick<User, 'role' | 'rooms'> | null,
  grade: GradeCode | null,
  room: string,
): boolean {
  if (!user) return false;
  if (grade === null) return user.role !== 'teacher';
  return canEditClass(user, { grade, room: room.trim() });
}

export const canManageUsers = (user: Pick<User, 'role'>): boolean => user.role !== 'teacher';
/** Adding and removing rooms is for the whole school's people, as is managing users. */
export const canManageRooms = (user: Pick<User, 'role'> | null): boolean => !!user && canManageUsers(user);
export const canCertify = (user: Pick<User, 'role'>): boolean => user.role === 'director';
