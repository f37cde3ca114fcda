import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { refuseNewerDatabase, TabianDb } from '../../src/db/database';
import { migrations, LATEST_VERSION } from '../../src/db/migrations';
import { loadProfile, saveProfile } from '../../src/db/profile-repo';
import { fixturesByVersion } from './fixtures';

const names: string[] = [];
function dbName(): string {
  const name = `test-${names.length}-${Math.random()}`;
  names.push(name);
  return name;
}
afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

describe('schema migrations', () => {
  it('are numbered 1, 2, 3 … without gaps and each says why', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    for (const m of migrations) expect(m.why.length).toBeGreaterThan(10);
  });

  it('has a fixture for every schema version', () => {
    expect(Object.keys(fixturesByVersion).map(Number)).toEqual(migrations.map((m) => m.version));
  });

  for (const m of migrations) {
    it(`upgrades a database written at version ${m.version} to the latest with every record intact`, async () => {
      const name = dbName();
      const old = new TabianDb(name, m.version);
      await fixturesByVersion[m.version]!.write(old);
      old.close();

      const db = new TabianDb(name);
      await db.open();
      expect(db.verno).toBe(LATEST_VERSION);
      await fixturesByVersion[m.version]!.check(db);
      db.close();
    });
  }

  it('refuses to open a database written by a newer app version, and leaves it untouched', async () => {
    const name = dbName();
    const newer = new Dexie(name);
    newer.version(LATEST_VERSION + 1).stores({ profile: 'key', settings: 'key', future: 'id' });
    await newer.table('settings').put({ key: 'locale', value: 'en' });
    newer.close();

    await expect(refuseNewerDatabase(name)).rejects.toMatchObject({ problem: 'storage.newer_version' });
    // Untouched means untouched: not even this version's stores added under a bumped native version.
    expect((await indexedDB.databases()).find((d) => d.name === name)?.version).toBe((LATEST_VERSION + 1) * 10);
    const again = new Dexie(name);
    await again.open();
    expect(again.verno).toBe(LATEST_VERSION + 1);
    expect(again.tables.map((t) => t.name).sort()).toEqual(['future', 'profile', 'settings']);
    expect(await again.table('settings').get('locale')).toEqual({ key: 'locale', value: 'en' });
    again.close();
    // Where indexedDB.databases() is missing, opening still refuses (after Dexie's own bump).
    await expect(new TabianDb(name).open()).rejects.toMatchObject({ problem: 'storage.newer_version' });
  });
});

describe('profile repository', () => {
  it('returns null before set-up and the saved profile after', async () => {
    const db = new TabianDb(dbName());
    expect(await loadProfile(db)).toBeNull();
    const profile = fixturesByVersion[1]!.profile;
    await saveProfile(db, profile);
    expect(await loadProfile(db)).toEqual(profile);
  });

  it('refuses to store a profile that breaks its schema', async () => {
    const db = new TabianDb(dbName());
    const bad = { ...fixturesByVersion[1]!.profile, moeCode: '123' };
    await expect(saveProfile(db, bad)).rejects.toThrow();
    expect(await loadProfile(db)).toBeNull();
  });
});
