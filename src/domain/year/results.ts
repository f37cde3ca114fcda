// Year-end results: each student passed (moves up, or graduates from a terminal grade) or repeats the grade.
import { z } from 'zod';
import type { RecordHistory } from '../record-history';
import { byWhomSchema, type ByWhom } from './movement';

export const RESULTS = ['passed', 'repeat'] as const;
export type ResultValue = (typeof RESULTS)[number];

export const yearResultSchema = z.object({
  key: z.string().min(1),
  academicYear: z.number().int(),
  studentId: z.string().min(1),
  result: z.enum(RESULTS),
  recordedAt: z.iso.datetime({ offset: true }),
  recordedBy: byWhomSchema,
});
export type YearResult = z.infer<typeof yearResultSchema>;

/** Older year-result records to the current shape (record-history.ts); version 1 is the first. */
export const resultHistory: RecordHistory = { name: 'result', version: 1, upgrades: {} };

export const resultKey = (academicYear: number, studentId: string): string => `${academicYear}/${studentId}`;

/** A room's results in one go: everyone passes except the exceptions. */
export function roomResults(
  studentIds: readonly string[],
  repeaters: ReadonlySet<string>,
  academicYear: number,
  meta: { at: string; by: ByWhom },
): YearResult[] {
  return studentIds.map((studentId) => ({
    key: resultKey(academicYear, studentId),
    academicYear,
    studentId,
    result: repeaters.has(studentId) ? 'repeat' : 'passed',
    recordedAt: meta.at,
    recordedBy: meta.by,
  }));
}
