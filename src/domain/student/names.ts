// How the app writes a student's name: one definition for screens, exports and reports.
import type { Student } from './schema';

/** "เด็กหญิงมาลี ใจดี": the prefix joins the first name, as Thai lists write it; no stray space when a part is blank. */
export const fullName = (s: Pick<Student, 'prefix' | 'firstName' | 'lastName'>): string =>
  `${s.prefix}${s.firstName} ${s.lastName}`.trim();

/**
 * "นางสาวมาลี ศรีสุข" in one cell → prefix, first name, last name. `extra` prefixes (an adult's titles) are
 * tried first; the prefix is written as given unless it is a known one (`known` gives its label).
 */
export function splitFullName(
  text: string,
  known: (prefix: string) => string | undefined,
  extra: readonly string[] = [],
): { prefix: string; firstName: string; lastName: string } {
  const t = text.replace(/\s+/g, ' ').trim();
  const prefix =
    [...extra, 'เด็กชาย', 'เด็กหญิง', 'นางสาว', 'นาย', 'นาง', 'ด.ช.', 'ด.ญ.', 'น.ส.', 'ส.ณ.'].find((p) =>
      t.startsWith(p),
    ) ?? '';
  const [firstName = '', ...rest] = t.slice(prefix.length).trim().split(' ');
  return { prefix: known(prefix) ?? prefix, firstName, lastName: rest.join(' ') };
}
