import type { measureTh } from './measure.th';

export const measureEn: Record<keyof typeof measureTh, string> = {
  'measure.title': 'Weight & height',
};
