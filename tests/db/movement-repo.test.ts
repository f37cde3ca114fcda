import { describe, expect, it, vi } from 'vitest';
import { TabianDb } from '../../src/db/database';
import { getStudent, historyOf, listStudents, saveStudent, type Actor } from '../../src/db/student-repo';
import { listMovements, movementsOf, reverseStoredMovement, saveMovement } from '../../src/db/movement-repo';
import { listRoundRows } from '../../src/db/round-repo';
import { listAttendance } from '../../src/db/attendance-repo';
import { listResults } from '../../src/db/result-repo';
import { listIncoming } from '../../src/db/incoming-repo';
import { buildMovement, type MovementDraft } from '../../src/domain/year/movement-draft';
import { snapshotOn } from '../../src/domain/year/snapshot';
import { StorageError } from '../../src/db/errors';
import { aStudent } from '../factories/students';
import { fixturesByVersion } from './fixtures';

function actor(at = '2026-07-01T03:00:00.000Z'): Actor {
  let n = 0;
  return { userId: 'u1', userName: 'ครูสมใจ', now: new Date(at), newId: () => `id-${at}-${++n}` };
}
const db = () => new TabianDb(`movements-${Math.random()}`);
const by = { userId: 'u1', userName: 'ครูสมใจ' };
const out: MovementDraft = {
  kind: 'transfer-out',
  effectiveOn: '2026-07-01',
  cause: null,
  reason: 'ย้ายตามผู้ปกครอง',
  school: 'โรงเรียนบ้านนา',
  districtConsultedOn: null,
};

describe('movement repository', () => {
  it('reads the version-3 fixture rows through the schemas of every school-year store', async () => {
    const d = db();
    await fixturesByVersion[3]!.write(d);
    expect(await listMovements(d)).toHaveLength(1);
    expect((await listRoundRows(d)).rounds).toHaveLength(1);
    expect(await listAttendance(d, 2569, 'term1')).toHaveLength(1);
    expect(await listResults(d, 2569)).toHaveLength(1);
    expect(await listIncoming(d, 2570)).toHaveLength(1);
  });

  it('stores the movement, the new status and an audit entry together', async () => {
    const d = db();
    const s = aStudent('a');
    await saveStudent(d, s, actor('2026-06-01T03:00:00.000Z'));
    await saveMovement(d, buildMovement(out, s, s, { id: 'm1', at: '2026-07-01T03:00:00.000Z', by }), actor());
    expect((await getStudent(d, 'a'))?.status).toBe('transferred-out');
    expect((await movementsOf(d, 'a')).map((m) => m.kind)).toEqual(['transfer-out']);
    const [entry] = await historyOf(d, 'a');
    expect(entry).toMatchObject({ action: 'status', note: 'ย้ายออก มีผล 2026-07-01 (โรงเรียนบ้านนา): ย้ายตามผู้ปกครอง' });
  });

  it('stores nothing when the movement cannot be written', async () => {
    const d = db();
    const s = aStudent('a');
    await saveStudent(d, s, actor('2026-06-01T03:00:00.000Z'));
    const spy = vi.spyOn(d.movements, 'add').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const error = await saveMovement(
      d,
      buildMovement(out, s, s, { id: 'm1', at: '2026-07-01T03:00:00.000Z', by }),
      actor(),
    ).catch((e: unknown) => e);
    spy.mockRestore();
    expect((error as StorageError).problem).toBe('storage.full');
    expect((await getStudent(d, 'a'))?.status).toBe('active');
    expect(await historyOf(d, 'a')).toHaveLength(1);
    expect(await listMovements(d)).toEqual([]);
  });

  it('reverses a movement: status back, movement kept with who reversed it, its own audit entry, no trace in counts', async () => {
    const d = db();
    const s = aStudent('a');
    await saveStudent(d, s, actor('2026-06-01T03:00:00.000Z'));
    await saveMovement(
      d,
      buildMovement({ ...out, effectiveOn: '2026-06-05' }, s, s, { id: 'm1', at: '2026-06-05T03:00:00.000Z', by }),
      actor('2026-06-05T03:00:00.000Z'),
    );
    expect(snapshotOn(await listStudents(d), await listMovements(d), '2026-06-10')).toEqual([]);
    await reverseStoredMovement(d, 'm1', 'บันทึกผิดคน', actor('2026-06-06T03:00:00.000Z'));
    expect(await getStudent(d, 'a')).toEqual(s);
    const [m] = await listMovements(d);
    expect(m).toMatchObject({ reversedAt: '2026-06-06T03:00:00.000Z', reversedBy: by, reversalReason: 'บันทึกผิดคน' });
    expect((await historyOf(d, 'a'))[0]).toMatchObject({
      note: 'ยกเลิกย้ายออก มีผล 2026-06-05: บันทึกผิดคน',
      changes: [{ field: 'status', from: 'transferred-out', to: 'active' }],
    });
    expect(snapshotOn(await listStudents(d), await listMovements(d), '2026-06-10').map((x) => x.id)).toEqual(['a']);
  });

  it('removes the record a reversed arrival had created, and audits the removal', async () => {
    const d = db();
    const n = aStudent('n');
    await saveMovement(
      d,
      buildMovement({ ...out, kind: 'transfer-in' }, n, null, { id: 'm1', at: '2026-07-01T03:00:00.000Z', by }),
      actor(),
    );
    expect((await getStudent(d, 'n'))?.enteredOn).toBe('2026-07-01');
    await reverseStoredMovement(d, 'm1', 'ไม่ได้มาเรียน', actor('2026-07-02T03:00:00.000Z'));
    expect(await getStudent(d, 'n')).toBeNull();
    const history = await historyOf(d, 'n');
    expect(history.map((h) => h.action)).toEqual(['status', 'create']);
    expect(history[0]!.changes).toContainEqual({ field: 'firstName', from: 'มาลี', to: null });
  });

  it('refuses to reverse a movement that a later one stands on', async () => {
    const d = db();
    const s = aStudent('a');
    await saveStudent(d, s, actor('2026-06-01T03:00:00.000Z'));
    const first = buildMovement(out, s, s, { id: 'm1', at: '2026-07-01T03:00:00.000Z', by });
    await saveMovement(d, first, actor());
    await saveMovement(
      d,
      buildMovement({ ...out, kind: 'transfer-in', effectiveOn: '2026-08-01' }, first.student, first.student, {
        id: 'm2',
        at: '2026-08-01T03:00:00.000Z',
        by,
      }),
      actor('2026-08-01T03:00:00.000Z'),
    );
    await expect(reverseStoredMovement(d, 'm1', '', actor('2026-08-02T03:00:00.000Z'))).rejects.toThrow();
    expect((await listMovements(d)).every((m) => m.reversedAt === null)).toBe(true);
  });
});
