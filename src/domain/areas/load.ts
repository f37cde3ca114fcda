import { createAreaIndex, type AreaData, type AreaIndex } from './areas';

// A dynamic import keeps the 480 kB table out of the main bundle until an address form needs it.
export const loadAreaIndex = async (): Promise<AreaIndex> =>
  createAreaIndex((await import('./thai-admin.json')).default as AreaData);
