// The screening season in the round calendar (visit-rules.json): homeroom teachers visit and screen from
// the start of the academic year until the end of July. Home shows its deadline with what is left.
import { z } from 'zod';
import { daysBetween, toGregorianYear } from '../thai-date';
import raw from './visit-rules.json';

const monthDay = z.string().regex(/^\d{2}-\d{2}$/);
const seasonSchema = z.object({ opens: monthDay, deadline: monthDay, source: z.string().min(1) });
const season = seasonSchema.parse(raw.season);

export interface ScreeningSeason {
  academicYear: number;
  opens: string;
  deadline: string;
  state: 'upcoming' | 'open' | 'past';
  /** Days from today to the deadline (0 on the deadline itself); null once past. */
  daysLeft: number | null;
}

/** The season of academic year `academicYearBE` as it stands on `todayIso` (the school's local date). */
export function screeningSeason(academicYearBE: number, todayIso: string): ScreeningSeason {
  const y = toGregorianYear(academicYearBE);
  const opens = `${y}-${season.opens}`;
  const deadline = `${y}-${season.deadline}`;
  if (todayIso > deadline) return { academicYear: academicYearBE, opens, deadline, state: 'past', daysLeft: null };
  return {
    academicYear: academicYearBE,
    opens,
    deadline,
    state: todayIso >= opens ? 'open' : 'upcoming',
    daysLeft: daysBetween(todayIso, deadline),
  };
}
