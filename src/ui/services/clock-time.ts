// Apart from year-format.ts, which reads the DMC code lists: the sign-in screen shows a lock-out's end time
// and should not load those lists for it (issue 24, first-screen JavaScript).
import { localParts } from '../../domain/thai-date';

/** A stored time as "10:15" on the school's clock. */
export function clockTime(iso: string): string {
  const { hh, mm } = localParts(iso);
  return `${hh}:${mm}`;
}
