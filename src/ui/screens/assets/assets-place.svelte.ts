// What the assets place shows and does: this year's survey, the building being edited, today's equipment
// count. Writes go through the services; a failed one leaves its message here, not in a component.
import type { User } from '../../../domain/access/users';
import type { SignInResult } from '../../../domain/access/pin';
import type { AssetSurvey } from '../../../domain/assets/round';
import { buildingSchema, type Building, type EquipmentCount, type Site } from '../../../domain/assets/schema';
import {
  certifySurvey,
  confirmSurvey,
  loadSurvey,
  saveBuildingOf,
  saveSiteOf,
  type SurveyView,
} from '../../services/assets.service';
import { loadCount, saveEquipmentCount, type CountView } from '../../services/equipment.service';
import { problemKey } from '../../services/errors';
import type { MessageKey } from '../../i18n/th';

export type AssetsTab = 'buildings' | 'site' | 'classrooms' | 'equipment';

/** A building not yet saved: its id is made now, so its photos have an owner before the first save. */
export const newBuilding = (): Building => buildingSchema.parse({ id: crypto.randomUUID(), kind: 'b01' });

class AssetsPlaceState {
  tab = $state<AssetsTab>('buildings');
  survey = $state<SurveyView | null>(null);
  count = $state<CountView | null>(null);
  /** The building open in the form (a new one has its id already), or null for the list. */
  editing = $state<Building | null>(null);
  busy = $state(false);
  problem = $state<MessageKey | null>(null);
  saved = $state<MessageKey | null>(null);

  async load(): Promise<void> {
    await this.run(async () => {
      [this.survey, this.count] = await Promise.all([loadSurvey(), loadCount()]);
    });
  }

  pick(tab: AssetsTab): void {
    this.tab = tab;
    this.editing = null;
    this.saved = null;
  }

  edit(building: Building | null): void {
    this.editing = building ? ($state.snapshot(building) as Building) : null;
    this.saved = null;
  }

  async saveSite(site: Site): Promise<boolean> {
    return this.run(async () => {
      await saveSiteOf(this.survey!, site);
      this.survey = await loadSurvey();
    }, 'assets.site.saved');
  }

  async saveBuilding(building: Building): Promise<boolean> {
    return this.run(async () => {
      await saveBuildingOf(this.survey!, building);
      this.survey = await loadSurvey();
      this.editing = null;
    }, 'assets.building.saved');
  }

  async saveCount(count: EquipmentCount): Promise<boolean> {
    return this.run(async () => {
      await saveEquipmentCount(count);
      this.count = await loadCount();
    }, 'assets.equipment.saved');
  }

  async confirm(kind: AssetSurvey['kind'], draft?: EquipmentCount): Promise<boolean> {
    return this.run(async () => {
      if (kind === 'equipment') {
        if (draft) await saveEquipmentCount(draft);
        await confirmSurvey(this.count!.record, this.count!.confirmBlockers);
      } else await confirmSurvey(this.survey!.record, this.survey!.confirmBlockers);
      [this.survey, this.count] = await Promise.all([loadSurvey(), loadCount()]);
    });
  }

  /** The director's PIN; the result says whether it was right (a wrong PIN is not an error here). */
  async certify(kind: AssetSurvey['kind'], director: User, pin: string): Promise<SignInResult | null> {
    let result: SignInResult | null = null;
    await this.run(async () => {
      result = await certifySurvey(kind === 'equipment' ? this.count!.record : this.survey!.record, director, pin);
      if (result.ok) [this.survey, this.count] = await Promise.all([loadSurvey(), loadCount()]);
    });
    return result;
  }

  private async run(work: () => Promise<void>, done: MessageKey | null = null): Promise<boolean> {
    this.busy = true;
    this.problem = null;
    this.saved = null;
    try {
      await work();
      this.saved = done;
      return true;
    } catch (e) {
      this.problem = problemKey(e);
      return false;
    } finally {
      this.busy = false;
    }
  }
}

export const assetsPlace = new AssetsPlaceState();
