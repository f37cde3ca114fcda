// A round of one academic year as the school keeps it: its window, who confirmed and who certified.
import { z } from 'zod';
import type { RecordHistory } from '../record-history';
import { roleSchema, type User } from '../access/users';
import {
  academicYearOf,
  ROUNDS,
  roundsOf,
  type Round,
  type RoundId,
  type RoundOverrides,
  type RoundRef,
} from '../calendar';
import { daysBetween, isoDateSchema, toGregorianYear } from '../thai-date';
import { isSameSnapshot } from './compare';
import { frozenRowSchema, type FrozenRow } from './snapshot';

export const roundIdSchema = z.enum(ROUNDS) satisfies z.ZodType<RoundId>;

/** Who vouched for a round, when, and for exactly which students. */
export const attestationSchema = z.object({
  userId: z.string().min(1),
  userName: z.string(),
  role: roleSchema,
  at: z.iso.datetime({ offset: true }),
  asOf: isoDateSchema,
  snapshot: z.array(frozenRowSchema),
  /**
   * The SHA-256 of the staff roster and technology record the submission carries as of `asOf`
   * (staff/payload.ts emisDigest), so a change of either after attesting is seen; absent in older records.
   */
  emis: z.string().optional(),
});
export type Attestation = z.infer<typeof attestationSchema>;

export const roundRecordSchema = z.object({
  key: z.string().min(1),
  academicYear: z.number().int(),
  round: roundIdSchema,
  /** The ministry's window this year, when it differs from the default calendar. */
  window: z.object({ opens: isoDateSchema, deadline: isoDateSchema }).nullable(),
  /** ยืนยันข้อมูลการมีตัวตน, by a staff member. */
  confirmation: attestationSchema.nullable(),
  /** รับรอง, by the director with their PIN; freezes the round. */
  certification: attestationSchema.nullable(),
});
export type RoundRecord = z.infer<typeof roundRecordSchema>;

/** Older round records to the current shape (record-history.ts); version 1 is the first. */
export const roundHistory: RecordHistory = { name: 'round', version: 1, upgrades: {} };

export const roundKey = (academicYear: number, round: RoundId): string => `${academicYear}/${round}`;

/**
 * What a round's reports count: the snapshot the director certified once there is one (it no longer moves
 * with later edits), else `live`, the register as it stands on the round's as-of date today.
 */
export const reportedRows = (
  record: Pick<RoundRecord, 'certification'>,
  live: readonly FrozenRow[],
): readonly FrozenRow[] => record.certification?.snapshot ?? live;

export const blankRound = (academicYear: number, round: RoundId): RoundRecord => ({
  key: roundKey(academicYear, round),
  academicYear,
  round,
  window: null,
  confirmation: null,
  certification: null,
});

export function overridesOf(records: readonly RoundRecord[], academicYear: number): RoundOverrides {
  const out: RoundOverrides = {};
  for (const r of records) if (r.academicYear === academicYear && r.window) out[r.round] = { ...r.window };
  return out;
}

export function checkWindow(opens: string | null, deadline: string | null): string | null {
  if (!opens || !deadline) return 'round.window_missing';
  return daysBetween(opens, deadline) < 0 ? 'round.window_order' : null;
}

export function previousRound(academicYear: number, round: RoundId): RoundRef {
  if (round === 'term1') return { academicYear: academicYear - 1, round: 'year-end' };
  return { academicYear, round: round === 'term2' ? 'term1' : 'term2' };
}

export function roundOf(academicYear: number, round: RoundId, overrides: RoundOverrides = {}): Round {
  return roundsOf(academicYear, overrides).find((r) => r.round === round)!;
}

/** Academic year N (BE) starts on 16 May of CE year N − 543 (see academicYearOf). */
export const academicYearStart = (academicYear: number): string => `${toGregorianYear(academicYear)}-05-16`;

/**
 * The academic year the register's data describes: the latest year started in the app; or, if last year's
 * results wait for a new year that was not started yet, last year; otherwise the calendar's year.
 */
export function registerYear(
  today: string,
  startedYears: readonly number[],
  yearsWithResults: readonly number[],
): number {
  const calendar = academicYearOf(today);
  const latest = Math.max(-Infinity, ...startedYears);
  if (latest >= calendar) return latest;
  if (yearsWithResults.includes(calendar - 1)) return calendar - 1;
  return calendar;
}

/** Confirming needs the register's whole school: officers and directors. */
export const mayConfirm = (user: Pick<User, 'role'> | null): boolean => !!user && user.role !== 'teacher';
/** Movements, results and the new year change the whole school's register. */
export const mayRecordMovements = mayConfirm;

export type ConfirmBlocker = 'certified' | 'checklist' | 'year-not-started' | 'not-allowed';
export type CertifyBlocker = 'certified' | 'not-confirmed' | 'changed-since-confirmation';

/**
 * Whether the roster or technology a submission would carry (`emis`, their digest today) differs from what
 * was attested: unknown (an older record, or no digest given) counts as unchanged.
 */
export const emisChangedSince = (a: Attestation | null, emis: string | null | undefined): boolean =>
  !!a && a.emis !== undefined && emis != null && a.emis !== emis;

/** A certified round whose roster or technology changed since: to be confirmed and certified again. */
export const certificationStale = (record: RoundRecord, emis: string | null | undefined): boolean =>
  emisChangedSince(record.certification, emis);

export function confirmBlockers(
  record: RoundRecord,
  checklistReady: boolean,
  register: number,
  user: Pick<User, 'role'> | null,
  emis?: string | null,
): ConfirmBlocker[] {
  const out: ConfirmBlocker[] = [];
  if (record.certification && !certificationStale(record, emis)) out.push('certified');
  if (record.academicYear > register) out.push('year-not-started');
  if (!checklistReady) out.push('checklist');
  if (!mayConfirm(user)) out.push('not-allowed');
  return out;
}

/**
 * The director certifies exactly what was confirmed: a change since (of the counted students, or of the
 * staff roster and technology the submission carries) means confirming again.
 */
export function certifyBlockers(
  record: RoundRecord,
  live: readonly FrozenRow[],
  emis?: string | null,
): CertifyBlocker[] {
  if (record.certification) return ['certified'];
  if (!record.confirmation) return ['not-confirmed'];
  return isSameSnapshot(record.confirmation.snapshot, live) && !emisChangedSince(record.confirmation, emis)
    ? []
    : ['changed-since-confirmation'];
}
