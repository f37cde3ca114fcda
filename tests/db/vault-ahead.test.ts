// Decision 33: with the vault open, saveStudents seals rows with WebCrypto before its transaction and checks
// inside it that nothing changed since they were read; what it stores is what the synchronous path stores.
import { afterEach, describe, expect, it } from 'vitest';
import { TabianDb } from '../../src/db/database';
import { CLOCK_SETTING } from '../../src/db/op-log';
import { recordMeasurement, saveSession } from '../../src/db/measurement-repo';
import { getStudent, historyOf, saveStudents } from '../../src/db/student-repo';
import { teacherActor } from '../factories/actors';
import { enableVault } from '../../src/db/vault-repo';
import { closeVault, openKey, openVault, presealRows, setSealPolicy, setVaultEnabled } from '../../src/db/vault';
import { hashPin } from '../../src/domain/access/pin';
import { compareHlc, type Hlc } from '../../src/domain/bundle/hlc';
import { isSealed } from '../../src/domain/vault/seal';
import { TEST_KDF } from '../fixtures/pins';
import { aStudent } from '../factories/students';

const actor = teacherActor;

async function sealedDb(): Promise<TabianDb> {
  const db = new TabianDb(`ahead-${Math.random()}`);
  await db.open();
  await enableVault(db, 'u1', (await hashPin('482913', new Uint8Array(16).fill(9), TEST_KDF)).pinKey);
  return db;
}

/** The stored row as a copy of the files holds it. */
async function raw(db: TabianDb, store: string, key: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const req = db.backendDB().transaction(store).objectStore(store).get(key);
    req.onsuccess = () => resolve(req.result as Record<string, unknown>);
    req.onerror = () => reject(req.error);
  });
}

afterEach(() => {
  closeVault();
  setVaultEnabled(false);
  setSealPolicy({ pending: false, sealFormat: 1 });
});

describe('rows sealed ahead of their transaction', () => {
  it('are stored sealed, open to the saved records, and keep the audit with clocks behind the stored clock', async () => {
    const db = await sealedDb();
    const students = Array.from({ length: 30 }, (_, i) => aStudent(`s${i}`, { firstName: `ลับ${i}` }));
    expect(await saveStudents(db, students, actor())).toBe(30);
    const stored = await raw(db, 'students', 's7');
    expect(isSealed(stored)).toBe(true);
    expect(JSON.stringify(stored)).not.toContain('ลับ7');
    expect((await getStudent(db, 's7'))?.firstName).toBe('ลับ7');
    expect(await saveStudents(db, [{ ...students[7]!, firstName: 'ใหม่' }], actor())).toBe(1);
    const history = await historyOf(db, 's7');
    expect(history.map((e) => e.action).sort()).toEqual(['create', 'rename']);
    const clock = (await db.settings.get(CLOCK_SETTING))!.value as Hlc;
    const clocks = (await db.audit.toArray()).map((e) => e.hlc!);
    expect(new Set(clocks.map((c) => JSON.stringify(c))).size).toBe(31);
    for (const c of clocks) expect(compareHlc(c, clock)).toBeLessThanOrEqual(0);
    expect(JSON.stringify(await raw(db, 'audit', history[0]!.id))).not.toContain('ใหม่');
  });

  it('store a keypad tap whole: measurement, its operations, the absent list, the student and its audit entry', async () => {
    const db = await sealedDb();
    await saveStudents(db, [aStudent('s1', { firstName: 'ลับ' })], actor());
    await saveSession(db, {
      id: 'ms1',
      date: '2026-06-12',
      grade: '04',
      room: '1',
      userId: 'u1',
      userName: 'ครูสมใจ',
      startedAt: '2026-06-12T02:00:00.000Z',
      absent: ['s1'],
    });
    await recordMeasurement(
      db,
      {
        id: 'ms1/s1',
        studentId: 's1',
        sessionId: 'ms1',
        measuredOn: '2026-06-12',
        weightKg: 24.5,
        heightCm: null,
        by: 'u1',
        at: '2026-06-12T02:10:00.000Z',
      },
      actor(),
    );
    expect((await getStudent(db, 's1'))?.health).toMatchObject({ weightKg: 24.5, measuredOn: '2026-06-12' });
    expect((await db.measureSessions.get('ms1'))?.absent).toEqual([]);
    expect(isSealed(await raw(db, 'measurements', 'ms1/s1'))).toBe(true);
    const ops = await db.ops.where('recordId').anyOf(['ms1/s1', 'ms1']).toArray();
    expect(ops.map((o) => o.field)).toContain('weightKg');
    const absentOps = ops
      .filter((o) => o.store === 'measure-sessions' && o.field === 'absent')
      .sort((a, b) => compareHlc(a.hlc, b.hlc));
    expect(absentOps.map((o) => o.value)).toEqual([['s1'], []]);
    const entry = (await historyOf(db, 's1')).find((e) => e.action === 'update')!;
    expect(entry.changes.map((c) => c.field)).toContain('health.weightKg');
    // The student's entry is ordered after the measurement's operations, as in one transaction.
    expect(compareHlc(entry.hlc!, ops.find((o) => o.field === 'weightKg')!.hlc)).toBe(1);
  });

  it('lose neither of two saves of the same record racing each other', async () => {
    const db = await sealedDb();
    const s = aStudent('s1', { firstName: 'เดิม' });
    await saveStudents(db, [s], actor());
    await Promise.all([
      saveStudents(db, [{ ...s, firstName: 'หนึ่ง' }], actor()),
      saveStudents(db, [{ ...s, room: '2' }], actor()),
    ]);
    const after = await db.students.get('s1');
    expect(after?.revision).toBe(3);
    // The later save was checked against the earlier one and diffed against it: both changes are in the audit.
    const changed = (await historyOf(db, 's1')).flatMap((e) => e.changes.map((c) => `${c.field}:${String(c.to)}`));
    expect(changed).toContain('firstName:หนึ่ง');
    expect(changed).toContain('room:2');
  });

  it('are refused once the key they were sealed under was closed, or the vault turned off', async () => {
    const db = await sealedDb();
    const key = openKey()!;
    const [row] = await presealRows(db, 'students', [{ ...aStudent('s1'), updatedAt: 'x', revision: 1 }]);
    closeVault();
    await openVault(key);
    await expect(db.students.put(row!)).rejects.toMatchObject({ problem: 'storage.locked' });
    const [again] = await presealRows(db, 'students', [{ ...aStudent('s2'), updatedAt: 'x', revision: 1 }]);
    await expect(db.audit.put(again as never)).rejects.toMatchObject({ problem: 'storage.locked' });
    setVaultEnabled(false);
    await expect(db.students.put(again!)).rejects.toMatchObject({ problem: 'storage.locked' });
    expect(await db.students.count()).toBe(0);
  });
});
