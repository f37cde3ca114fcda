import { describe, expect, it } from 'vitest';
import { TabianDb } from '../../src/db/database';
import { getSetting, setSetting } from '../../src/db/settings-repo';

describe('settings repository', () => {
  it('reads defaults, then what was set', async () => {
    const db = new TabianDb(`settings-${Math.random()}`);
    expect(await getSetting(db, 'locale')).toBe('th');
    await setSetting(db, 'locale', 'en');
    expect(await getSetting(db, 'locale')).toBe('en');
  });

  it('reads a damaged row as the default instead of failing', async () => {
    const db = new TabianDb(`settings-${Math.random()}`);
    await db.settings.put({ key: 'locale', value: 42 });
    expect(await getSetting(db, 'locale')).toBe('th');
  });
});
