import { userSchema, type User } from '../domain/access/users';
import type { TabianDb } from './database';
import { guarded } from './errors';

export async function listUsers(db: TabianDb): Promise<User[]> {
  const rows = await guarded(() => db.users.toArray());
  return rows.flatMap((r) => {
    const parsed = userSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function getUser(db: TabianDb, id: string): Promise<User | null> {
  const row = await guarded(() => db.users.get(id));
  const parsed = userSchema.safeParse(row);
  return parsed.success ? parsed.data : null;
}

export async function saveUser(db: TabianDb, user: User): Promise<void> {
  const value = userSchema.parse(user);
  await guarded(() => db.users.put(value));
}
