// A measurement (one student's weight and height on one session) and a measurement session (one room on
// one date by one user on one device). Both are small records with ids made on the device, so a later sync
// can carry them as they are (bundle payload measurement/1 takes the first five fields of a measurement).
import { z } from 'zod';
import type { RecordHistory } from '../record-history';
import { gradeCodeSchema } from '../codes';
import { isoDateSchema } from '../thai-date';

export const measurementSchema = z.object({
  id: z.string().min(1),
  studentId: z.string().min(1),
  measuredOn: isoDateSchema,
  /** kg, one decimal; null until weighed. */
  weightKg: z.number().positive().nullable(),
  /** cm, one decimal, standing; null until measured. */
  heightCm: z.number().positive().nullable(),
  sessionId: z.string().min(1),
  /** The user who entered it, and when (ISO time). */
  by: z.string().min(1),
  at: z.iso.datetime({ offset: true }),
});
export type Measurement = z.infer<typeof measurementSchema>;

/** Older measurement records to the current shape (record-history.ts); version 1 is the first. */
export const measurementHistory: RecordHistory = { name: 'measurement', version: 1, upgrades: {} };

export const ROSTER_ORDERS = ['number', 'name'] as const;
export type RosterOrder = (typeof ROSTER_ORDERS)[number];

export const measureSessionSchema = z.object({
  id: z.string().min(1),
  date: isoDateSchema,
  grade: gradeCodeSchema,
  room: z.string(),
  userId: z.string().min(1),
  userName: z.string(),
  order: z.enum(ROSTER_ORDERS).default('number'),
  startedAt: z.iso.datetime({ offset: true }),
  /** Students marked absent in this session, until they are measured. */
  absent: z.array(z.string()).default([]),
});
export type MeasureSession = z.infer<typeof measureSessionSchema>;
export type MeasureSessionInput = z.input<typeof measureSessionSchema>;

/** A measurement's id: one per student and session, so entering a student again corrects the same record. */
export const measurementId = (sessionId: string, studentId: string): string => `${sessionId}/${studentId}`;

/** What was measured before: the latest values before a date, each with the date it was taken. */
export interface PreviousValues {
  weightKg: number | null;
  heightCm: number | null;
  measuredOn: string;
}

/** The latest earlier measurement (before `date`) with a value, field by field; null if none. */
export function previousValues(
  history: readonly Pick<Measurement, 'measuredOn' | 'weightKg' | 'heightCm'>[],
  date: string,
): PreviousValues | null {
  const earlier = history.filter((m) => m.measuredOn < date).sort((a, b) => (a.measuredOn < b.measuredOn ? 1 : -1));
  const weight = earlier.find((m) => m.weightKg !== null);
  const height = earlier.find((m) => m.heightCm !== null);
  if (!weight && !height) return null;
  const measuredOn = [weight?.measuredOn, height?.measuredOn]
    .filter((d): d is string => !!d)
    .sort()
    .at(-1)!;
  return { weightKg: weight?.weightKg ?? null, heightCm: height?.heightCm ?? null, measuredOn };
}
