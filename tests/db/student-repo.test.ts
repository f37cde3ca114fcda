import { describe, expect, it, vi } from 'vitest';
import { TabianDb } from '../../src/db/database';
import {
  getStudent,
  historyOf,
  listClass,
  moveStudents,
  saveStudent,
  saveStudents,
  type Actor,
} from '../../src/db/student-repo';
import { listRooms, addRoom, removeRoom } from '../../src/db/room-repo';
import { newStudent } from '../../src/domain/student/schema';
import { StorageError } from '../../src/db/errors';

function actor(at = '2026-11-23T03:00:00.000Z'): Actor {
  let n = 0;
  return { userId: 'u1', userName: 'ครูสมใจ', now: new Date(at), newId: () => `id-${at}-${++n}` };
}
const db = () => new TabianDb(`students-${Math.random()}`);
const malee = newStudent('s1', {
  idNo: '1112034563562',
  prefix: 'เด็กหญิง',
  firstName: 'มาลี',
  lastName: 'ใจดี',
  sex: 'F',
  birthDate: '2018-03-20',
  grade: '04',
  room: '1',
});

describe('student repository', () => {
  it('stores a student with an audit entry of every field set', async () => {
    const d = db();
    expect(await saveStudent(d, malee, actor())).toBe(1);
    expect(await getStudent(d, 's1')).toEqual(malee);
    const [entry] = await historyOf(d, 's1');
    expect(entry).toMatchObject({ action: 'create', userName: 'ครูสมใจ', at: '2026-11-23T03:00:00.000Z' });
    expect(entry!.changes).toContainEqual({ field: 'firstName', from: null, to: 'มาลี' });
  });

  it('records a rename old → new, keeps the old name in history, and skips saves that change nothing', async () => {
    const d = db();
    await saveStudent(d, malee, actor());
    expect(await saveStudent(d, malee, actor('2026-11-24T03:00:00.000Z'))).toBe(0);
    await saveStudent(d, { ...malee, firstName: 'มาลิน' }, actor('2026-11-25T03:00:00.000Z'));
    const history = await historyOf(d, 's1');
    expect(history.map((h) => h.action)).toEqual(['rename', 'create']);
    expect(history[0]!.changes).toEqual([{ field: 'firstName', from: 'มาลี', to: 'มาลิน' }]);
  });

  it('moves students between rooms in bulk, each move audited', async () => {
    const d = db();
    const other = { ...malee, id: 's2', idNo: '', firstName: 'มานะ' };
    await saveStudents(d, [malee, other], actor());
    expect(await moveStudents(d, ['s1', 's2'], '04', '2', actor('2026-11-24T03:00:00.000Z'))).toBe(2);
    expect((await listClass(d, '04', '2')).map((s) => s.id).sort()).toEqual(['s1', 's2']);
    expect(await listClass(d, '04', '1')).toEqual([]);
    expect((await historyOf(d, 's2'))[0]!.changes).toEqual([{ field: 'room', from: '1', to: '2' }]);
  });

  it('saves nothing at all when one record in a batch is invalid', async () => {
    const d = db();
    const bad = { ...malee, id: 's3', grade: '99' } as unknown as typeof malee;
    await expect(saveStudents(d, [malee, bad], actor())).rejects.toThrow();
    expect(await d.students.count()).toBe(0);
    expect(await d.audit.count()).toBe(0);
  });

  it('reports a full disk as storage.full and keeps what was saved before', async () => {
    const d = db();
    await saveStudent(d, malee, actor());
    // The disk fills up mid-transaction: the write fails as IndexedDB reports it.
    const spy = vi.spyOn(d.students, 'bulkPut').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    const error = await saveStudent(d, { ...malee, room: '9' }, actor('2026-11-24T03:00:00.000Z')).catch(
      (e: unknown) => e,
    );
    spy.mockRestore();
    expect(error).toBeInstanceOf(StorageError);
    expect((error as StorageError).problem).toBe('storage.full');
    expect(await getStudent(d, 's1')).toEqual(malee);
    expect(await historyOf(d, 's1')).toHaveLength(1);
  });
});

describe('rooms', () => {
  it('lists added and populated rooms in grade order with head counts, and refuses to remove a full room', async () => {
    const d = db();
    await addRoom(d, '10', '1');
    await addRoom(d, '04', '2');
    await saveStudent(d, malee, actor());
    expect(await listRooms(d)).toEqual([
      { grade: '04', room: '1', students: 1 },
      { grade: '04', room: '2', students: 0 },
      { grade: '10', room: '1', students: 0 },
    ]);
    expect(await removeRoom(d, '04', '1')).toBe(false);
    expect(await removeRoom(d, '10', '1')).toBe(true);
    expect((await listRooms(d)).map((r) => `${r.grade}/${r.room}`)).toEqual(['04/1', '04/2']);
  });
});
