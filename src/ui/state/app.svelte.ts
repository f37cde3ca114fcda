import type { DeviceProfile } from '../../domain/school';
import { appDb, refuseNewerDatabase, resetAppDb } from '../../db/database';
import { loadProfile } from '../../db/profile-repo';
import { getSetting, setSetting } from '../../db/settings-repo';
import { StorageError, classifyStorageError, type StorageProblem } from '../../db/errors';
import { i18n, loadLocale, type Locale } from '../i18n/i18n.svelte';

type Phase = 'loading' | 'setup' | 'ready' | 'error';

/** What the whole app shows: loading, first set-up, the shell, or a storage error it cannot get past. */
class AppState {
  phase = $state<Phase>('loading');
  profile = $state<DeviceProfile | null>(null);
  problem = $state<StorageProblem | null>(null);
  /** Bumped when what the safety status describes changes in place (a backup made or restored), so its
   * reminders and banners clear at once instead of at the next change of place. */
  safetyVersion = $state(0);

  safetyChanged(): void {
    this.safetyVersion++;
  }

  async boot(): Promise<void> {
    this.phase = 'loading';
    try {
      await refuseNewerDatabase();
      const db = appDb();
      // Read together: one round trip fewer before the first screen (issue 24, cold start).
      const [locale, profile] = await Promise.all([getSetting(db, 'locale'), loadProfile(db)]);
      await loadLocale(locale);
      i18n.set(locale);
      this.profile = profile;
      this.problem = null;
      this.phase = this.profile ? 'ready' : 'setup';
    } catch (error) {
      resetAppDb();
      this.problem = error instanceof StorageError ? error.problem : classifyStorageError(error);
      this.phase = 'error';
    }
  }

  profileSaved(profile: DeviceProfile): void {
    this.profile = profile;
    this.phase = 'ready';
  }

  async setLocale(locale: Locale): Promise<void> {
    await loadLocale(locale);
    i18n.set(locale);
    await setSetting(appDb(), 'locale', locale);
  }
}

export const app = new AppState();
