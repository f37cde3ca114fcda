import { describe, expect, it, vi } from 'vitest';
import { TabianDb } from '../../src/db/database';
import { getStudent, historyOf, listStudents, saveStudent, saveStudents, type Actor } from '../../src/db/student-repo';
import { listMovements } from '../../src/db/movement-repo';
import { applyNewYear, undoNewYear, YearStartError } from '../../src/db/year-repo';
import {
  listRoundRows,
  getRound,
  saveCertification,
  saveConfirmation,
  saveWindow,
  RoundFrozenError,
} from '../../src/db/round-repo';
import { listIncoming, removeIncoming, saveIncoming } from '../../src/db/incoming-repo';
import { listResults, saveResults, yearsWithResults } from '../../src/db/result-repo';
import { planNewYear } from '../../src/domain/year/promotion';
import { applyPlan } from '../../src/domain/year/new-year';
import { roomResults } from '../../src/domain/year/results';
import { freeze } from '../../src/domain/year/snapshot';
import { newStudent } from '../../src/domain/student/schema';
import type { Incoming } from '../../src/domain/year/incoming';
import { aStudent } from '../factories/students';

let n = 0;
function actor(at: string): Actor {
  return { userId: 'u1', userName: 'ครูสมใจ', now: new Date(at), newId: () => `id-${at}-${++n}` };
}
const db = () => new TabianDb(`year-${Math.random()}`);
const by = { userId: 'u1', userName: 'ครูสมใจ' };
const AT = '2027-05-02T03:00:00.000Z';
const students = [aStudent('p1'), aStudent('p2'), aStudent('g6', { grade: '09' })];
const applicant: Incoming = {
  id: 'new1',
  academicYear: 2570,
  student: newStudent('new1', { firstName: 'ต้นกล้า', grade: '04', room: '1' }),
  addedAt: '2027-03-10T03:00:00.000Z',
  addedBy: by,
  enrolledAt: null,
};

async function schoolAtYearEnd(d: TabianDb) {
  await saveStudents(d, students, actor('2026-05-20T03:00:00.000Z'));
  await saveResults(d, roomResults(['p1', 'p2', 'g6'], new Set(['p2']), 2569, { at: '2027-03-10T03:00:00.000Z', by }));
  await saveIncoming(d, applicant);
}

async function prepare(d: TabianDb) {
  const plan = planNewYear(await listStudents(d), await listResults(d, 2569), {
    fromYear: 2569,
    effectiveOn: '2027-05-16',
    topGrade: '09',
    incoming: await listIncoming(d, 2570),
  });
  return {
    plan,
    applied: applyPlan(await listStudents(d), await listIncoming(d, 2570), plan, {
      at: AT,
      by,
      newId: () => `g-${++n}`,
    }),
  };
}
async function start(d: TabianDb) {
  const { plan, applied } = await prepare(d);
  return applyNewYear(d, plan, applied, actor(AT));
}

