// @vitest-environment node
// A backup is outside data like any file (issue 19 §6): one written by an older app goes through the same
// migrations as a live database, and every row must fit its store's schema before anything is replaced.
import { afterEach, describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { TabianDb } from '../../src/db/database';
import { BackupRowsError, dumpDatabase, restoreDatabase } from '../../src/db/backup-repo';
import { LATEST_VERSION, migrations } from '../../src/db/migrations';
import { rowSchemas } from '../../src/db/row-schemas';
import { fixturesByVersion } from './fixtures';

const names: string[] = [];
function db(version = LATEST_VERSION): TabianDb {
  const name = `restore-v-${names.length}-${Math.random()}`;
  names.push(name);
  return new TabianDb(name, version);
}
afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

describe('restoring a backup of an older database version', () => {
  it('every store of the latest version has a row schema', () => {
    expect(Object.keys(rowSchemas).sort()).toEqual(
      db()
        .tables.map((t) => t.name)
        .sort(),
    );
  });

  for (const m of migrations.filter((x) => x.version < LATEST_VERSION)) {
    it(`a backup written at version ${m.version} restores through the migrations with every record intact`, async () => {
      const old = db(m.version);
      await fixturesByVersion[m.version]!.write(old);
      const dump = await dumpDatabase(old);
      expect(dump.version).toBe(m.version);
      old.close();
      const target = db();
      await restoreDatabase(target, dump);
      await fixturesByVersion[m.version]!.check(target);
      // The scratch database it went through is gone.
      expect((await Dexie.getDatabaseNames()).filter((n) => n.startsWith('tabian-restore-'))).toEqual([]);
    });
  }

  it('refuses a backup whose rows do not fit their schema, before touching anything', async () => {
    const source = db(LATEST_VERSION - 1);
    await fixturesByVersion[LATEST_VERSION - 1]!.write(source);
    const dump = await dumpDatabase(source);
    const target = db();
    await fixturesByVersion[LATEST_VERSION]!.write(target);
    const before = await dumpDatabase(target);
    const students = dump.stores['students']!.map((s) => ({ ...(s as object), birthDate: 'ยี่สิบมีนา' }));
    const bad = { ...dump, stores: { ...dump.stores, students } };
    const refused = await restoreDatabase(target, bad).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BackupRowsError);
    expect((refused as BackupRowsError).problems).toEqual([
      expect.objectContaining({ store: 'students', index: 0, path: 'birthDate' }),
    ]);
    const profile = {
      ...dump,
      version: LATEST_VERSION,
      stores: { ...dump.stores, profile: [{ key: 'device', value: { kind: 'school' } }] },
    };
    await expect(restoreDatabase(target, profile)).rejects.toBeInstanceOf(BackupRowsError);
    expect(await dumpDatabase(target)).toEqual(before);
  });
});
