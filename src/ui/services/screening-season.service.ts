// Home's screening deadline (decision 0039): the season from the round calendar's data and the households
// still to visit — the teacher's own rooms, or the whole school for the officer and director. Kept apart from
// screening.service so that Home does not load the photo and form code.
import { appDb } from '../../db/database';
import { screeningsOfYear } from '../../db/screening-repo';
import { getSetting } from '../../db/settings-repo';
import { listStudents } from '../../db/student-repo';
import { canEditClass, type User } from '../../domain/access/users';
import { academicYearOf } from '../../domain/calendar';
import { progressOf, screeningState } from '../../domain/screening/progress';
import { screeningSeason, type ScreeningSeason } from '../../domain/screening/season';
import { todayIso } from './clock';

export interface ScreeningDeadline {
  season: ScreeningSeason;
  /** 'class' when a teacher sees only their rooms. */
  scope: 'class' | 'school';
  notVisited: number;
  partly: number;
}

/** The season's card for Home, or null when the module is off or the season is over. */
export async function loadScreeningDeadline(user: User, now: Date = new Date()): Promise<ScreeningDeadline | null> {
  const db = appDb();
  if (!(await getSetting(db, 'screeningModule'))) return null;
  const today = todayIso(now);
  const year = academicYearOf(today);
  const season = screeningSeason(year, today);
  if (season.state === 'past') return null;
  const [students, screenings] = await Promise.all([listStudents(db), screeningsOfYear(db, year)]);
  const byStudent = new Map(screenings.map((s) => [s.studentId, s]));
  const mine = students.filter(
    (s) =>
      s.status === 'active' &&
      (user.role !== 'teacher' || (s.grade !== null && canEditClass(user, { grade: s.grade, room: s.room }))),
  );
  const p = progressOf(mine.map((s) => screeningState(byStudent.get(s.id))));
  return {
    season,
    scope: user.role === 'teacher' ? 'class' : 'school',
    notVisited: p['not-visited'],
    partly: p.partly,
  };
}
