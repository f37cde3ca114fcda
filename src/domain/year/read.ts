// The gate for a snapshot file's lines: a movement says "type": "movement"; any other object is a student
// record and goes through the register's own reader.
import { z } from 'zod';
import { readStudentRecord } from '../student/read';
import type { Student } from '../student/schema';
import { isoDateSchema } from '../thai-date';
import { movementKindSchema } from './movement';
import type { DatedMovement } from './snapshot';

const movementLineSchema = z.object({
  type: z.literal('movement'),
  studentId: z.string().min(1),
  kind: movementKindSchema,
  effectiveOn: isoDateSchema,
  reversedAt: z.string().nullable().optional(),
  recordedAt: z.string().optional(),
});

export type SnapshotLine =
  | { kind: 'student'; student: Student }
  | { kind: 'movement'; movement: DatedMovement }
  | { kind: 'unreadable'; why: string };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function readSnapshotLine(raw: unknown, fallbackId: string): SnapshotLine {
  if (isObject(raw) && raw.type === 'movement') {
    const parsed = movementLineSchema.safeParse(raw);
    if (!parsed.success)
      return {
        kind: 'unreadable',
        why: `not a movement: ${parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ')}`,
      };
    const { type: _type, ...movement } = parsed.data;
    return { kind: 'movement', movement };
  }
  const { student } = readStudentRecord(raw, fallbackId);
  return student ? { kind: 'student', student } : { kind: 'unreadable', why: 'not a JSON object' };
}
