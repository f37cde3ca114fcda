// The yearly survey confirmed and certified like a DMC round: buildings as of 30 October of the academic
// year, equipment as of each count's own date. Carried over from last year, so the survey is an update.
import { z } from 'zod';
import { attestationSchema } from '../year/round';
import { isoDateSchema, toGregorianYear } from '../thai-date';
import { buildingProblems, type BuildingProblem } from './survey';
import type { Building, EquipmentCount } from './schema';

/** Who vouched for a survey: a round's attestation without a student snapshot. */
export const surveyAttestationSchema = attestationSchema.omit({ snapshot: true });
export type SurveyAttestation = z.infer<typeof surveyAttestationSchema>;

export const assetSurveySchema = z.object({
  /** "2569/buildings" or "equipment/2026-10-01". */
  key: z.string().min(1),
  kind: z.enum(['buildings', 'equipment']),
  academicYear: z.number().int(),
  asOf: isoDateSchema,
  confirmation: surveyAttestationSchema.nullable(),
  certification: surveyAttestationSchema.nullable(),
});
export type AssetSurvey = z.infer<typeof assetSurveySchema>;

/** B-OBEC / OBEC-Asset take the buildings as they stand on 30 October. */
export const buildingsAsOf = (academicYear: number): string => `${toGregorianYear(academicYear)}-10-30`;
export const buildingSurveyKey = (academicYear: number): string => `${academicYear}/buildings`;
export const equipmentSurveyKey = (countedOn: string): string => `equipment/${countedOn}`;

export const blankSurvey = (kind: AssetSurvey['kind'], academicYear: number, asOf: string): AssetSurvey => ({
  key: kind === 'buildings' ? buildingSurveyKey(academicYear) : equipmentSurveyKey(asOf),
  kind,
  academicYear,
  asOf,
  confirmation: null,
  certification: null,
});

/** This year's starting list: last year's buildings still standing, as they were. */
export const carryOver = (lastYear: readonly Building[]): Building[] =>
  lastYear.filter((b) => !b.removedOn).map((b) => structuredClone(b));

const COMPARED = [
  'kind',
  'design',
  'name',
  'roomsByDesign',
  'roomsActual',
  'specialRooms',
  'floors',
  'builtYearBE',
  'budgetBaht',
  'budgetSource',
  'condition',
  'inUse',
  'note',
  'removedOn',
] as const;
export type BuildingField = (typeof COMPARED)[number] | 'photos';

/** What changed in a building since last year's survey ("new" when it was not there). */
export function buildingChanges(now: Building, before: Building | null): BuildingField[] | 'new' {
  if (!before) return 'new';
  const changed: BuildingField[] = COMPARED.filter((f) => now[f] !== before[f]);
  if (JSON.stringify(now.photos) !== JSON.stringify(before.photos)) changed.push('photos');
  return changed;
}

export interface SurveyLine {
  building: Building;
  changes: BuildingField[] | 'new';
  problems: BuildingProblem[];
}

/** Every building of this year's survey beside last year's record, with what changed and what to look at. */
export function surveyLines(now: readonly Building[], lastYear: readonly Building[], today: string): SurveyLine[] {
  const before = new Map(lastYear.map((b) => [b.id, b]));
  return now.map((b) => ({
    building: b,
    changes: buildingChanges(b, before.get(b.id) ?? null),
    problems: buildingProblems(b, before.get(b.id) ?? null, today),
  }));
}

export type SurveyBlocker = 'survey.empty' | 'survey.condition_note' | 'survey.not_confirmed' | 'survey.certified';

/** Why the survey cannot be confirmed yet: a condition change without a note stops it; old photos only warn. */
export function confirmSurveyBlockers(record: AssetSurvey, lines: readonly SurveyLine[]): SurveyBlocker[] {
  const b: SurveyBlocker[] = [];
  if (record.certification) b.push('survey.certified');
  if (lines.length === 0) b.push('survey.empty');
  if (lines.some((l) => l.problems.includes('condition.note'))) b.push('survey.condition_note');
  return b;
}

export function certifySurveyBlockers(record: AssetSurvey): SurveyBlocker[] {
  if (record.certification) return ['survey.certified'];
  return record.confirmation ? [] : ['survey.not_confirmed'];
}

/** A new count starts from the last one's items and figures, dated today. */
export const nextCount = (last: EquipmentCount | null, countedOn: string): EquipmentCount => ({
  schemaVersion: 1,
  countedOn,
  items: structuredClone(last?.items ?? []),
});
