// School modules that Settings can switch off (the poor-student screening, decision 0029): a place switched
// off leaves the menu; its data stays.
import type { Place } from './router.svelte';
import { screeningModuleOn, setScreeningModule } from '../services/screening.service';

class Modules {
  screening = $state(true);
  private loaded = false;

  shows(place: Place): boolean {
    if (!this.loaded) void this.load();
    return place !== 'screening' || this.screening;
  }

  async load(): Promise<void> {
    this.loaded = true;
    this.screening = await screeningModuleOn().catch(() => true);
  }

  async setScreening(on: boolean): Promise<void> {
    await setScreeningModule(on);
    this.screening = on;
  }
}

export const modules = new Modules();
