import { describe, expect, it } from 'vitest';
import { TabianDb } from '../../src/db/database';
import { lastRemoval, mergeStudents, RemovalRefused, removeStudent, undoRemoval } from '../../src/db/removal-repo';
import { getStudent, historyOf, saveStudent, type Actor } from '../../src/db/student-repo';
import { saveCertification, saveConfirmation } from '../../src/db/round-repo';
import { newStudent } from '../../src/domain/student/schema';
import { freeze } from '../../src/domain/year/snapshot';

function actor(at: string): Actor {
  let n = 0;
  return { userId: 'u1', userName: 'นายสมปอง', now: new Date(at), newId: () => `e-${at}-${++n}` };
}
const malee = newStudent('a', {
  idNo: '1112034563562',
  prefix: 'เด็กหญิง',
  firstName: 'มาลี',
  lastName: 'ใจดี',
  sex: 'F',
  birthDate: '2018-03-20',
  grade: '04',
  room: '1',
});
const twice = newStudent('b', { ...malee, lastName: 'ใจดีมาก', birthDate: null, room: '2' });
const by = { userId: 'u1', userName: 'ครู' };

/** Both records, and one row in every store that names the second. */
async function register(): Promise<TabianDb> {
  const db = new TabianDb(`removal-${Math.random()}`);
  await saveStudent(db, malee, actor('2026-05-16T03:00:00.000Z'));
  await saveStudent(db, twice, actor('2026-05-23T03:00:00.000Z'));
  await db.movements.put({ id: 'mv1', studentId: 'b' } as never);
  await db.measurements.put({
    id: 'ms/b',
    studentId: 'b',
    sessionId: 'ms',
    measuredOn: '2026-06-01',
    weightKg: 20,
    heightCm: 110,
    by: 'u1',
    at: '2026-06-01T02:00:00.000Z',
  });
  await db.measureSessions.put({
    id: 'ms',
    date: '2026-06-01',
    grade: '04',
    room: '2',
    userId: 'u1',
    userName: 'ครู',
    order: 'number',
    startedAt: '2026-06-01T02:00:00.000Z',
    absent: ['b'],
  });
  await db.results.put({
    key: '2568/b',
    academicYear: 2568,
    studentId: 'b',
    result: 'passed',
    recordedAt: '2026-03-01T00:00:00.000Z',
    recordedBy: by,
  });
  await db.corrections.put({ id: 'c1', studentId: 'b' } as never);
  await db.findings.put({ id: 'f1', studentId: 'b', bundleId: 'x' } as never);
  await db.attendance.put({
    key: 'k1',
    academicYear: 2569,
    round: 'term1',
    grade: '04',
    room: '2',
    marks: { b: 'present' },
    checkedAt: '2026-06-10T02:00:00.000Z',
  } as never);
  return db;
}

const dump = async (db: TabianDb) =>
  Object.fromEntries(
    await Promise.all(
      [
        'students',
        'movements',
        'measurements',
        'measureSessions',
        'results',
        'corrections',
        'findings',
        'attendance',
      ].map(async (s) => [s, await db.table(s).toArray()] as const),
    ),
  );

