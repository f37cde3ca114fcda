import type { movementsTh } from './movements.th';

export const movementsEn: Record<keyof typeof movementsTh, string> = {
  'movements.title': 'Movements',
};
