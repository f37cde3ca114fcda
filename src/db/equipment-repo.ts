// The ครุภัณฑ์ counts, one equipment/1 record per count date.
import { equipmentSchema, type EquipmentCount } from '../domain/assets/schema';
import type { TabianDb } from './database';
import { guarded } from './errors';

/** Every count, oldest first. */
export async function listCounts(db: TabianDb): Promise<EquipmentCount[]> {
  const rows = await guarded(() => db.equipmentCounts.orderBy('countedOn').toArray());
  return rows.map((r) => equipmentSchema.parse(r));
}

export async function saveCount(db: TabianDb, count: EquipmentCount): Promise<EquipmentCount> {
  const parsed = equipmentSchema.parse(count);
  await guarded(() => db.equipmentCounts.put(parsed));
  return parsed;
}
