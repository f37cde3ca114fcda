// Age for the WHO references. WHO 2006 is tabulated by day, so the age is whole days. WHO 2007 is
// tabulated by month and WHO's tools (anthroplus, the who2007 macros) take the exact age in months,
// days / 30.4375, and interpolate between whole months: we do the same rather than use completed months.
import { daysBetween } from '../thai-date';

/** The average month, 365.25 / 12 days. */
export const DAYS_PER_MONTH = 30.4375;
/** WHO 2006 runs to day 1856; from 61 months (day 1857 onwards) WHO 2007 applies, as in WHO's tools. */
export const LAST_WHO2006_DAY = 1856;

export const ageInDays = (birthIso: string, onIso: string): number => daysBetween(birthIso, onIso);
export const monthsFromDays = (days: number): number => days / DAYS_PER_MONTH;
