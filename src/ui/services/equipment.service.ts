// The ครุภัณฑ์ count: today's count starts from the last one, by catalogue code and category, with items the
// school added; each count is confirmed and certified as of its own date.
import { appDb } from '../../db/database';
import { getSurvey } from '../../db/asset-survey-repo';
import { listCounts, saveCount } from '../../db/equipment-repo';
import { academicYearOf } from '../../domain/calendar';
import {
  blankSurvey,
  certifySurveyBlockers,
  nextCount,
  type AssetSurvey,
  type SurveyBlocker,
} from '../../domain/assets/round';
import { catalogue, type EquipmentCount } from '../../domain/assets/schema';
import { equipmentChanges, type EquipmentChange } from '../../domain/assets/survey';
import { todayIso } from './clock';

export interface CountView {
  count: EquipmentCount;
  /** The count before this one, the base of the changes report. */
  before: EquipmentCount | null;
  changes: EquipmentChange[];
  record: AssetSurvey;
  confirmBlockers: SurveyBlocker[];
  certifyBlockers: SurveyBlocker[];
}

/** Every catalogue item present, at zero when not counted yet, in catalogue order, then the school's own. */
export function withCatalogue(count: EquipmentCount): EquipmentCount {
  const have = new Map(count.items.map((i) => [i.code, i]));
  const listed = catalogue.equipment.map(
    ([code, , name]) =>
      have.get(code!) ?? { code: code!, name: name!, usable: 0, awaitingRepair: 0, awaitingDisposal: 0 },
  );
  const own = count.items.filter((i) => !catalogue.equipment.some(([c]) => c === i.code));
  return { ...count, items: [...listed, ...own] };
}

export async function loadCount(now: Date = new Date()): Promise<CountView> {
  const db = appDb();
  const today = todayIso(now);
  const counts = await listCounts(db);
  const current = counts.find((c) => c.countedOn === today) ?? nextCount(counts.at(-1) ?? null, today);
  const before = counts.filter((c) => c.countedOn < today).at(-1) ?? null;
  const count = withCatalogue(current);
  const record = await getSurvey(db, blankSurvey('equipment', academicYearOf(today), today));
  return {
    count,
    before,
    changes: equipmentChanges(before, count),
    record,
    confirmBlockers: record.certification ? ['survey.certified'] : [],
    certifyBlockers: certifySurveyBlockers(record),
  };
}

export const saveEquipmentCount = (count: EquipmentCount): Promise<EquipmentCount> => saveCount(appDb(), count);
