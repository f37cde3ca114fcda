import {
  parseProfile,
  type DeviceProfile,
  type ProfileDraft,
  type SchoolProfile,
  type DistrictProfile,
} from '../../domain/school';
import { appDb } from '../../db/database';
import { saveProfile } from '../../db/profile-repo';
import { getSetting, setSetting } from '../../db/settings-repo';
import { requestPersistence } from '../../db/storage';

export type SaveOutcome =
  { ok: true; profile: DeviceProfile } | { ok: false; problems: { field: string; rule: string }[] };

/** Validates and stores the device profile; the first save also asks the browser to persist our data. */
export async function saveDeviceProfile(
  draft: ProfileDraft<SchoolProfile> | ProfileDraft<DistrictProfile>,
  existing: DeviceProfile | null,
  now: Date = new Date(),
): Promise<SaveOutcome> {
  const nowIso = now.toISOString();
  const parsed = parseProfile(draft, nowIso, existing?.createdAt ?? nowIso);
  if (!parsed.ok) return parsed;
  const db = appDb();
  await saveProfile(db, parsed.value);
  if ((await getSetting(db, 'persistAskedAt')) === null) {
    await setSetting(db, 'persistAskedAt', nowIso);
    await requestPersistence();
  }
  return { ok: true, profile: parsed.value };
}
