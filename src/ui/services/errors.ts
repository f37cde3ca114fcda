import { StorageError } from '../../db/errors';
import type { MessageKey } from '../i18n/th';
import { noteStorageProblem } from './storage-problem';

/** The Thai message for a failed read or write; a full disk also raises the shell's urgent reminder. */
export function problemKey(error: unknown): MessageKey {
  noteStorageProblem(error);
  return error instanceof StorageError ? `error.${error.problem}` : 'error.storage.failed';
}
