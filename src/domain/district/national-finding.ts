// What the province or national office sends back to a district (decision 32): `national-finding/1`, one of
// the district's own counted students also counted by a school of another district, that district and school
// named (the receiving district follows up with them; the other child's record is never carried).
import { z } from 'zod';
import { isoDateSchema } from '../thai-date';
import { FINDING_MATCHES, FINDING_RULES } from './findings-payload';

const message = z.object({ th: z.string().min(1), en: z.string().min(1) });
const school = z.object({ code: z.string().regex(/^\d{10}$/), name: z.string() });

export const nationalFindingSchema = z.object({
  /** Stable per pair: `<match>:<this school>:<student id>:<other district>:<other school>`. */
  id: z.string().min(1),
  rule: z.enum(FINDING_RULES),
  match: z.enum(FINDING_MATCHES),
  /** The receiving district's own school and its student as the school submitted them. */
  school,
  student: z.object({
    id: z.string().min(1),
    idNo: z.string(),
    prefix: z.string(),
    firstName: z.string(),
    lastName: z.string(),
  }),
  /** Where else the child is counted: another district, and its school. */
  otherDistrict: z.object({ code: z.string().min(1), name: z.string() }),
  otherSchool: school,
  reason: message,
  asOf: isoDateSchema,
});
export type NationalFinding = z.infer<typeof nationalFindingSchema>;

/** A school bundle carried inside a district export, with the content key granted to the national office. */
export const keyGrantSchema = z.object({
  /** The carried bundle's payload path in the district export. */
  path: z.string().min(1),
  /** Keyid of the key the content key is now wrapped to (the national office's). */
  recipient: z.string().regex(/^[0-9a-f]{64}$/),
  epk: z.string().min(1),
  wrappedKey: z.string().min(1),
});
export type KeyGrant = z.infer<typeof keyGrantSchema>;

/** Messages for a national finding: the district check's words, with the other district named. */
export function nationalReason(
  match: NationalFinding['match'],
  other: { district: string; school: string },
): NationalFinding['reason'] {
  const where = { th: `${other.school} (${other.district})`, en: `${other.school} (${other.district})` };
  switch (match) {
    case 'same-id':
      return {
        th: `เลขประจำตัวเดียวกันนับที่ ${where.th} ในเขตพื้นที่อื่นด้วย`,
        en: `The same ID is also counted at ${where.en}, in another district`,
      };
    case 'same-name':
      return {
        th: `ชื่อ-นามสกุลและวันเกิดเดียวกันนับที่ ${where.th} ในเขตพื้นที่อื่นด้วย`,
        en: `The same name and birth date are also counted at ${where.en}, in another district`,
      };
    default:
      return {
        th: `ชื่อ วันเกิด และเพศเดียวกัน นามสกุลต่างกันหนึ่งตัวอักษร นับที่ ${where.th} ในเขตพื้นที่อื่นด้วย`,
        en: `The same first name, birth date and sex, a surname one letter apart, also counted at ${where.en}, in another district`,
      };
  }
}
