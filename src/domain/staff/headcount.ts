// The EMIS headcount table, derived, never typed: directors by คศ.1–5, deputies by คศ.1–4, teachers by คศ.1–5
// and without standing, assistant teachers, permanent employees, government employees, temporary employees,
// each by sex, as of a date, with the students' as-of rule (entering on the day counts, leaving does not).
import type { Staff } from './schema';

export interface HeadcountCell {
  M: number;
  F: number;
  total: number;
}
export interface HeadcountRow extends HeadcountCell {
  key: string;
}
export interface Headcount {
  asOf: string;
  rows: HeadcountRow[];
  total: HeadcountCell;
}

// The table's rows in EMIS's order; "*.all" are EMIS's subtotals and are not added again into the total.
export const HEADCOUNT_ROWS = [
  'director.k1',
  'director.k2',
  'director.k3',
  'director.k4',
  'director.k5',
  'director.all',
  'deputy.k1',
  'deputy.k2',
  'deputy.k3',
  'deputy.k4',
  'deputy.all',
  'teacher.k1',
  'teacher.k2',
  'teacher.k3',
  'teacher.k4',
  'teacher.k5',
  'teacher.none',
  'assistant-teacher',
  'permanent-employee',
  'government-employee',
  'temporary-employee',
  // Not an EMIS row: people the rows above do not fit (a director without a standing, 'other'), so none is lost.
  'unclassified',
] as const;
export type HeadcountKey = (typeof HEADCOUNT_ROWS)[number];

/** Whether the person works at the school on `asOf`: the latest standing movement on or before it decides. */
export function staffCountsOn(s: Staff, asOf: string): boolean {
  const standing = s.movements.filter((m) => !m.reversedAt).sort((a, b) => (a.effectiveOn < b.effectiveOn ? -1 : 1));
  const last = standing.filter((m) => m.effectiveOn <= asOf).at(-1);
  if (last) return last.kind === 'move-in';
  if (s.startedAtSchoolOn) return s.startedAtSchoolOn <= asOf;
  // No start date and nothing yet: here unless the first thing known is an arrival still to come.
  return standing[0]?.kind !== 'move-in';
}

/** The row a person counts in. Contract teachers (ครูอัตราจ้าง) are temporary employees in EMIS's table. */
export function headcountRowOf(s: Staff): HeadcountKey {
  switch (s.personnelType) {
    case 'administrator':
      if (s.position === 'director' && s.standing) return `director.${s.standing}`;
      if (s.position === 'deputy-director' && s.standing && s.standing !== 'k5') return `deputy.${s.standing}`;
      return 'unclassified';
    case 'civil-teacher':
      return s.standing ? `teacher.${s.standing}` : 'teacher.none';
    case 'assistant-teacher':
    case 'permanent-employee':
    case 'government-employee':
    case 'temporary-employee':
      return s.personnelType;
    case 'contract-teacher':
      return 'temporary-employee';
    default:
      return 'unclassified';
  }
}

export function headcountOn(staff: readonly Staff[], asOf: string): Headcount {
  const cells = new Map<HeadcountKey, HeadcountCell>(HEADCOUNT_ROWS.map((k) => [k, { M: 0, F: 0, total: 0 }]));
  const total: HeadcountCell = { M: 0, F: 0, total: 0 };
  const add = (cell: HeadcountCell, sex: Staff['sex']) => {
    if (sex) cell[sex]++;
    cell.total++;
  };
  for (const s of staff) {
    if (!staffCountsOn(s, asOf)) continue;
    const key = headcountRowOf(s);
    add(cells.get(key)!, s.sex);
    if (key.startsWith('director.')) add(cells.get('director.all')!, s.sex);
    if (key.startsWith('deputy.')) add(cells.get('deputy.all')!, s.sex);
    add(total, s.sex);
  }
  return { asOf, rows: HEADCOUNT_ROWS.map((key) => ({ key, ...cells.get(key)! })), total };
}
