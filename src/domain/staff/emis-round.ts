// The EMIS round in the round calendar, read from data (emis-round.json): the staff roster and the
// technology form are reported as of its date, 10 June unless the ministry moves it.
import { z } from 'zod';
import { toGregorianYear } from '../thai-date';
import raw from './emis-round.json';

const monthDay = z.string().regex(/^\d{2}-\d{2}$/);
const emisRoundSchema = z.object({ round: z.literal('emis'), asOf: monthDay, opens: monthDay, deadline: monthDay });
const emis = emisRoundSchema.parse(raw);

export interface EmisRound {
  round: 'emis';
  academicYear: number;
  asOf: string;
  opens: string;
  deadline: string;
}

/** The EMIS round of academic year `academicYearBE` (ปีการศึกษา, BE): all three dates fall in its first calendar year. */
export function emisRoundOf(academicYearBE: number): EmisRound {
  const y = toGregorianYear(academicYearBE);
  return {
    round: 'emis',
    academicYear: academicYearBE,
    asOf: `${y}-${emis.asOf}`,
    opens: `${y}-${emis.opens}`,
    deadline: `${y}-${emis.deadline}`,
  };
}
