import { describe, expect, it, vi } from 'vitest';
import { TabianDb } from '../../src/db/database';
import { StorageError } from '../../src/db/errors';
import {
  getSession,
  measurementsBetween,
  measurementsOfSession,
  measurementsOfStudents,
  recordMeasurement,
  saveSession,
  sessionsOn,
  setAbsent,
} from '../../src/db/measurement-repo';
import { getStudent, historyOf, saveStudent, type Actor } from '../../src/db/student-repo';
import { measurementId, type Measurement } from '../../src/domain/measure/measurement';
import { newStudent } from '../../src/domain/student/schema';

function actor(at = '2026-06-10T02:00:00.000Z'): Actor {
  let n = 0;
  return { userId: 'u1', userName: 'ครูสมใจ', now: new Date(at), newId: () => `id-${at}-${++n}` };
}
const db = () => new TabianDb(`measure-${Math.random()}`);
const malee = newStudent('s1', {
  prefix: 'เด็กหญิง',
  firstName: 'มาลี',
  lastName: 'ใจดี',
  sex: 'F',
  birthDate: '2018-03-20',
  grade: '04',
  room: '1',
});
const session = {
  id: 'ms1',
  date: '2026-06-10',
  grade: '04' as const,
  room: '1',
  userId: 'u1',
  userName: 'ครูสมใจ',
  startedAt: '2026-06-10T02:00:00.000Z',
};
const entry = (fields: Partial<Measurement> = {}): Measurement => ({
  id: measurementId('ms1', 's1'),
  studentId: 's1',
  measuredOn: '2026-06-10',
  weightKg: 24.5,
  heightCm: 121.3,
  sessionId: 'ms1',
  by: 'u1',
  at: '2026-06-10T02:05:00.000Z',
  ...fields,
});

async function seeded(): Promise<TabianDb> {
  const d = db();
  await saveStudent(d, malee, actor('2026-05-01T02:00:00.000Z'));
  await saveSession(d, session);
  return d;
}

describe('measurement sessions', () => {
  it('are stored with their defaults and found by date', async () => {
    const d = await seeded();
    expect(await getSession(d, 'ms1')).toEqual({ ...session, order: 'number', absent: [] });
    expect((await sessionsOn(d, '2026-06-10')).map((s) => s.id)).toEqual(['ms1']);
    expect(await sessionsOn(d, '2026-06-11')).toEqual([]);
  });

  it('mark a student absent and take the mark off', async () => {
    const d = await seeded();
    expect((await setAbsent(d, 'ms1', 's1', true)).absent).toEqual(['s1']);
    expect((await setAbsent(d, 'ms1', 's1', true)).absent).toEqual(['s1']);
    expect((await setAbsent(d, 'ms1', 's1', false)).absent).toEqual([]);
    await expect(setAbsent(d, 'nope', 's1', true)).rejects.toBeInstanceOf(StorageError);
  });
});

describe('recording a measurement', () => {
  it("stores it, sets the student's latest values and audits them, in one put", async () => {
    const d = await seeded();
    await recordMeasurement(d, entry(), actor(), 'ชั่ง/วัดที่ห้อง ป.1/1');
    expect(await measurementsOfSession(d, 'ms1')).toEqual([entry()]);
    expect((await getStudent(d, 's1'))!.health).toEqual({ weightKg: 24.5, heightCm: 121.3, measuredOn: '2026-06-10' });
    const [last] = await historyOf(d, 's1');
    expect(last).toMatchObject({ action: 'update', userId: 'u1', note: 'ชั่ง/วัดที่ห้อง ป.1/1' });
    expect(last!.changes).toEqual([
      { field: 'health.weightKg', from: null, to: 24.5 },
      { field: 'health.heightCm', from: null, to: 121.3 },
      { field: 'health.measuredOn', from: null, to: '2026-06-10' },
    ]);
  });

  it('corrects the same record when the student is entered again, weight first then height', async () => {
    const d = await seeded();
    await recordMeasurement(d, entry({ heightCm: null }), actor());
    await recordMeasurement(d, entry(), actor('2026-06-10T02:06:00.000Z'));
    expect(await d.measurements.count()).toBe(1);
    expect((await getStudent(d, 's1'))!.health.heightCm).toBe(121.3);
  });

  it('takes the student off the absent list', async () => {
    const d = await seeded();
    await setAbsent(d, 'ms1', 's1', true);
    await recordMeasurement(d, entry(), actor());
    expect((await getSession(d, 'ms1'))!.absent).toEqual([]);
  });

  it('leaves a later latest value alone but keeps the history', async () => {
    const d = await seeded();
    await recordMeasurement(
      d,
      entry({ id: 'late', measuredOn: '2026-09-20', weightKg: 26, sessionId: 'ms2' }),
      actor(),
    );
    await recordMeasurement(d, entry(), actor());
    expect((await getStudent(d, 's1'))!.health).toEqual({ weightKg: 26, heightCm: 121.3, measuredOn: '2026-09-20' });
    expect((await measurementsOfStudents(d, ['s1'])).map((m) => m.measuredOn)).toEqual(['2026-06-10', '2026-09-20']);
    expect((await measurementsBetween(d, '2026-06-01', '2026-06-30')).map((m) => m.id)).toEqual([entry().id]);
  });

  it('lands all of it or none of it: a failing student write leaves no measurement', async () => {
    const d = await seeded();
    const spy = vi.spyOn(d.students, 'bulkPut').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const error = await recordMeasurement(d, entry(), actor()).catch((e: unknown) => e);
    spy.mockRestore();
    expect((error as StorageError).problem).toBe('storage.full');
    expect(await d.measurements.count()).toBe(0);
    expect((await getStudent(d, 's1'))!.health.weightKg).toBeNull();
    expect(await historyOf(d, 's1')).toHaveLength(1);
  });

  it('refuses a record that does not fit the schema', async () => {
    const d = await seeded();
    await expect(recordMeasurement(d, entry({ weightKg: -1 }), actor())).rejects.toThrow();
    expect(await d.measurements.count()).toBe(0);
  });
});
