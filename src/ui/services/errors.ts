import { StorageError } from '../../db/errors';
import type { MessageKey } from '../i18n/th';

/** The Thai message for a failed read or write. */
export function problemKey(error: unknown): MessageKey {
  return error instanceof StorageError ? `error.${error.problem}` : 'error.storage.failed';
}
