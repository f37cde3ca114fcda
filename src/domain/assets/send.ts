// Which certified surveys go in a school's submission, as payload files (kept apart from payload.ts, which
// bundle/payloads.ts imports for the schemas).
import { payloadFile, type PayloadFile } from '../bundle/payloads';
import { toBase64 } from '../bundle/bytes';
import type { Photo } from '../photo/schema';
import type { AssetPhotoPayload, AssetSurveyPayload } from './payload';
import type { AssetSurvey } from './round';
import type { Building, EquipmentCount, Site } from './schema';

/** The certified building survey of the latest year, and the certified counts of that academic year. */
export function surveyToSend(
  surveys: readonly AssetSurvey[],
): { buildings: AssetSurvey; equipment: AssetSurvey[] } | null {
  const certified = surveys.filter((s) => s.confirmation && s.certification);
  const buildings = certified.filter((s) => s.kind === 'buildings').sort((a, b) => b.academicYear - a.academicYear)[0];
  if (!buildings) return null;
  const equipment = certified
    .filter((s) => s.kind === 'equipment' && s.academicYear === buildings.academicYear)
    .sort((a, b) => a.asOf.localeCompare(b.asOf));
  return { buildings, equipment };
}

/** The payload files of a certified survey; equipment counts without a certified record stay home. */
/** The photo ids a survey's records point at: each building's four sides and the site's sign and plan. */
export const photoIdsOf = (site: Site, buildings: readonly Building[]): string[] =>
  [site.signPhoto, site.sitePlan, ...buildings.flatMap((b) => Object.values(b.photos))].flatMap((p) =>
    p ? [p.id] : [],
  );

/** A stored photo as the submission carries it: its thumbnail, never the full picture. */
export function assetThumb(photo: Photo): AssetPhotoPayload | null {
  const { id, owner, slot, takenAt, thumb } = photo;
  if (owner.kind === 'screening') return null;
  return {
    id,
    owner: owner.kind,
    ownerId: owner.id,
    slot,
    takenAt,
    mime: thumb.mime,
    width: thumb.width,
    height: thumb.height,
    thumb: toBase64(thumb.bytes),
  };
}

export function assetSurveyFiles(
  send: { buildings: AssetSurvey; equipment: AssetSurvey[] },
  site: Site,
  buildings: readonly Building[],
  counts: readonly EquipmentCount[],
  thumbs: readonly AssetPhotoPayload[] = [],
): { files: PayloadFile[]; counts: Record<string, number> } {
  const att = (s: AssetSurvey) => ({ confirmation: s.confirmation!, certification: s.certification! });
  const sent = send.equipment.filter((e) => counts.some((c) => c.countedOn === e.asOf));
  const doc: AssetSurveyPayload = {
    academicYear: send.buildings.academicYear,
    asOf: send.buildings.asOf,
    ...att(send.buildings),
    site,
    equipment: sent.map((e) => ({ countedOn: e.asOf, ...att(e) })),
  };
  const equipment = counts.filter((c) => sent.some((e) => e.asOf === c.countedOn));
  return {
    files: [
      payloadFile('payload/asset-survey.json', 'asset-survey/1', [doc]),
      payloadFile('payload/buildings.jsonl', 'building/1', buildings),
      payloadFile('payload/equipment.jsonl', 'equipment/1', equipment),
      payloadFile('payload/asset-photos.jsonl', 'asset-photo/1', thumbs),
    ],
    counts: { buildings: buildings.length, equipmentCounts: equipment.length, assetPhotos: thumbs.length },
  };
}