describe('starting the new year', () => {
  it('promotes, keeps the repeater, graduates, enrols the applicant, and keeps what undo needs', async () => {
    const d = db();
    await schoolAtYearEnd(d);
    expect(await yearsWithResults(d)).toEqual([2569]);
    const { plan, applied } = await prepare(d);
    const record = await applyNewYear(d, plan, applied, actor(AT));
    expect((await getStudent(d, 'p1'))?.grade).toBe('05');
    expect((await getStudent(d, 'p2'))?.grade).toBe('04');
    expect((await getStudent(d, 'g6'))?.status).toBe('graduated');
    expect((await getStudent(d, 'new1'))?.enteredOn).toBe('2027-05-16');
    expect((await listIncoming(d, 2570))[0]!.enrolledAt).toBe(AT);
    expect(record.before.map((s) => s.id).sort()).toEqual(['g6', 'p1']);
    expect((await listRoundRows(d)).starts.map((s) => s.key)).toEqual(['2570/start']);
    expect((await historyOf(d, 'p1'))[0]).toMatchObject({ action: 'move-room', note: 'เริ่มปีการศึกษา 2570' });
    await expect(applyNewYear(d, plan, applied, actor(AT))).rejects.toBeInstanceOf(YearStartError);
  });

  it('undoes the whole step: records as before, graduation reversed, applicant back on the list', async () => {
    const d = db();
    await schoolAtYearEnd(d);
    const before = await listStudents(d);
    await start(d);
    await undoNewYear(d, 2570, actor('2027-05-03T03:00:00.000Z'));
    expect(await listStudents(d)).toEqual(before);
    expect((await listMovements(d)).map((m) => m.reversedAt)).toEqual(['2027-05-03T03:00:00.000Z']);
    expect((await listIncoming(d, 2570))[0]!.enrolledAt).toBeNull();
    expect((await listRoundRows(d)).starts[0]!.undoneAt).toBe('2027-05-03T03:00:00.000Z');
    await start(d);
    expect((await getStudent(d, 'p1'))?.grade).toBe('05');
  });

  it('refuses to undo over a record edited since, and changes nothing', async () => {
    const d = db();
    await schoolAtYearEnd(d);
    await start(d);
    await saveStudent(d, { ...(await getStudent(d, 'p1'))!, room: '3' }, actor('2027-05-03T03:00:00.000Z'));
    const error = await undoNewYear(d, 2570, actor('2027-05-04T03:00:00.000Z')).catch((e: unknown) => e);
    expect(error).toMatchObject({ problem: 'changed-since', ids: ['p1'] });
    expect((await getStudent(d, 'g6'))?.status).toBe('graduated');
  });

  it('writes nothing at all when one write of the step fails', async () => {
    const d = db();
    await schoolAtYearEnd(d);
    const before = await listStudents(d);
    const spy = vi.spyOn(d.rounds, 'put').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    await expect(start(d)).rejects.toMatchObject({ problem: 'storage.full' });
    spy.mockRestore();
    expect(await listStudents(d)).toEqual(before);
    expect(await listMovements(d)).toEqual([]);
    expect((await listIncoming(d, 2570))[0]!.enrolledAt).toBeNull();
  });

  it('takes an applicant off the list, but not once enrolled', async () => {
    const d = db();
    await saveIncoming(d, applicant);
    await saveIncoming(d, { ...applicant, id: 'x', enrolledAt: AT });
    expect(await removeIncoming(d, 'new1')).toBe(true);
    expect(await removeIncoming(d, 'x')).toBe(false);
    expect((await listIncoming(d, 2570)).map((i) => i.id)).toEqual(['x']);
  });
});

describe('round records', () => {
  const snapshot = freeze(students);
  const attest = (role: 'officer' | 'director') => ({
    userId: role,
    userName: role,
    role,
    at: '2026-06-09T03:00:00.000Z',
    asOf: '2026-06-10',
    snapshot,
  });

  it('keep the window, the confirmation and the certification, and freeze once certified', async () => {
    const d = db();
    await saveWindow(d, 2569, 'term1', { opens: '2026-05-20', deadline: '2026-06-12' });
    await expect(saveCertification(d, 2569, 'term1', attest('director'))).rejects.toBeInstanceOf(RoundFrozenError);
    await saveConfirmation(d, 2569, 'term1', attest('officer'));
    await saveCertification(d, 2569, 'term1', attest('director'));
    const r = await getRound(d, 2569, 'term1');
    expect(r).toMatchObject({
      window: { opens: '2026-05-20', deadline: '2026-06-12' },
      confirmation: { role: 'officer' },
      certification: { role: 'director' },
    });
    expect(r.certification!.snapshot).toHaveLength(3);
    await expect(saveConfirmation(d, 2569, 'term1', attest('officer'))).rejects.toBeInstanceOf(RoundFrozenError);
    expect(await getRound(d, 2569, 'term2')).toMatchObject({ key: '2569/term2', confirmation: null });
  });
});
