// The grade and sex codes as schemas, apart from the code lists (codes.ts), which parse the whole DMC JSON
// when loaded: a user record needs only the codes, and the sign-in screen reads users (issue 24).
import { z } from 'zod';

export const gradeCodeSchema = z.enum([
  '01',
  '02',
  '03',
  '04',
  '05',
  '06',
  '07',
  '08',
  '09',
  '10',
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
]);
export type GradeCode = z.infer<typeof gradeCodeSchema>;

export const sexCodeSchema = z.enum(['M', 'F']);
export type SexCode = z.infer<typeof sexCodeSchema>;
