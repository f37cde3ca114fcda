import type { RoundId } from '../domain/calendar';
import { yearStartSchema, type YearStart } from '../domain/year/new-year';
import { parseUpgraded, upgradeRecord } from '../domain/record-history';
import {
  attestationSchema,
  blankRound,
  roundHistory,
  roundKey,
  roundRecordSchema,
  type Attestation,
  type RoundRecord,
} from '../domain/year/round';
import type { RoundRow, TabianDb } from './database';
import { guarded } from './errors';

const isStart = (row: RoundRow): row is YearStart => row.round === 'start';

/** Every round record and every year start, parsed; damaged rows are left out rather than shown as valid. */
export async function listRoundRows(db: TabianDb): Promise<{ rounds: RoundRecord[]; starts: YearStart[] }> {
  const rows = await guarded(() => db.rounds.toArray());
  const rounds: RoundRecord[] = [];
  const starts: YearStart[] = [];
  for (const row of rows) {
    if (isStart(row)) {
      const parsed = yearStartSchema.safeParse(row);
      if (parsed.success) starts.push(parsed.data);
    } else {
      const upgraded = upgradeRecord(roundHistory, row);
      const parsed = upgraded.ok ? roundRecordSchema.safeParse(upgraded.record) : null;
      if (parsed?.success) rounds.push(parsed.data);
    }
  }
  return { rounds, starts };
}

export async function getRound(db: TabianDb, academicYear: number, round: RoundId): Promise<RoundRecord> {
  const row = await guarded(() => db.rounds.get(roundKey(academicYear, round)));
  return row && !isStart(row) ? parseUpgraded(roundHistory, roundRecordSchema, row) : blankRound(academicYear, round);
}

export class RoundFrozenError extends Error {
  constructor(readonly key: string) {
    super(`round ${key} is certified (or not confirmed) and cannot take this change`);
    this.name = 'RoundFrozenError';
  }
}

/** Reads, changes and writes one round in a transaction; `change` returns null to refuse. */
async function updateRound(
  db: TabianDb,
  academicYear: number,
  round: RoundId,
  change: (r: RoundRecord) => RoundRecord | null,
): Promise<RoundRecord> {
  const outcome = await guarded(() =>
    db.transaction('rw', db.rounds, async () => {
      const row = await db.rounds.get(roundKey(academicYear, round));
      const current =
        row && !isStart(row) ? parseUpgraded(roundHistory, roundRecordSchema, row) : blankRound(academicYear, round);
      const changed = change(current);
      if (!changed) return null;
      const next = roundRecordSchema.parse(changed);
      await db.rounds.put(next);
      return next;
    }),
  );
  if (!outcome) throw new RoundFrozenError(roundKey(academicYear, round));
  return outcome;
}

export function saveWindow(
  db: TabianDb,
  academicYear: number,
  round: RoundId,
  window: RoundRecord['window'],
): Promise<RoundRecord> {
  return updateRound(db, academicYear, round, (r) => ({ ...r, window }));
}

/**
 * A certified round is confirmed again only over the certification named by `replacing` (its time: one the
 * caller found stale), which it clears for the director to certify again; any other certification stays.
 */
export function saveConfirmation(
  db: TabianDb,
  academicYear: number,
  round: RoundId,
  attestation: Attestation,
  replacing: string | null = null,
): Promise<RoundRecord> {
  const value = attestationSchema.parse(attestation);
  return updateRound(db, academicYear, round, (r) => {
    if (r.certification && r.certification.at !== replacing) return null;
    return { ...r, confirmation: value, certification: null };
  });
}

export function saveCertification(
  db: TabianDb,
  academicYear: number,
  round: RoundId,
  attestation: Attestation,
): Promise<RoundRecord> {
  const value = attestationSchema.parse(attestation);
  return updateRound(db, academicYear, round, (r) => {
    return r.certification || !r.confirmation ? null : { ...r, certification: value };
  });
}
