// Applicants for the next academic year. During the year-end round they must stay out of this year's data
// (they would be counted and then promoted), so they wait on their own list until the new year starts.
import { z } from 'zod';
import { studentSchema } from '../student/schema';
import { byWhomSchema } from './movement';

export const incomingSchema = z.object({
  /** The id the student record will have. */
  id: z.string().min(1),
  /** The academic year the applicant joins. */
  academicYear: z.number().int(),
  student: studentSchema,
  addedAt: z.iso.datetime({ offset: true }),
  addedBy: byWhomSchema,
  /** Set when the new year started and the applicant became a student; cleared if that is undone. */
  enrolledAt: z.iso.datetime({ offset: true }).nullable(),
});
export type Incoming = z.infer<typeof incomingSchema>;
