// Who confirmed and who certified each survey of land and buildings, and each equipment count.
import { assetSurveySchema, type AssetSurvey } from '../domain/assets/round';
import type { TabianDb } from './database';
import { guarded } from './errors';

/** The stored record, or `blank` when nobody has confirmed it yet. */
export async function getSurvey(db: TabianDb, blank: AssetSurvey): Promise<AssetSurvey> {
  const row = await guarded(() => db.assetSurveys.get(blank.key));
  return row ? assetSurveySchema.parse(row) : blank;
}

export async function saveSurvey(db: TabianDb, record: AssetSurvey): Promise<AssetSurvey> {
  const parsed = assetSurveySchema.parse(record);
  await guarded(() => db.assetSurveys.put(parsed));
  return parsed;
}

export async function listSurveys(db: TabianDb): Promise<AssetSurvey[]> {
  return (await guarded(() => db.assetSurveys.toArray())).map((r) => assetSurveySchema.parse(r));
}
