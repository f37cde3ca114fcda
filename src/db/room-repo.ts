import type { GradeCode } from '../domain/codes';
import { compareClasses } from '../domain/year/classes';
import type { TabianDb } from './database';
import { guarded } from './errors';

export interface ClassRoom {
  grade: GradeCode;
  room: string;
  students: number;
}

const roomKey = (grade: GradeCode, room: string): string => `${grade}/${room}`;

export async function addRoom(db: TabianDb, grade: GradeCode, room: string): Promise<void> {
  const name = room.trim();
  if (!name) throw new RangeError('room name is empty');
  await guarded(() => db.rooms.put({ key: roomKey(grade, name), grade, room: name }));
}

/** Removes an added room; refused while active students are in it. */
export async function removeRoom(db: TabianDb, grade: GradeCode, room: string): Promise<boolean> {
  return guarded(() =>
    db.transaction('rw', db.rooms, db.students, async () => {
      const inRoom = await db.students
        .where('[grade+room]')
        .equals([grade, room])
        .filter((s) => s.status === 'active')
        .count();
      if (inRoom > 0) return false;
      await db.rooms.delete(roomKey(grade, room));
      return true;
    }),
  );
}

/** Every room that was added or has active students, in grade order then room order, with head counts. */
export async function listRooms(db: TabianDb): Promise<ClassRoom[]> {
  const [added, students] = await guarded(() =>
    Promise.all([db.rooms.toArray(), db.students.where('status').equals('active').toArray()]),
  );
  const counts = new Map<string, ClassRoom>();
  for (const r of added) counts.set(r.key, { grade: r.grade, room: r.room, students: 0 });
  for (const s of students) {
    if (!s.grade) continue;
    const key = roomKey(s.grade, s.room);
    const entry = counts.get(key) ?? { grade: s.grade, room: s.room, students: 0 };
    entry.students++;
    counts.set(key, entry);
  }
  return [...counts.values()].sort(compareClasses);
}
