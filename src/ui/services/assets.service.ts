// Land and buildings: this academic year's survey, carried over from last year, then confirmed by staff
// and certified by the director with their PIN, like a round (buildings as of 30 October).
import { appDb } from '../../db/database';
import { listBuildings, loadSite, previousSurveyYear, saveBuilding, saveSite, startSurvey } from '../../db/asset-repo';
import { getSurvey, saveSurvey } from '../../db/asset-survey-repo';
import { listRooms } from '../../db/room-repo';
import { saveUser } from '../../db/user-repo';
import { signIn, type SignInResult } from '../../domain/access/pin';
import { canCertify, type User } from '../../domain/access/users';
import { academicYearOf } from '../../domain/calendar';
import { gradeNeeds } from '../../domain/assets/district';
import {
  blankSurvey,
  buildingsAsOf,
  certifySurveyBlockers,
  confirmSurveyBlockers,
  surveyLines,
  type AssetSurvey,
  type SurveyAttestation,
  type SurveyBlocker,
  type SurveyLine,
} from '../../domain/assets/round';
import { buildingSchema, siteSchema, type Building, type Site } from '../../domain/assets/schema';
import { classroomSupply, type ClassroomSupply } from '../../domain/assets/survey';
import { session } from '../state/session.svelte';
import { todayIso } from './clock';

export interface SurveyView {
  academicYear: number;
  asOf: string;
  today: string;
  /** The survey year this one was carried over from, or null for a first survey. */
  carriedFrom: number | null;
  site: Site;
  buildings: Building[];
  lastYear: Building[];
  lines: SurveyLine[];
  supply: ClassroomSupply;
  record: AssetSurvey;
  confirmBlockers: SurveyBlocker[];
  certifyBlockers: SurveyBlocker[];
}

export async function loadSurvey(now: Date = new Date()): Promise<SurveyView> {
  const db = appDb();
  const today = todayIso(now);
  const academicYear = academicYearOf(today);
  const asOf = buildingsAsOf(academicYear);
  await startSurvey(db, academicYear, now);
  const from = await previousSurveyYear(db, academicYear);
  const [site, buildings, lastYear, record, rooms] = await Promise.all([
    loadSite(db, academicYear),
    listBuildings(db, academicYear),
    from === null ? [] : listBuildings(db, from),
    getSurvey(db, blankSurvey('buildings', academicYear, asOf)),
    listRooms(db),
  ]);
  const standing = buildings.filter((b) => !b.removedOn);
  const lines = surveyLines(buildings, lastYear, today);
  return {
    academicYear,
    asOf,
    today,
    carriedFrom: from,
    site: site ?? siteSchema.parse({}),
    buildings,
    lastYear,
    lines,
    supply: classroomSupply(gradeNeeds(rooms), standing),
    record,
    confirmBlockers: confirmSurveyBlockers(record, lines),
    certifyBlockers: certifySurveyBlockers(record),
  };
}

export const saveSiteOf = (view: SurveyView, site: Site): Promise<Site> => saveSite(appDb(), view.academicYear, site);

/** Saves a building of this year's survey; a new one gets its id here. */
export function saveBuildingOf(view: SurveyView, building: Omit<Building, 'id'> & { id?: string }): Promise<Building> {
  return saveBuilding(
    appDb(),
    view.academicYear,
    buildingSchema.parse({ ...building, id: building.id || crypto.randomUUID() }),
  );
}

const attestation = (user: User, asOf: string, now: Date): SurveyAttestation => ({
  userId: user.id,
  userName: user.name,
  role: user.role,
  at: now.toISOString(),
  asOf,
});

/** Confirms a survey record (buildings or an equipment count) as the signed-in staff member. */
export async function confirmSurvey(
  record: AssetSurvey,
  blockers: readonly SurveyBlocker[],
  now: Date = new Date(),
): Promise<AssetSurvey> {
  if (blockers.length) throw new Error(`cannot confirm: ${blockers.join(', ')}`);
  return saveSurvey(appDb(), { ...record, confirmation: attestation(session.user!, record.asOf, now) });
}

/** The director certifies with their PIN, checked like a sign-in (wrong tries count towards the lock-out). */
export async function certifySurvey(
  record: AssetSurvey,
  director: User,
  pin: string,
  now: Date = new Date(),
): Promise<SignInResult> {
  if (!canCertify(director) || certifySurveyBlockers(record).length) throw new Error('cannot certify');
  const result = await signIn(director, pin, now, crypto.getRandomValues(new Uint8Array(16)));
  await saveUser(appDb(), result.ok && result.upgraded ? { ...result.user, pin: director.pin } : result.user);
  if (result.ok) await saveSurvey(appDb(), { ...record, certification: attestation(result.user, record.asOf, now) });
  return result;
}
