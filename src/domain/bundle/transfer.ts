// A transfer bundle (decision 24): one transferred-out student handed to the receiving school, with the
// history the receiver cannot retype (movements, measurements) and the sending school. Pure: the caller
// loads the records and stores what `readTransfer` gives back.
import type { Student } from '../student/schema';
import { isReversed, type Movement } from '../year/movement';
import type { Contents } from './contents';
import { payloadFile, type PayloadRecord } from './payloads';
import type { VerifiedFile } from './verify-files';
import { recordsOf } from './verify-files';

type SchoolRecord = PayloadRecord<'school/1'>;
type MovementRecord = PayloadRecord<'movement/1'>;
type MeasurementRecord = PayloadRecord<'measurement/1'>;

export interface TransferInput {
  student: Student;
  movements: readonly Movement[];
  measurements: readonly {
    id: string;
    studentId: string;
    measuredOn: string;
    weightKg: number | null;
    heightCm: number | null;
  }[];
  school: SchoolRecord;
}

/** The transfer-out this bundle hands over: the latest unreversed one, or null when the child has not left by transfer. */
export function transferOut(movements: readonly Pick<Movement, 'kind' | 'reversedAt' | 'effectiveOn'>[]): number {
  let at = -1;
  movements.forEach((m, i) => {
    if (m.kind === 'transfer-out' && !isReversed(m) && (at < 0 || m.effectiveOn >= movements[at]!.effectiveOn)) at = i;
  });
  return at;
}

/** What the bundle carries; throws when the student has not been transferred out (the button is not offered then). */
export function transferContents(input: TransferInput): Contents {
  const mine = input.movements.filter((m) => m.studentId === input.student.id);
  if (input.student.status !== 'transferred-out' || transferOut(mine) < 0)
    throw new Error(`${input.student.id} has not been transferred out`);
  const measurements = input.measurements
    .filter((m) => m.studentId === input.student.id)
    .map(({ id, studentId, measuredOn, weightKg, heightCm }) => ({ id, studentId, measuredOn, weightKg, heightCm }));
  const files = [
    payloadFile('payload/students.jsonl', 'student/1', [input.student]),
    payloadFile('payload/movements.jsonl', 'movement/1', mine),
    payloadFile('payload/measurements.jsonl', 'measurement/1', measurements),
    payloadFile('payload/school.json', 'school/1', [input.school]),
  ];
  return { files, counts: { students: 1, movements: mine.length, measurements: measurements.length } };
}

export interface TransferRecord {
  student: Student;
  movements: MovementRecord[];
  measurements: MeasurementRecord[];
  from: SchoolRecord;
  /** The transfer-out: when the child left and the school it names as the destination. */
  leftOn: string;
  to: string;
}

export type TransferProblem = 'transfer.shape' | 'transfer.not_out';

/** Reads a verified transfer payload back; a problem when it does not hold exactly one transferred-out child. */
export function readTransfer(
  payload: readonly VerifiedFile[],
): { ok: true; transfer: TransferRecord } | { ok: false; problem: TransferProblem } {
  const students = recordsOf(payload, 'student/1');
  const schools = recordsOf(payload, 'school/1');
  if (students.length !== 1 || schools.length !== 1) return { ok: false, problem: 'transfer.shape' };
  const student = students[0]!;
  const movements = recordsOf(payload, 'movement/1').filter((m) => m.studentId === student.id);
  const out = transferOut(movements);
  if (out < 0) return { ok: false, problem: 'transfer.not_out' };
  const measurements = recordsOf(payload, 'measurement/1').filter((m) => m.studentId === student.id);
  return {
    ok: true,
    transfer: {
      student,
      movements,
      measurements,
      from: schools[0]!,
      leftOn: movements[out]!.effectiveOn,
      to: movements[out]!.school,
    },
  };
}

const squeeze = (s: string) =>
  s
    .replace(/\s+/g, '')
    .replace(/^โรงเรียน/, '')
    .toLowerCase();

/** Whether the destination the sender wrote names this school (either way round, spaces and "โรงเรียน" ignored). */
export function namesThisSchool(to: string, school: { nameTh: string; nameEn: string; moeCode: string }): boolean {
  const t = squeeze(to);
  if (!t) return false;
  if (t.includes(school.moeCode)) return true;
  return [school.nameTh, school.nameEn].map(squeeze).some((n) => n !== '' && (n.includes(t) || t.includes(n)));
}
