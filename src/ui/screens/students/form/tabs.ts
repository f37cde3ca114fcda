import type { MessageKey } from '../../../i18n/th';

export const FORM_TABS = ['identity', 'schooling', 'family', 'addresses', 'welfare', 'health', 'history'] as const;
export type FormTab = (typeof FORM_TABS)[number];

export const tabLabel = (tab: FormTab): MessageKey => `student.tab.${tab}`;

const SCHOOLING = new Set(['studentNo', 'grade', 'room', 'status', 'enteredOn']);

/** The tab that holds a record path, so "tap to fix" lands on the right one. */
export function tabOfField(path: string): FormTab {
  const head = path.split('.')[0]!;
  if (head === 'family') return 'family';
  if (head === 'addresses') return 'addresses';
  if (head === 'welfare') return 'welfare';
  if (head === 'health' || head === 'bloodGroup') return 'health';
  if (SCHOOLING.has(head)) return 'schooling';
  return 'identity';
}
