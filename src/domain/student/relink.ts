// Which rows of other stores change when one student's record is merged into another's: everything that
// names the dropped id is re-pointed at the survivor, so both histories stay whole under one record.
import type { Attendance } from '../year/attendance';
import { resultKey, type YearResult } from '../year/results';
import type { MeasureSession } from '../measure/measurement';

/** Rows that name a student by `studentId`, each kept whole (movements, measurements, corrections, findings). */
export interface Linked {
  studentId: string;
}

/** The rows a merge may touch, as read from the register (results of both students; any attendance, sessions). */
export interface RelatedRows {
  movements: Linked[];
  measurements: Linked[];
  corrections: Linked[];
  findings: Linked[];
  results: YearResult[];
  attendance: Attendance[];
  measureSessions: MeasureSession[];
}
export type RelatedStore = keyof RelatedRows;
export const RELATED_STORES: readonly RelatedStore[] = [
  'movements',
  'measurements',
  'corrections',
  'findings',
  'results',
  'attendance',
  'measureSessions',
];

/** What to write: rows to put (whole, new values) and primary keys to delete, per store. */
export interface RelinkPlan {
  put: Record<RelatedStore, object[]>;
  remove: Record<RelatedStore, string[]>;
}

const empty = (): Record<RelatedStore, never[]> => ({
  movements: [],
  measurements: [],
  corrections: [],
  findings: [],
  results: [],
  attendance: [],
  measureSessions: [],
});

/**
 * Re-points every row of `from` at `to`. A year result is re-keyed, unless the survivor has its own for
 * that year (the survivor's stands; the dropped one is deleted and kept only by the merge's undo record).
 * An attendance mark moves when the survivor has none in that room check.
 */
export function relinkRows(rows: RelatedRows, from: string, to: string): RelinkPlan {
  const plan: RelinkPlan = { put: empty(), remove: empty() };
  for (const store of ['movements', 'measurements', 'corrections', 'findings'] as const) {
    plan.put[store] = rows[store].filter((r) => r.studentId === from).map((r) => ({ ...r, studentId: to }));
  }
  const survivorYears = new Set(rows.results.filter((r) => r.studentId === to).map((r) => r.academicYear));
  for (const r of rows.results.filter((x) => x.studentId === from)) {
    plan.remove.results.push(r.key);
    if (!survivorYears.has(r.academicYear))
      plan.put.results.push({ ...r, studentId: to, key: resultKey(r.academicYear, to) });
  }
  for (const a of rows.attendance) {
    if (!(from in a.marks)) continue;
    const { [from]: mark, ...others } = a.marks;
    plan.put.attendance.push({ ...a, marks: to in others ? others : { ...others, [to]: mark! } });
  }
  for (const s of rows.measureSessions) {
    if (!s.absent.includes(from)) continue;
    plan.put.measureSessions.push({ ...s, absent: [...new Set(s.absent.map((id) => (id === from ? to : id)))] });
  }
  return plan;
}
