import type { GrowthReferences, ReferenceData, Who2006Data } from './tables';

// Dynamic imports keep the tables (WHO 2006 is 230 kB) out of the main bundle until a screen needs them.
let loading: Promise<GrowthReferences> | null = null;

export function loadGrowthReferences(): Promise<GrowthReferences> {
  loading ??= Promise.all([import('./data/who2006.json'), import('./data/who2007.json')]).then(([a, b]) => ({
    who2006: a.default as Who2006Data,
    who2007: b.default as ReferenceData,
  }));
  return loading;
}
