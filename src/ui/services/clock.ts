import { localIsoDate } from '../../domain/thai-date';

/** Today's date on the school's calendar (Thai time), as ISO: the domain's `localIsoDate` of now. */
export function todayIso(now: Date = new Date()): string {
  return localIsoDate(now);
}
