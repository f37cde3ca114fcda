import codes from '../../../../domain/dmc-codes.json';
import { grades, prefixes, type CodeListName } from '../../../../domain/codes';
import { STUDENT_STATUSES } from '../../../../domain/student/schema';
import type { MessageKey } from '../../../i18n/th';

export interface Option { code: string; label: string }

// DMC's blood group "N" means not known.
const EXTRA_LABELS: Record<string, string> = { N: 'ไม่ทราบ (N)' };

/** A DMC code list as choices, labels as DMC shows them (Thai). */
export function codeOptions(name: CodeListName): Option[] {
  const list: readonly (string | { code: string; label: string })[] = codes[name].codes;
  return list.map((c) => (typeof c === 'string' ? { code: c, label: EXTRA_LABELS[c] ?? c } : { code: c.code, label: c.label }));
}

export const gradeOptions: Option[] = grades.map((g) => ({ code: g.code, label: g.label }));
export const prefixOptions: Option[] = prefixes.map((p) => ({ code: p.label, label: p.label }));

export const statusOptions = (t: (k: MessageKey) => string): Option[] =>
  STUDENT_STATUSES.map((s) => ({ code: s, label: t(`student.status.${s}`) }));

export function labelOf(name: CodeListName, code: string): string | undefined {
  return codeOptions(name).find((o) => o.code === code)?.label;
}
