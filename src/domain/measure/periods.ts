// Measurement periods: schools weigh and measure twice a term (e.g. 16–31 May, 15–30 September, 1–15 March).
// Each academic year (16 May – 15 May) is cut into four periods so that every date belongs to exactly one:
// term 1 first and second half, term 2 first and second half. A report counts each student's latest
// measurement within a period and compares it with the period before.
import { academicYearOf } from '../calendar';
import { toGregorianYear } from '../thai-date';

export interface MeasurePeriod {
  academicYear: number;
  term: 1 | 2;
  /** 1: start of the term, 2: end of the term. */
  half: 1 | 2;
  from: string;
  to: string;
}

function periodsOf(academicYear: number): MeasurePeriod[] {
  const y = toGregorianYear(academicYear);
  const p = (term: 1 | 2, half: 1 | 2, from: string, to: string): MeasurePeriod => ({
    academicYear,
    term,
    half,
    from,
    to,
  });
  return [
    p(1, 1, `${y}-05-16`, `${y}-07-31`),
    p(1, 2, `${y}-08-01`, `${y}-10-31`),
    p(2, 1, `${y}-11-01`, `${y + 1}-01-31`),
    p(2, 2, `${y + 1}-02-01`, `${y + 1}-05-15`),
  ];
}

export function periodOf(iso: string): MeasurePeriod {
  return periodsOf(academicYearOf(iso)).find((p) => iso >= p.from && iso <= p.to)!;
}

export function previousPeriod(p: MeasurePeriod): MeasurePeriod {
  const all = [...periodsOf(p.academicYear - 1), ...periodsOf(p.academicYear)];
  return all[all.findIndex((q) => q.from === p.from) - 1]!;
}

/** A stable key, e.g. "2569-1-2" (term 1, second half of 2569). */
export const periodKey = (p: MeasurePeriod): string => `${p.academicYear}-${p.term}-${p.half}`;

export function periodFromKey(key: string): MeasurePeriod | null {
  const m = /^(\d{4})-([12])-([12])$/.exec(key);
  if (!m) return null;
  return periodsOf(Number(m[1])).find((p) => p.term === Number(m[2]) && p.half === Number(m[3])) ?? null;
}

/** The periods, newest first, from the one containing `today` back through `count` periods. */
export function recentPeriods(today: string, count: number): MeasurePeriod[] {
  const out = [periodOf(today)];
  while (out.length < count) out.push(previousPeriod(out.at(-1)!));
  return out;
}
