import { describe, expect, it, vi } from 'vitest';
import { updates } from '../../../src/ui/state/updates.svelte';

describe('app updates', () => {
  it('never reload while a form holds unsaved input', async () => {
    const apply = vi.fn(() => Promise.resolve());
    updates.attach(apply);
    updates.markDirty('school-profile', true);
    expect(updates.hasUnsaved).toBe(true);
    expect(await updates.reload()).toBe(false);
    expect(apply).not.toHaveBeenCalled();

    updates.markDirty('school-profile', false);
    expect(await updates.reload()).toBe(true);
    expect(apply).toHaveBeenCalledWith(true);
  });
});
