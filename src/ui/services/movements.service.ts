// Recording and reversing movements for the signed-in user, and the term's movement report.
import { appDb } from '../../db/database';
import { listStudents } from '../../db/student-repo';
import { listMovements, reverseStoredMovement, saveMovement } from '../../db/movement-repo';
import type { Student } from '../../domain/student/schema';
import type { Movement } from '../../domain/year/movement';
import {
  buildMovement,
  checkArrival,
  checkMovementDraft,
  type MovementDraft,
  type MovementProblem,
} from '../../domain/year/movement-draft';
import { roundOf } from '../../domain/year/round';
import { session } from '../state/session.svelte';
import { loadSchoolYear } from './rounds.service';

export interface MovementData {
  students: Student[];
  movements: Movement[];
  register: number;
  nextYearAfter: string | null;
}

export async function loadMovementData(now: Date = new Date()): Promise<MovementData> {
  const db = appDb();
  const [students, movements, year] = await Promise.all([listStudents(db), listMovements(db), loadSchoolYear(now)]);
  // Until the next year is started, arrivals after this year's year-end as-of date wait on the incoming list.
  const nextYearAfter = year.startedYears.includes(year.register + 1) ? null : roundOf(year.register, 'year-end').asOf;
  return { students, movements, register: year.register, nextYearAfter };
}

export type RecordOutcome = { ok: true; movement: Movement } | { ok: false; problems: MovementProblem[] };

/**
 * Checks and stores a movement. `student` is the record as it should read (for an arrival, the new record or
 * the returning one in its new class); `stored` is what the register holds now, or null for a newcomer.
 */
export async function recordMovement(
  draft: MovementDraft,
  student: Student,
  stored: Student | null,
  data: MovementData,
): Promise<RecordOutcome> {
  const history = data.movements.filter((m) => m.studentId === student.id);
  const problems = [
    ...(stored ? [] : checkArrival(student)),
    ...checkMovementDraft(draft, { stored, history, nextYearAfter: data.nextYearAfter }),
  ];
  if (problems.length) return { ok: false, problems };
  const actor = session.actor();
  const recorded = buildMovement(draft, student, stored, {
    id: actor.newId(),
    at: actor.now.toISOString(),
    by: { userId: actor.userId, userName: actor.userName },
  });
  await saveMovement(appDb(), recorded, actor);
  return { ok: true, movement: recorded.movement };
}

export const reverseMovementById = (id: string, reason: string): Promise<Movement> =>
  reverseStoredMovement(appDb(), id, reason, session.actor());

export const listMovementsForReport = (): Promise<Movement[]> => listMovements(appDb());
