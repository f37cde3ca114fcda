import type { confirmTh } from './confirm.th';

export const confirmEn: Record<keyof typeof confirmTh, string> = {
  'confirm.title': 'Confirm & certify',
};
