import { describe, expect, it } from 'vitest';
import { Task } from '../../../src/ui/state/task.svelte';
import { StorageError } from '../../../src/db/errors';
import { th } from '../../../src/ui/i18n/th';

describe('Task', () => {
  it('is busy while its work runs, and not after', async () => {
    const task = new Task();
    let release!: () => void;
    const running = task.run(() => new Promise<void>((r) => (release = r)));
    expect(task.busy).toBe(true);
    release();
    expect(await running).toBe(true);
    expect(task.busy).toBe(false);
    expect(task.problem).toBeNull();
  });

  it('turns a storage failure into its Thai sentence, and any other failure into the general one', async () => {
    const task = new Task();
    expect(await task.run(() => Promise.reject(new StorageError('storage.full', null)))).toBe(false);
    expect(task.problem).toBe(th['error.storage.full']);
    expect(task.busy).toBe(false);
    await task.run(() => {
      throw new Error('boom');
    });
    expect(task.problem).toBe(th['error.storage.failed']);
  });

  it('uses the screen’s own words for a failure when given them, and clears the last problem on the next run', async () => {
    const task = new Task((e) => `no: ${(e as Error).message}`);
    await task.run(() => Promise.reject(new Error('locked')));
    expect(task.problem).toBe('no: locked');
    expect(await task.run(() => 1)).toBe(true);
    expect(task.problem).toBeNull();
    await task.run(() => Promise.reject(new Error('again')));
    task.clear();
    expect(task.problem).toBeNull();
  });
});
