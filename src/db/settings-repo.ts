import { z } from 'zod';
import type { TabianDb } from './database';
import { guarded } from './errors';

// Each setting has its schema and default here, so a bad or missing row reads as the default.
const settingSchemas = {
  locale: z.enum(['th', 'en']).catch('th'),
  persistAskedAt: z.string().nullable().catch(null),
  /** District: pair keys whose other school the officer chose to name in findings (decision 18). */
  revealedPairs: z.array(z.string()).catch([]),
  /** The device key replaced at sign-in (decision 26): the sync card asks for the new one to be enrolled. */
  deviceKeyReplaced: z.object({ from: z.string(), to: z.string(), at: z.string() }).nullable().catch(null),
  /** School: the poor-student screening place is shown (Settings can switch it off). */
  screeningModule: z.boolean().catch(true),
};
type Settings = { [K in keyof typeof settingSchemas]: z.infer<(typeof settingSchemas)[K]> };

export async function getSetting<K extends keyof Settings>(db: TabianDb, key: K): Promise<Settings[K]> {
  const row = await guarded(() => db.settings.get(key));
  return settingSchemas[key].parse(row?.value) as Settings[K];
}

export async function setSetting<K extends keyof Settings>(db: TabianDb, key: K, value: Settings[K]): Promise<void> {
  await guarded(() => db.settings.put({ key, value }));
}
