import { deviceProfileSchema, type DeviceProfile } from '../domain/school';
import type { TabianDb } from './database';
import { guarded } from './errors';

/** The device's profile, or null before set-up; a row that no longer parses is treated as missing. */
export async function loadProfile(db: TabianDb): Promise<DeviceProfile | null> {
  const row = await guarded(() => db.profile.get('device'));
  if (!row) return null;
  const parsed = deviceProfileSchema.safeParse(row.value);
  return parsed.success ? parsed.data : null;
}

export async function saveProfile(db: TabianDb, profile: DeviceProfile): Promise<void> {
  const value = deviceProfileSchema.parse(profile);
  await guarded(() => db.profile.put({ key: 'device', value }));
}
