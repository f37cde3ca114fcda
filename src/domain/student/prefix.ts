// The prefix says the sex (เด็กหญิง is a girl), so choosing one sets the other on the form.
import { prefixByLabel, prefixes, type SexCode } from '../codes';

// Codes of dmc-codes.json: children below 15 are เด็กชาย/เด็กหญิง by law, from 15 นาย/นางสาว.
const CHILD: Record<SexCode, string> = { M: '001', F: '002' };
const ADULT: Record<SexCode, string> = { M: '003', F: '004' };
const ADULT_CODES: ReadonlySet<string> = new Set(['003', '004', '005']);
const ADULT_AGE = 15;

/** The sex a prefix implies, or null for an empty or unknown prefix. */
export function sexOfPrefix(label: string): SexCode | null {
  return prefixByLabel(label)?.sex ?? null;
}

/**
 * The prefix to show after the sex was chosen: the current one if it already fits, else the matching
 * child or adult word (by age when known, else by the kind of the current prefix, else child).
 */
export function prefixForSex(current: string, sex: SexCode, ageYears: number | null): string {
  const now = prefixByLabel(current);
  if (now?.sex === sex) return current;
  const adult = ageYears !== null ? ageYears >= ADULT_AGE : now !== undefined && ADULT_CODES.has(now.code);
  const code = (adult ? ADULT : CHILD)[sex];
  return prefixes.find((p) => p.code === code)!.label;
}
