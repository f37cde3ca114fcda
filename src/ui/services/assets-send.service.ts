// The certified survey of land, buildings and equipment as payload files of the school's next submission.
import { appDb } from '../../db/database';
import { listBuildings, loadSite } from '../../db/asset-repo';
import { listSurveys } from '../../db/asset-survey-repo';
import { listCounts } from '../../db/equipment-repo';
import type { PayloadFile } from '../../domain/bundle/payloads';
import { siteSchema } from '../../domain/assets/schema';
import { assetSurveyFiles, surveyToSend } from '../../domain/assets/send';

export async function certifiedAssetFiles(): Promise<{ files: PayloadFile[]; counts: Record<string, number> }> {
  const db = appDb();
  const send = surveyToSend(await listSurveys(db));
  if (!send) return { files: [], counts: {} };
  const year = send.buildings.academicYear;
  const [site, buildings, counts] = await Promise.all([loadSite(db, year), listBuildings(db, year), listCounts(db)]);
  return assetSurveyFiles(send, site ?? siteSchema.parse({}), buildings, counts);
}
