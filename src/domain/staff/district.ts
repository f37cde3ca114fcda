// A school's staff as the district sees it: the headcount and the teacher : student ratios derived from the
// staff/1 and student/1 payloads of its submission, and a flag when the headcount moved too much between rounds.
import type { Bytes } from '../bundle/bytes';
import { recordsOf } from '../bundle/verify-files';
import { verifyWithKeys, type IncomingOptions } from '../district/incoming';
import { countedOn } from '../district/summary';
import { headcountOn, type Headcount } from './headcount';
import { teacherRatios, type LevelRatio } from './ratios';

export interface SchoolStaff {
  asOf: string;
  headcount: Headcount;
  ratios: LevelRatio[];
}

/** null when the file is not a verified submission or carries no roster (an older app, or none kept). */
export async function readSchoolStaff(bytes: Bytes, opts: Omit<IncomingOptions, 'kinds'>): Promise<SchoolStaff | null> {
  const r = await verifyWithKeys(bytes, opts);
  if (!r.payload || r.statement?.kind !== 'submission' || !r.payload.some((f) => f.schema === 'staff/1')) return null;
  const asOf = r.statement.asOf;
  const staff = recordsOf(r.payload, 'staff/1');
  const hasMovements = r.payload.some((f) => f.schema === 'movement/1');
  const students = countedOn(
    recordsOf(r.payload, 'student/1'),
    hasMovements ? recordsOf(r.payload, 'movement/1') : null,
    asOf,
  );
  return { asOf, headcount: headcountOn(staff, asOf), ratios: teacherRatios(staff, students, asOf) };
}

/** A change worth asking about: more than 10 % of the earlier headcount, and at least 2 people. */
export const HEADCOUNT_CHANGE = { share: 0.1, atLeast: 2 } as const;

export function headcountChanged(now: number, before: number | null): boolean {
  if (before === null) return false;
  const delta = Math.abs(now - before);
  return delta >= HEADCOUNT_CHANGE.atLeast && delta > before * HEADCOUNT_CHANGE.share;
}
