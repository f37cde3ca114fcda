// The certified survey of land, buildings and equipment as payload files of the school's next submission.
import { appDb } from '../../db/database';
import { listBuildings, loadSite } from '../../db/asset-repo';
import { listSurveys } from '../../db/asset-survey-repo';
import { listCounts } from '../../db/equipment-repo';
import { getPhoto } from '../../db/photo-repo';
import type { PayloadFile } from '../../domain/bundle/payloads';
import { siteSchema } from '../../domain/assets/schema';
import { assetSurveyFiles, assetThumb, photoIdsOf, surveyToSend } from '../../domain/assets/send';

export async function certifiedAssetFiles(): Promise<{ files: PayloadFile[]; counts: Record<string, number> }> {
  const db = appDb();
  const send = surveyToSend(await listSurveys(db));
  if (!send) return { files: [], counts: {} };
  const year = send.buildings.academicYear;
  const [site, buildings, counts] = await Promise.all([loadSite(db, year), listBuildings(db, year), listCounts(db)]);
  const surveyed = site ?? siteSchema.parse({});
  // Thumbnails only; a photo deleted since leaves its record's reference without a picture.
  const photos = await Promise.all(photoIdsOf(surveyed, buildings).map((id) => getPhoto(db, id)));
  const thumbs = photos.flatMap((p) => (p ? [assetThumb(p)] : [])).flatMap((t) => (t ? [t] : []));
  return assetSurveyFiles(send, surveyed, buildings, counts, thumbs);
}
