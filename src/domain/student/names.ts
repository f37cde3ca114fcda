// How the app writes a student's name: one definition for screens, exports and reports.
import type { Student } from './schema';

/** "เด็กหญิงมาลี ใจดี": the prefix joins the first name, as Thai lists write it; no stray space when a part is blank. */
export const fullName = (s: Pick<Student, 'prefix' | 'firstName' | 'lastName'>): string =>
  `${s.prefix}${s.firstName} ${s.lastName}`.trim();
