// The whole-school check: every rule over every record, duplicates included, ages taken on today.
import { loadAreaIndex } from '../../domain/areas/load';
import type { Student } from '../../domain/student/schema';
import { compareStudentsThai } from '../../domain/student/search';
import { compareClasses } from '../../domain/year/classes';
import { countByRule, type Finding, type RuleCode, type Severity } from '../../domain/validation/catalogue';
import { validateSchool } from '../../domain/validation/school';
import type { DuplicatePair } from '../../domain/duplicates/find';
import { appDb } from '../../db/database';
import { dismissPair, undismissPair } from '../../db/dismissed-repo';
import { session } from '../state/session.svelte';
import { areaExistsIn } from '../../domain/validation/student';
import { loadDismissedPairs, loadStudents } from './students.service';
import { todayIso } from './clock';

export interface RuleSummary {
  rule: RuleCode;
  severity: Severity;
  count: number;
  findings: Finding[];
}
export interface SchoolCheck {
  asOf: string;
  students: Map<string, Student>;
  rules: RuleSummary[];
  errors: number;
  warnings: number;
  /** Pairs that may be one child entered twice (same ID, or close name and birth date): merge, or mark twins. */
  pairs: DuplicatePair[];
}

export async function checkSchool(now: Date = new Date()): Promise<SchoolCheck> {
  const [students, dismissed, areas] = await Promise.all([loadStudents(), loadDismissedPairs(), loadAreaIndex()]);
  const asOf = todayIso(now);
  // Records that have left are history, not data to confirm.
  const active = students.filter((s) => s.status === 'active');
  const { findings: own, duplicates } = validateSchool(active, {
    asOf,
    areaExists: areaExistsIn(areas),
    dismissedPairs: dismissed,
  });
  const byId = new Map(active.map((s) => [s.id, s]));
  // What the district found across schools is not one of the school's own rules: it shows as its own cards
  // (DistrictFindings, one model with the record, the checklist and Home), answered rather than fixed here.
  const findings = own;
  const byRule = new Map<RuleCode, Finding[]>();
  for (const f of [...findings].sort((a, b) => byClassThenName(byId.get(a.studentId)!, byId.get(b.studentId)!))) {
    const list = byRule.get(f.rule);
    if (list) list.push(f);
    else byRule.set(f.rule, [f]);
  }
  const rules = countByRule(findings).map((r) => ({ ...r, findings: byRule.get(r.rule) ?? [] }));
  return {
    asOf,
    students: byId,
    rules,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    pairs: duplicates,
  };
}

/** Remembers that two records are different children (twins, namesakes); undone with `restorePair`. */
export async function markNotSamePerson(key: string, now: Date = new Date()): Promise<void> {
  if (!session.user) throw new Error('no user is signed in');
  await dismissPair(appDb(), key, session.user.id, now);
}

export const restorePair = (key: string): Promise<void> => undismissPair(appDb(), key);

// A teacher fixes one class at a time: list in class order (no grade last), then the class-list order.
function byClassThenName(a: Student, b: Student): number {
  return compareClasses(a, b) || compareStudentsThai(a, b);
}

/** Per student, how many errors and warnings the school check finds (the class list's markers). */
export interface FindingMark {
  errors: number;
  warnings: number;
}

/** The same rules as checkSchool over the active records given, without the district's or area checks. */
export function findingMarks(
  students: readonly Student[],
  dismissed: ReadonlySet<string>,
  now: Date = new Date(),
): Map<string, FindingMark> {
  const active = students.filter((s) => s.status === 'active');
  const { findings } = validateSchool(active, { asOf: todayIso(now), dismissedPairs: dismissed });
  const marks = new Map<string, FindingMark>();
  for (const f of findings) {
    const m = marks.get(f.studentId) ?? { errors: 0, warnings: 0 };
    if (f.severity === 'error') m.errors++;
    else m.warnings++;
    marks.set(f.studentId, m);
  }
  return marks;
}
