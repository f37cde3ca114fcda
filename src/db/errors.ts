/** Storage failures the UI must explain in Thai rather than show raw. */
export type StorageProblem =
  | 'storage.full'
  | 'storage.newer_version'
  | 'storage.unavailable'
  | 'storage.failed'
  // Personal data is sealed and nobody is signed in; or a sealed row does not open with the school's key.
  | 'storage.locked'
  | 'storage.damaged';

export class StorageError extends Error {
  constructor(
    readonly problem: StorageProblem,
    cause: unknown,
  ) {
    super(problem, { cause });
    this.name = 'StorageError';
  }
}

/** Classifies what IndexedDB or Dexie threw; a full disk shows only as its error. */
export function classifyStorageError(error: unknown): StorageProblem {
  const names = errorNames(error);
  if (names.some((n) => n === 'QuotaExceededError')) return 'storage.full';
  if (names.some((n) => n === 'VersionError')) return 'storage.newer_version';
  if (names.some((n) => n === 'MissingAPIError' || n === 'InvalidStateError' || n === 'SecurityError'))
    return 'storage.unavailable';
  return 'storage.failed';
}

// Dexie wraps the DOMException; the original sits in `inner` or `cause`.
function errorNames(error: unknown, depth = 0): string[] {
  if (!error || typeof error !== 'object' || depth > 4) return [];
  const e = error as { name?: unknown; inner?: unknown; cause?: unknown };
  return [String(e.name ?? ''), ...errorNames(e.inner, depth + 1), ...errorNames(e.cause, depth + 1)];
}

/** Runs a storage call, turning its failure into a StorageError. */
export async function guarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storageErrorIn(error) ?? new StorageError(classifyStorageError(error), error);
  }
}

/** A StorageError raised below Dexie (the vault middleware) and wrapped by it on the way up. */
function storageErrorIn(error: unknown, depth = 0): StorageError | null {
  if (error instanceof StorageError) return error;
  if (!error || typeof error !== 'object' || depth > 4) return null;
  const e = error as { inner?: unknown; cause?: unknown };
  return storageErrorIn(e.inner, depth + 1) ?? storageErrorIn(e.cause, depth + 1);
}
