// Who a test write is made by: the Actor every repository save takes (user, time, new ids).
import type { Actor } from '../../src/db/student-repo';

/** A user writing at a fixed time; `userId` defaults to the name, new ids are random. */
export function anActor(userName: string, now: Date, userId: string = userName): Actor {
  return { userId, userName, now, newId: () => crypto.randomUUID() };
}

/** The teacher of the vault tests, writing on measurement day. */
export const teacherActor = (): Actor => anActor('ครูสมใจ', new Date('2026-06-12T03:00:00.000Z'), 'u1');