describe('merging two records of one child', () => {
  it('moves every related row to the survivor, drops the second record with a tombstone, and the survivor reads both histories', async () => {
    const db = await register();
    const entryId = await mergeStudents(db, 'a', 'b', { room: 'keep' }, '', actor('2026-06-15T03:00:00.000Z'));
    expect(await getStudent(db, 'b')).toBeNull();
    expect(await getStudent(db, 'a')).toMatchObject({ lastName: 'ใจดีมาก', birthDate: '2018-03-20', room: '1' });
    const after = await dump(db);
    for (const s of ['movements', 'measurements', 'corrections', 'findings', 'results'] as const) {
      expect(
        after[s]!.map((r) => (r as { studentId: string }).studentId),
        s,
      ).toEqual(['a']);
    }
    expect(after.results![0]).toMatchObject({ key: '2568/a' });
    expect(after.attendance![0]).toMatchObject({ marks: { a: 'present' } });
    expect(after.measureSessions![0]).toMatchObject({ absent: ['a'] });
    const drop = await db.audit.get(entryId);
    expect(drop).toMatchObject({
      action: 'merge',
      recordId: 'b',
      changes: [{ field: 'tombstone', from: null, to: { kind: 'merged', into: 'a' } }],
    });
    expect(drop!.hlc).toBeDefined();
    const history = await historyOf(db, 'a');
    expect(
      history
        .filter((e) => e.action === 'create')
        .map((e) => e.recordId)
        .sort(),
    ).toEqual(['a', 'b']);
    expect(history[0]).toMatchObject({ action: 'merge', recordId: 'a', mergedFrom: 'b' });
  });

  it('undo restores both records and every row exactly, and may be done once; the merge can then be made again', async () => {
    const db = await register();
    const before = await dump(db);
    const entryId = await mergeStudents(db, 'a', 'b', {}, '', actor('2026-06-15T03:00:00.000Z'));
    expect(await lastRemoval(db, 'b')).toMatchObject({ id: entryId });
    await undoRemoval(db, entryId, actor('2026-06-15T03:05:00.000Z'));
    expect(await dump(db)).toEqual(before);
    expect(await lastRemoval(db, 'b')).toBeNull();
    await expect(undoRemoval(db, entryId, actor('2026-06-15T03:06:00.000Z'))).rejects.toMatchObject({
      problem: { kind: 'already-undone' },
    });
    expect((await historyOf(db, 'a')).some((e) => e.recordId === 'b')).toBe(false);
    await mergeStudents(db, 'a', 'b', {}, '', actor('2026-06-15T03:10:00.000Z'));
    expect(await getStudent(db, 'b')).toBeNull();
  });

  it('refuses an undo once the survivor was edited since (the edit would be lost)', async () => {
    const db = await register();
    const entryId = await mergeStudents(db, 'a', 'b', {}, '', actor('2026-06-15T03:00:00.000Z'));
    await saveStudent(db, { ...(await getStudent(db, 'a'))!, room: '3' }, actor('2026-06-15T04:00:00.000Z'));
    await expect(undoRemoval(db, entryId, actor('2026-06-15T05:00:00.000Z'))).rejects.toMatchObject({
      problem: { kind: 'changed-since' },
    });
  });
});

describe('removing a record entered by mistake', () => {
  it('needs a reason, is audited with a tombstone, and undo brings it back exactly', async () => {
    const db = await register();
    const before = await dump(db);
    await expect(removeStudent(db, 'b', ' ', actor('2026-06-15T03:00:00.000Z'))).rejects.toBeInstanceOf(RemovalRefused);
    const id = await removeStudent(db, 'b', 'บันทึกซ้ำโดยไม่ได้ตั้งใจ', actor('2026-06-15T03:00:00.000Z'));
    expect(await getStudent(db, 'b')).toBeNull();
    expect(await db.audit.get(id)).toMatchObject({
      action: 'remove',
      note: 'บันทึกซ้ำโดยไม่ได้ตั้งใจ',
      changes: [{ to: { kind: 'removed' } }],
    });
    await undoRemoval(db, id, actor('2026-06-15T03:01:00.000Z'));
    expect(await dump(db)).toEqual(before);
    expect((await historyOf(db, 'b'))[0]).toMatchObject({ action: 'restore', undoes: id });
  });

  it('is refused for a record inside a certified round, and so is a merge that would drop it', async () => {
    const db = await register();
    const att = {
      userId: 'd1',
      userName: 'ผอ.',
      role: 'director' as const,
      at: '2026-06-09T03:00:00.000Z',
      asOf: '2026-06-10',
      snapshot: freeze([twice]),
    };
    await saveConfirmation(db, 2569, 'term1', { ...att, role: 'officer' });
    await saveCertification(db, 2569, 'term1', att);
    await expect(removeStudent(db, 'b', 'ซ้ำ', actor('2026-06-15T03:00:00.000Z'))).rejects.toMatchObject({
      problem: { kind: 'certified', rounds: ['2569/term1'] },
    });
    await expect(mergeStudents(db, 'a', 'b', {}, '', actor('2026-06-15T03:00:00.000Z'))).rejects.toMatchObject({
      problem: { kind: 'certified' },
    });
    expect(await getStudent(db, 'b')).not.toBeNull();
    await mergeStudents(db, 'b', 'a', {}, '', actor('2026-06-15T03:00:00.000Z'));
    expect(await getStudent(db, 'a')).toBeNull();
  });
});
