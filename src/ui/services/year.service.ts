// Year end: results per room, the incoming list, and starting (or undoing) the new academic year.
import { appDb } from '../../db/database';
import { listStudents } from '../../db/student-repo';
import { listResults, saveResults } from '../../db/result-repo';
import { listIncoming, removeIncoming, saveIncoming } from '../../db/incoming-repo';
import { applyNewYear, undoNewYear, YearStartError } from '../../db/year-repo';
import { listRoundRows } from '../../db/round-repo';
import type { SchoolLevel } from '../../domain/school';
import type { Student } from '../../domain/student/schema';
import type { Incoming } from '../../domain/year/incoming';
import { applyPlan, type YearStart } from '../../domain/year/new-year';
import { planNewYear, topGradeOf, type NewYearPlan } from '../../domain/year/promotion';
import { roomResults, type YearResult } from '../../domain/year/results';
import { academicYearStart, roundKey } from '../../domain/year/round';
import { session } from '../state/session.svelte';
import { loadSchoolYear } from './rounds.service';

export interface YearEndData {
  /** The academic year the register describes: its results are entered here and the next year starts from it. */
  year: number;
  students: Student[];
  results: YearResult[];
  incoming: Incoming[];
  /** How `year` itself was started in the app, if it was and that was not undone: the step that can be undone. */
  started: YearStart | null;
  /** Whether the year's year-end round is certified; starting earlier is allowed but warned about. */
  yearEndCertified: boolean;
}

export async function loadYearEnd(now: Date = new Date()): Promise<YearEndData> {
  const db = appDb();
  const [{ register: year }, { starts, rounds }] = await Promise.all([loadSchoolYear(now), listRoundRows(db)]);
  const [students, results, incoming] = await Promise.all([
    listStudents(db),
    listResults(db, year),
    listIncoming(db, year + 1),
  ]);
  return {
    year,
    students,
    results,
    incoming,
    started: starts.find((s) => s.academicYear === year && !s.undoneAt) ?? null,
    yearEndCertified: rounds.some((r) => r.key === roundKey(year, 'year-end') && r.certification),
  };
}

export async function saveRoomResults(
  year: number,
  studentIds: string[],
  repeaters: ReadonlySet<string>,
): Promise<void> {
  const actor = session.actor();
  await saveResults(
    appDb(),
    roomResults(studentIds, repeaters, year, {
      at: actor.now.toISOString(),
      by: { userId: actor.userId, userName: actor.userName },
    }),
  );
}

export function previewNewYear(
  data: YearEndData,
  levels: readonly SchoolLevel[],
  roomNames: Record<string, string>,
): NewYearPlan {
  return planNewYear(data.students, data.results, {
    fromYear: data.year,
    effectiveOn: academicYearStart(data.year + 1),
    topGrade: topGradeOf(levels, data.students),
    roomNames,
    incoming: data.incoming,
  });
}

export async function startNewYear(data: YearEndData, plan: NewYearPlan): Promise<YearStart> {
  const actor = session.actor();
  const applied = applyPlan(data.students, data.incoming, plan, {
    at: actor.now.toISOString(),
    by: { userId: actor.userId, userName: actor.userName },
    newId: actor.newId,
  });
  return applyNewYear(appDb(), plan, applied, actor);
}

export const undoStart = (toYear: number): Promise<YearStart> => undoNewYear(appDb(), toYear, session.actor());

/** How many students changed since the year started, when that is why undoing it was refused; else null. */
export const changedSinceStart = (error: unknown): number | null =>
  error instanceof YearStartError && error.problem === 'changed-since' ? error.ids.length : null;

export async function addIncoming(year: number, student: Student): Promise<Incoming> {
  const actor = session.actor();
  const row: Incoming = {
    id: student.id,
    academicYear: year,
    student,
    addedAt: actor.now.toISOString(),
    addedBy: { userId: actor.userId, userName: actor.userName },
    enrolledAt: null,
  };
  await saveIncoming(appDb(), row);
  return row;
}

export const deleteIncoming = (id: string): Promise<boolean> => removeIncoming(appDb(), id);
