import type { exchangeTh } from './exchange.th';

export const exchangeEn: Record<keyof typeof exchangeTh, string> = {
  'exchange.title': 'Export & import',
};
