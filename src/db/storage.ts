/** What the browser says about this origin's storage; fields are null where it will not say. */
export interface StorageStatus {
  persisted: boolean | null;
  usageBytes: number | null;
  quotaBytes: number | null;
}

export async function storageStatus(nav: Navigator = navigator): Promise<StorageStatus> {
  const sm = nav.storage;
  if (!sm) return { persisted: null, usageBytes: null, quotaBytes: null };
  const [persisted, estimate] = await Promise.all([
    sm.persisted ? sm.persisted().catch(() => null) : Promise.resolve(null),
    sm.estimate ? sm.estimate().catch(() => null) : Promise.resolve(null),
  ]);
  return { persisted, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
}

/** Asks the browser not to evict our data; browsers may refuse silently (headless Chromium does). */
export async function requestPersistence(nav: Navigator = navigator): Promise<boolean | null> {
  if (!nav.storage?.persist) return null;
  return nav.storage.persist().catch(() => null);
}
