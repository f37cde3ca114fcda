// @vitest-environment node
// A backup of an older version goes through each later migration's upgrade, as a live database would:
// here a made-up next version rewrites room names, and a backup of today's version restores into it
// with the rewrite applied (today's migrations have no upgrade function to watch).
import { afterEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import type * as Migrations from '../../src/db/migrations';

vi.mock('../../src/db/migrations', async (original) => {
  const real = await original<typeof Migrations>();
  const next = real.LATEST_VERSION + 1;
  const migrations = [
    ...real.migrations,
    {
      version: next,
      why: 'test: room names lose their "ห้อง" prefix',
      stores: {},
      upgrade: (tx: import('dexie').Transaction) =>
        tx
          .table('rooms')
          .toCollection()
          .modify((r: { room: string }) => {
            r.room = r.room.replace(/^ห้อง/, '');
          }),
    },
  ];
  return { ...real, migrations, LATEST_VERSION: next };
});

const { TabianDb } = await import('../../src/db/database');
const { dumpDatabase, restoreDatabase } = await import('../../src/db/backup-repo');
const { LATEST_VERSION } = await import('../../src/db/migrations');

const names: string[] = [];
const open = (version?: number) => {
  const name = `restore-up-${names.length}-${Math.random()}`;
  names.push(name);
  return new TabianDb(name, version);
};
afterEach(async () => {
  await Promise.all(names.splice(0).map((n) => Dexie.delete(n)));
});

describe('a backup of the version before', () => {
  it('is upgraded by the next migration before its rows are written', async () => {
    const old = open(LATEST_VERSION - 1);
    await old.rooms.bulkPut([
      { key: '04/1', grade: '04', room: 'ห้อง1' },
      { key: '04/2', grade: '04', room: '2' },
    ]);
    const dump = await dumpDatabase(old);
    expect(dump.version).toBe(LATEST_VERSION - 1);
    const db = open();
    await restoreDatabase(db, dump);
    expect(db.verno).toBe(LATEST_VERSION);
    expect(await db.rooms.toArray()).toEqual([
      { key: '04/1', grade: '04', room: '1' },
      { key: '04/2', grade: '04', room: '2' },
    ]);
  });
});
