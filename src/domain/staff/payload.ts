// What a submission carries of the staff roster (staff/1) and technology (technology/1): the people who
// count on the as-of date, without personal contact fields unless asked, and the technology record in force.
import { payloadFile, type PayloadFile } from '../bundle/payloads';
import { utf8 } from '../bundle/bytes';
import { sha256Hex } from '../bundle/hash';
import { staffCountsOn } from './headcount';
import type { Staff } from './schema';
import type { Technology } from './technology';

/** The roster as of `asOf` for the district; the phone (the only contact field) is emptied unless `contact`. */
export function staffForSubmission(
  staff: readonly Staff[],
  asOf: string,
  opts: { contact: boolean } = { contact: false },
): Staff[] {
  return staff
    .filter((s) => staffCountsOn(s, asOf))
    .map((s) => ({
      ...s,
      phone: opts.contact ? s.phone : '',
      movements: s.movements.filter((m) => m.effectiveOn <= asOf),
    }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The technology record a submission as of `asOf` carries: the latest dated on or before it, if any. */
export function technologyForSubmission(records: readonly Technology[], asOf: string): Technology | null {
  return (
    records
      .filter((r) => r.asOf <= asOf)
      .sort((a, b) => (a.asOf < b.asOf ? -1 : 1))
      .at(-1) ?? null
  );
}

/** What a submission carries of the EMIS records: the roster and technology record as of its date. */
export interface EmisPayloads {
  staff: Staff[];
  technology: Technology | null;
}

/** Their payload files; a file is left out when there is nothing to put in it. */
export const emisFiles = (e: EmisPayloads | undefined): PayloadFile[] => [
  ...(e?.staff.length ? [payloadFile('payload/staff.jsonl', 'staff/1', e.staff)] : []),
  ...(e?.technology ? [payloadFile('payload/technology.json', 'technology/1', [e.technology])] : []),
];

export const emisCounts = (e: EmisPayloads | undefined): Record<string, number> => ({
  ...(e?.staff.length ? { staff: e.staff.length } : {}),
  ...(e?.technology ? { technology: 1 } : {}),
});
/**
 * One SHA-256 over what a submission as of a date carries of the roster and technology, kept in a round's
 * confirmation and certification so that a change after either is seen (round.ts emisChangedSince). Who
 * saved the technology form and when say nothing about the school: saving it unchanged changes nothing.
 */
export function emisDigest(p: { staff: readonly Staff[]; technology: Technology | null }): Promise<string> {
  const technology = p.technology ? { ...p.technology, recordedAt: '', recordedBy: '' } : null;
  return sha256Hex(utf8(JSON.stringify({ staff: p.staff, technology })));
}
