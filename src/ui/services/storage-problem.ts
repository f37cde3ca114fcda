// Whether a write was refused for lack of space since the app started. Kept apart from safety.service (which
// reads backups, rounds and every store's schema) so that every screen's error path, the sign-in screen's
// included, can note it without loading those on the first screen (issue 24).
import { StorageError } from '../../db/errors';

let writeFailedFull = false;

/** Where a storage error is shown: a write refused for lack of space keeps the reminder up until reload. */
export function noteStorageProblem(error: unknown): void {
  if (error instanceof StorageError && error.problem === 'storage.full') writeFailedFull = true;
}

export const storageWasFull = (): boolean => writeFailedFull;
