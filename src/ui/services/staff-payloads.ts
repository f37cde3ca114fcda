// The staff roster (staff/1, without contact fields) and the technology record (technology/1) in a school's
// submission, as their own payload files, signed by the same confirmer and certifier as the students.
import { appDb } from '../../db/database';
import { listStaff, listTechnology } from '../../db/staff-repo';
import { staffForSubmission, technologyForSubmission, type EmisPayloads } from '../../domain/staff/payload';

// Which files and counts they make is the domain's (domain/staff/payload.ts); re-exported for existing imports.
export { emisCounts, emisFiles, type EmisPayloads } from '../../domain/staff/payload';

export async function emisPayloads(asOf: string): Promise<EmisPayloads> {
  const db = appDb();
  const [staff, technology] = await Promise.all([listStaff(db), listTechnology(db)]);
  return { staff: staffForSubmission(staff, asOf), technology: technologyForSubmission(technology, asOf) };
}
