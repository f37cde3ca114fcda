// Which certified surveys go in a school's submission, as payload files (kept apart from payload.ts, which
// bundle/payloads.ts imports for the schemas).
import { payloadFile, type PayloadFile } from '../bundle/payloads';
import type { AssetSurveyPayload } from './payload';
import type { AssetSurvey } from './round';
import type { Building, EquipmentCount, Site } from './schema';

/** The certified building survey of the latest year, and the certified counts of that academic year. */
export function surveyToSend(surveys: readonly AssetSurvey[]): { buildings: AssetSurvey; equipment: AssetSurvey[] } | null {
  const certified = surveys.filter((s) => s.confirmation && s.certification);
  const buildings = certified.filter((s) => s.kind === 'buildings').sort((a, b) => b.academicYear - a.academicYear)[0];
  if (!buildings) return null;
  const equipment = certified.filter((s) => s.kind === 'equipment' && s.academicYear === buildings.academicYear).sort((a, b) => a.asOf.localeCompare(b.asOf));
  return { buildings, equipment };
}

/** The payload files of a certified survey; equipment counts without a certified record stay home. */
export function assetSurveyFiles(send: { buildings: AssetSurvey; equipment: AssetSurvey[] }, site: Site, buildings: readonly Building[], counts: readonly EquipmentCount[]): { files: PayloadFile[]; counts: Record<string, number> } {
  const att = (s: AssetSurvey) => ({ confirmation: s.confirmation!, certification: s.certification! });
  const sent = send.equipment.filter((e) => counts.some((c) => c.countedOn === e.asOf));
  const doc: AssetSurveyPayload = {
    academicYear: send.buildings.academicYear, asOf: send.buildings.asOf, ...att(send.buildings), site,
    equipment: sent.map((e) => ({ countedOn: e.asOf, ...att(e) })),
  };
  const equipment = counts.filter((c) => sent.some((e) => e.asOf === c.countedOn));
  return {
    files: [
      payloadFile('payload/asset-survey.json', 'asset-survey/1', [doc]),
      payloadFile('payload/buildings.jsonl', 'building/1', buildings),
      payloadFile('payload/equipment.jsonl', 'equipment/1', equipment),
    ],
    counts: { buildings: buildings.length, equipmentCounts: equipment.length },
  };
}
