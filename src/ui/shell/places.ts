import type { Component } from 'svelte';
import type { DeviceProfile } from '../../domain/school';
import type { Place } from '../state/router.svelte';

// Each place's screen is its own chunk, loaded when the place is first opened (from the service worker's
// cache when offline): the first screen needs only the shell, the lock screen and the home page.
type Loader<P extends Record<string, unknown> = Record<string, never>> = () => Promise<{ default: Component<P> }>;

/** The screen of each place that has one, per kind of device; places missing here show "not available yet". */
const placeLoaders: Record<'school' | 'district', Partial<Record<Place, Loader>>> = {
  school: {
    students: () => import('../screens/students/StudentsPlace.svelte'),
    movements: () => import('../screens/movements/MovementsPlace.svelte'),
    confirm: () => import('../screens/confirm/ConfirmPlace.svelte'),
    exchange: () => import('../screens/exchange/ExchangePlace.svelte'),
    reports: () => import('../screens/reports/ReportsPlace.svelte'),
    measure: () => import('../screens/measure/MeasurePlace.svelte'),
    assets: () => import('../screens/assets/AssetsPlace.svelte'),
    screening: () => import('../screens/screening/ScreeningPlace.svelte'),
    staff: () => import('../screens/staff/StaffPlace.svelte'),
  },
  district: {
    schools: () => import('../screens/district/SchoolsPlace.svelte'),
    import: () => import('../screens/district/ImportPlace.svelte'),
    duplicates: () => import('../screens/district/DuplicatesPlace.svelte'),
    reports: () => import('../screens/district/DistrictReportsPlace.svelte'),
  },
};

export const settingsScreen: Loader<{ profile: DeviceProfile }> = () => import('../screens/settings/Settings.svelte');

const loaded = new Map<Loader<never>, Component<never>>();

/** The place's screen: the component itself once loaded (so returning to a place renders at once), else its loading. */
export function screenOf<P extends Record<string, unknown>>(loader: Loader<P>): Component<P> | Promise<Component<P>> {
  const done = loaded.get(loader as Loader<never>) as Component<P> | undefined;
  if (done) return done;
  return loader().then((m) => {
    loaded.set(loader as Loader<never>, m.default as Component<never>);
    return m.default;
  });
}

/**
 * Loads the screen of the place the address names (and Settings' none) ahead of time, so that "OK" on the
 * lock screen shows it without fetching and running its chunk then (issue 24, cold start). Failures are
 * left to the place itself, which shows its own message when opened.
 */
export function prefetchPlace(kind: 'school' | 'district', place: Place): void {
  const loader = placeLoaders[kind][place];
  if (!loader) return;
  const pending = screenOf(loader);
  if (pending instanceof Promise) pending.catch(() => {});
}

export const placeLoader = (kind: 'school' | 'district', place: Place): Loader | undefined => placeLoaders[kind][place];
