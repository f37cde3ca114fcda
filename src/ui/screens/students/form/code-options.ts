import codes from '../../../../domain/dmc-codes.json';
import { grades, prefixes, type CodeListName } from '../../../../domain/codes';
import { STUDENT_STATUSES } from '../../../../domain/student/schema';
import type { MessageKey } from '../../../i18n/th';
import { i18n } from '../../../i18n/i18n.svelte';
import { gradeLabel } from '../../../services/year-format';

export interface Option {
  code: string;
  label: string;
}

// DMC's blood group "N" means not known.
const EXTRA_LABELS: Record<string, string> = { N: 'ไม่ทราบ (N)' };

/** A DMC code list as choices, labelled in the interface language (Thai: as DMC shows them). */
export function codeOptions(name: CodeListName): Option[] {
  const list: readonly (string | { code: string; label: string })[] = codes[name].codes;
  return list.map((c) => {
    const [code, thai] = typeof c === 'string' ? [c, EXTRA_LABELS[c] ?? c] : [c.code, c.label];
    return { code, label: i18n.codeLabel(name, code, thai) };
  });
}

/** Grades as choices in the interface language ("ป.1", "P1"). */
export const gradeOptions = (): Option[] => grades.map((g) => ({ code: g.code, label: gradeLabel(g.code) }));
// The stored value is the Thai prefix itself (it is part of the name on the ID card); only the label changes.
export const prefixOptions = (): Option[] =>
  prefixes.map((p) => ({ code: p.label, label: i18n.codeLabel('prefix', p.code, p.label) }));

export const statusOptions = (t: (k: MessageKey) => string): Option[] =>
  STUDENT_STATUSES.map((s) => ({ code: s, label: t(`student.status.${s}`) }));

export function labelOf(name: CodeListName, code: string): string | undefined {
  return codeOptions(name).find((o) => o.code === code)?.label;
}
