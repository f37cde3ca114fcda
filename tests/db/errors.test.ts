import { describe, expect, it } from 'vitest';
import { classifyStorageError, guarded, StorageError } from '../../src/db/errors';

describe('storage errors', () => {
  it('recognises a full disk inside a Dexie wrapper', () => {
    const inner = new DOMException('quota', 'QuotaExceededError');
    expect(classifyStorageError({ name: 'AbortError', inner })).toBe('storage.full');
    expect(classifyStorageError(new DOMException('quota', 'QuotaExceededError'))).toBe('storage.full');
  });

  it('recognises a database from a newer app', () => {
    expect(classifyStorageError({ name: 'VersionError' })).toBe('storage.newer_version');
  });

  it('calls anything else a failed operation', () => {
    expect(classifyStorageError(new Error('boom'))).toBe('storage.failed');
    expect(classifyStorageError(null)).toBe('storage.failed');
  });

  it('guarded() rethrows as StorageError with the cause kept', async () => {
    const cause = new DOMException('quota', 'QuotaExceededError');
    const error = await guarded(() => Promise.reject(cause)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).problem).toBe('storage.full');
    expect((error as StorageError).cause).toBe(cause);
  });
});
