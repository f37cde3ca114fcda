import type { MessageKey } from '../i18n/th';
import type { IconName } from '../components/icons';

export type Place =
  | 'home'
  | 'students'
  | 'movements'
  | 'measure'
  | 'screening'
  | 'confirm'
  | 'exchange'
  | 'reports'
  | 'settings'
  | 'schools'
  | 'import'
  | 'duplicates'
  | 'assets'
  | 'staff';

export interface NavItem {
  place: Place;
  label: MessageKey;
  icon: IconName;
}

// The places of each kind of device, in menu order; later issues fill them.
export const schoolPlaces: NavItem[] = [
  { place: 'home', label: 'nav.home', icon: 'home' },
  { place: 'students', label: 'nav.students', icon: 'students' },
  { place: 'movements', label: 'nav.movements', icon: 'movements' },
  { place: 'measure', label: 'nav.measure', icon: 'measure' },
  { place: 'screening', label: 'nav.screening', icon: 'screening' },
  { place: 'staff', label: 'nav.staff', icon: 'staff' },
  { place: 'assets', label: 'nav.assets', icon: 'assets' },
  { place: 'confirm', label: 'nav.confirm', icon: 'confirm' },
  { place: 'exchange', label: 'nav.exchange', icon: 'exchange' },
  { place: 'reports', label: 'nav.reports', icon: 'reports' },
  { place: 'settings', label: 'nav.settings', icon: 'settings' },
];

export const districtPlaces: NavItem[] = [
  { place: 'home', label: 'nav.home', icon: 'home' },
  { place: 'schools', label: 'nav.schools', icon: 'schools' },
  { place: 'import', label: 'nav.import', icon: 'import' },
  { place: 'duplicates', label: 'nav.duplicates', icon: 'duplicates' },
  { place: 'reports', label: 'nav.reports', icon: 'reports' },
  { place: 'settings', label: 'nav.settings', icon: 'settings' },
];

const allPlaces = new Set<string>([...schoolPlaces, ...districtPlaces].map((p) => p.place));

function fromHash(hash: string): Place {
  const name = hash.replace(/^#\/?/, '');
  return allPlaces.has(name) ? (name as Place) : 'home';
}

/** The current place lives in the URL hash, so reload and the back button keep it. */
class Router {
  place = $state<Place>(typeof location === 'undefined' ? 'home' : fromHash(location.hash));

  constructor() {
    if (typeof window !== 'undefined') addEventListener('hashchange', () => (this.place = fromHash(location.hash)));
  }

  go(place: Place): void {
    this.place = place;
    if (typeof location !== 'undefined' && location.hash !== `#/${place}`) location.hash = `#/${place}`;
  }
}

export const router = new Router();
