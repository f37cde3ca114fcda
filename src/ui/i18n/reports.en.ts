import type { reportsTh } from './reports.th';

export const reportsEn: Record<keyof typeof reportsTh, string> = {
  'reports.title': 'Reports',
};
