// The staff roster (staff/1, without contact fields) and the technology record (technology/1) in a school's
// submission, as their own payload files, signed by the same confirmer and certifier as the students.
import { appDb } from '../../db/database';
import { listStaff, listTechnology } from '../../db/staff-repo';
import { payloadFile, type PayloadFile } from '../../domain/bundle/payloads';
import { staffForSubmission, technologyForSubmission } from '../../domain/staff/payload';
import type { Staff } from '../../domain/staff/schema';
import type { Technology } from '../../domain/staff/technology';

export interface EmisPayloads { staff: Staff[]; technology: Technology | null }

export async function emisPayloads(asOf: string): Promise<EmisPayloads> {
  const db = appDb();
  const [staff, technology] = await Promise.all([listStaff(db), listTechnology(db)]);
  return { staff: staffForSubmission(staff, asOf), technology: technologyForSubmission(technology, asOf) };
}

export const emisFiles = (e: EmisPayloads | undefined): PayloadFile[] => [
  ...(e?.staff.length ? [payloadFile('payload/staff.jsonl', 'staff/1', e.staff)] : []),
  ...(e?.technology ? [payloadFile('payload/technology.json', 'technology/1', [e.technology])] : []),
];

export const emisCounts = (e: EmisPayloads | undefined): Record<string, number> => ({
  ...(e?.staff.length ? { staff: e.staff.length } : {}),
  ...(e?.technology ? { technology: 1 } : {}),
});
