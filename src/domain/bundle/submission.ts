// What a school's submission (ส่งข้อมูลให้เขต) is, apart from how it is loaded and stored: the district
// key it encrypts to, the certified students, the payload files it carries, who signs, its chain and file
// name. The service (ui/services/submission.service.ts) loads, calls these, signs and records.
import type { ScreeningCounts } from '../screening/counts';
import type { FindingReply } from '../district/finding-reply';
import type { Measurement } from '../measure/measurement';
import type { SchoolProfile } from '../school';
import { emisCounts, emisFiles, type EmisPayloads } from '../staff/payload';
import type { Student } from '../student/schema';
import type { Movement } from '../year/movement';
import type { Attestation } from '../year/round';
import type { FrozenRow } from '../year/snapshot';
import type { RoundId } from '../calendar';
import { schoolChain } from './chains';
import { submissionContents } from './contents';
import type { BundleSigner } from './create';
import { schoolRecord } from './header';
import type { SigningKey } from './keys';
import { payloadFile, type PayloadFile } from './payloads';
import type { Statement } from './statement';

export const submissionChain = (school: string): string => schoolChain(school, 'submission');

export const submissionFileName = (school: string, academicYear: number, round: RoundId, sequence: number): string =>
  `${school}-${academicYear}-${round}-${sequence}.tabian`;

/** The district key schools encrypt to: of the enrolled, unrevoked keys, the district's most recently enrolled. */
export function districtKeyToUse<K extends { role: string; enrolledAt: string; revokedAt?: string | null }>(
  keys: readonly K[],
): K | null {
  const district = keys.filter((k) => k.role === 'district' && !k.revokedAt);
  return [...district].sort((a, b) => (a.enrolledAt < b.enrolledAt ? 1 : -1))[0] ?? null;
}

/** The certified students: today's full record with the fields frozen at certification laid over it. */
export function certifiedStudents(
  snapshot: readonly FrozenRow[],
  current: readonly Student[],
): { students: Student[]; missing: string[] } {
  const byId = new Map(current.map((s) => [s.id, s]));
  const students: Student[] = [];
  const missing: string[] = [];
  for (const row of snapshot) {
    const now = byId.get(row.id);
    if (!now) {
      missing.push(row.id);
      continue;
    }
    const { id, idNo, prefix, firstName, lastName, room } = row;
    students.push({
      ...now,
      id,
      idNo,
      prefix,
      firstName,
      lastName,
      room,
      sex: row.sex ?? now.sex,
      birthDate: row.birthDate ?? now.birthDate,
      grade: row.grade ?? now.grade,
    });
  }
  return { students, missing };
}

export interface SubmissionInput {
  students: readonly Student[];
  movements: readonly Movement[];
  measurements: readonly Measurement[];
  profile: SchoolProfile;
  asOf: string;
  /** The school's answers to the district's findings (decision 18); the file is left out when there are none. */
  replies?: readonly FindingReply[];
  /** The year's poor-student screening counts (numbers only); left out when the school screened nobody. */
  screening?: ScreeningCounts | null;
  /** The EMIS roster and technology record (issue 21); left out when there are none. */
  emis?: EmisPayloads;
}

/** Payload files of a submission: students, their movements and measurements up to the as-of date, the school. */
export function submissionFiles(input: SubmissionInput): { files: PayloadFile[]; counts: Statement['counts'] } {
  const ids = new Set(input.students.map((s) => s.id));
  const { files, counts } = submissionContents(input.students);
  const movements = input.movements.filter((m) => ids.has(m.studentId) && m.effectiveOn <= input.asOf);
  const measurements = input.measurements
    .filter((m) => ids.has(m.studentId) && m.measuredOn <= input.asOf)
    .map(({ id, studentId, measuredOn, weightKg, heightCm }) => ({ id, studentId, measuredOn, weightKg, heightCm }));
  return {
    files: [
      ...files,
      payloadFile('payload/movements.jsonl', 'movement/1', movements),
      payloadFile('payload/measurements.jsonl', 'measurement/1', measurements),
      payloadFile('payload/school.json', 'school/1', [schoolRecord(input.profile)]),
      ...(input.replies?.length
        ? [payloadFile('payload/finding-replies.jsonl', 'finding-reply/1', input.replies)]
        : []),
      ...(input.screening
        ? [payloadFile('payload/screening-counts.json', 'screening-counts/1', [input.screening])]
        : []),
      ...emisFiles(input.emis),
    ],
    counts: {
      ...counts,
      movements: movements.length,
      measurements: measurements.length,
      ...(input.replies?.length ? { findingReplies: input.replies.length } : {}),
      ...emisCounts(input.emis),
    },
  };
}

/** The staff member who confirmed and the director who certified sign, each with their own act and time. */
export function submissionSigners(
  confirmation: Attestation,
  certification: Attestation,
  keys: { staff: SigningKey; director: SigningKey },
): BundleSigner[] {
  return [
    { key: keys.staff, role: 'staff', name: confirmation.userName, act: 'confirm-existence', at: confirmation.at },
    { key: keys.director, role: 'director', name: certification.userName, act: 'certify', at: certification.at },
  ];
}
