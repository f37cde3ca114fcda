// Records that can evolve (issue 19 §6): every step of a record's history runs, in order, for every reader
// of old data — stored rows (src/db) and payload files of older bundles (src/domain/bundle).
import { afterEach, describe, expect, it } from 'vitest';
import { TabianDb } from '../../src/db/database';
import { getStudent } from '../../src/db/student-repo';
import { sha256Hex } from '../../src/domain/bundle/hash';
import { parsePayloadFile, PAYLOAD_SCHEMAS, resolvePayloadSchema } from '../../src/domain/bundle/payloads';
import { utf8 } from '../../src/domain/bundle/bytes';
import { missingUpgrades, upgradeRecord, type RecordHistory, type Upgrade } from '../../src/domain/record-history';
import { STORE_HISTORIES } from '../../src/domain/record-histories';
import { studentHistory } from '../../src/domain/student/schema';
import { aStudent } from '../factories/students';

const ran: number[] = [];
const step =
  (n: number, change: Upgrade): Upgrade =>
  (r) => {
    ran.push(n);
    return change(r);
  };
/** A made-up type at version 3: version 0 had `given`, 1 renamed it, 2 added a default, 3 split a field. */
const pupil: RecordHistory = {
  name: 'pupil',
  version: 3,
  upgrades: {
    1: step(1, ({ given, ...r }) => ({ ...r, firstName: given })),
    2: step(2, (r) => ({ ...r, nickname: '' })),
    3: step(3, ({ room, ...r }) => ({ ...r, grade: String(room).split('/')[0], room: String(room).split('/')[1] })),
  },
};

afterEach(() => {
  ran.length = 0;
  delete (studentHistory.upgrades as Record<number, Upgrade>)[1];
});

describe('record histories', () => {
  it('runs every step from the record’s version to the latest, in order, and stamps the version', () => {
    expect(upgradeRecord(pupil, { schemaVersion: 0, given: 'มาลี', room: 'ป.1/2' })).toEqual({
      ok: true,
      from: 0,
      steps: [1, 2, 3],
      record: { schemaVersion: 3, firstName: 'มาลี', nickname: '', grade: 'ป.1', room: '2' },
    });
    expect(ran).toEqual([1, 2, 3]);
    ran.length = 0;
    // A record without the field is version 1; a file can say which version its records are.
    expect(upgradeRecord(pupil, { firstName: 'มานะ', room: 'ป.2/1' })).toMatchObject({
      ok: true,
      from: 1,
      steps: [2, 3],
    });
    expect(upgradeRecord(pupil, { firstName: 'มานะ', room: 'ป.2/1' }, 2)).toMatchObject({ ok: true, steps: [3] });
    expect(ran).toEqual([2, 3, 3]);
    expect(upgradeRecord(pupil, { schemaVersion: 3, firstName: 'x' })).toEqual({
      ok: true,
      from: 3,
      steps: [],
      record: { schemaVersion: 3, firstName: 'x' },
    });
  });

  it('refuses a newer record and a history with a gap, rather than reading them as something else', () => {
    expect(upgradeRecord(pupil, { schemaVersion: 4 })).toMatchObject({ ok: false, problem: 'record.newer' });
    const gap: RecordHistory = { ...pupil, upgrades: { 2: pupil.upgrades[2]!, 3: pupil.upgrades[3]! } };
    expect(upgradeRecord(gap, { schemaVersion: 0 })).toMatchObject({ ok: false, problem: 'record.no_upgrade' });
    expect(missingUpgrades({ ...pupil, upgrades: { 3: pupil.upgrades[3]! } })).toEqual([2]);
  });

  it('has every step of every real history, from version 1 to the latest', () => {
    const payloadHistories = Object.values(PAYLOAD_SCHEMAS).flatMap((s) => ('history' in s ? [s.history] : []));
    const all = [...Object.values(STORE_HISTORIES), ...payloadHistories];
    expect(all.map((h) => h.name).sort()).toEqual([
      'measurement',
      'measurement',
      'movement',
      'movement',
      'result',
      'round',
      'student',
      'student',
    ]);
    for (const h of all) expect([h.name, missingUpgrades(h)]).toEqual([h.name, []]);
  });

  it('reads a student/0 payload file of an older bundle as student/1 through the history', async () => {
    expect(resolvePayloadSchema('student/0')).toBeNull(); // no history step from 0: refused as an unknown schema
    (studentHistory.upgrades as Record<number, Upgrade>)[1] = step(1, ({ given, ...r }) => ({
      ...r,
      firstName: given,
    }));
    expect(resolvePayloadSchema('student/0')).toEqual({ schema: 'student/1', from: 0 });
    const { firstName: _f, schemaVersion: _v, ...old } = aStudent('s1');
    const bytes = utf8(JSON.stringify({ ...old, given: 'สุดา' }) + '\n');
    const parsed = parsePayloadFile(
      {
        path: 'payload/students.jsonl',
        schema: 'student/0',
        records: 1,
        bytes: bytes.length,
        sha256: await sha256Hex(bytes),
      },
      bytes,
    );
    expect(parsed).toMatchObject({
      ok: true,
      schema: 'student/1',
      records: [{ id: 's1', firstName: 'สุดา', schemaVersion: 1 }],
    });
    expect(ran).toEqual([1]);
  });

  it('reads a row stored by an earlier app through the same steps', async () => {
    (studentHistory.upgrades as Record<number, Upgrade>)[1] = step(1, ({ given, ...r }) => ({
      ...r,
      firstName: given,
    }));
    const db = new TabianDb(`history-${Math.random()}`);
    const { firstName: _f, ...row } = aStudent('s1');
    await db.students.put({
      ...row,
      schemaVersion: 0,
      given: 'สุดา',
      updatedAt: '2026-06-01T00:00:00.000Z',
      revision: 1,
    } as never);
    expect(await getStudent(db, 's1')).toMatchObject({ id: 's1', firstName: 'สุดา', schemaVersion: 1 });
    expect(ran).toEqual([1]);
    db.close();
  });
});
