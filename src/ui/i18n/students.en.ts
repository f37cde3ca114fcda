import type { studentsTh } from './students.th';

export const studentsEn: Record<keyof typeof studentsTh, string> = {
  'students.title': 'Students',
};
