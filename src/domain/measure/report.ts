// Nutrition and growth counts per room, grade and school (and over schools, for the district): each
// student's latest measurement within a period, its Thai categories from the WHO references, the share
// measured, the children to follow up, and the same counts for the period before. Pure: the district's
// report calls it with every school's students, tagged with `school`.
import type { GradeCode, SexCode } from '../codes';
import { compareClasses, compareGrades } from '../year/classes';
import { assessGrowth, type GrowthResult } from '../growth/assess';
import { HEIGHT_STATUSES, NUTRITION_STATUSES, type HeightStatus, type NutritionStatus } from '../growth/status';
import type { GrowthReferences } from '../growth/tables';
import { emptyCounts, tally, type GroupCounts } from './tally';

export interface ReportStudent {
  id: string;
  /** The school's code, for reports over several schools; '' for one school's own report. */
  school?: string;
  studentNo?: string;
  prefix: string;
  firstName: string;
  lastName: string;
  sex: SexCode | null;
  birthDate: string | null;
  grade: GradeCode | null;
  room: string;
}

export interface ReportMeasurement {
  studentId: string;
  measuredOn: string;
  weightKg: number | null;
  heightCm: number | null;
}
export interface DateRange {
  from: string;
  to: string;
}

export interface GrowthReportInput {
  /** The students to count (usually the active ones). */
  students: readonly ReportStudent[];
  measurements: readonly ReportMeasurement[];
  period: DateRange;
  previous: DateRange | null;
  refs: GrowthReferences;
}

export type LineKind = 'room' | 'grade' | 'school' | 'all';
export interface ReportLine {
  kind: LineKind;
  school: string;
  grade: GradeCode | null;
  room: string | null;
  current: GroupCounts;
  previous: GroupCounts | null;
}

export type FollowUpReason = 'thin' | 'short' | 'obese' | 'check';
export interface FollowUp {
  student: ReportStudent;
  measurement: ReportMeasurement;
  result: GrowthResult;
  reasons: FollowUpReason[];
  /** The categories in the period before, if measured then. */
  before: { nutrition: NutritionStatus | null; height: HeightStatus | null } | null;
}

export interface GrowthReport {
  lines: ReportLine[];
  followUp: FollowUp[];
}

export { NUTRITION_STATUSES, HEIGHT_STATUSES };
export type { GroupCounts };

/** The latest measurement in the range with both values, else the latest with either. */
export function latestIn(list: readonly ReportMeasurement[], range: DateRange): ReportMeasurement | null {
  const inRange = list.filter(
    (m) => m.measuredOn >= range.from && m.measuredOn <= range.to && (m.weightKg !== null || m.heightCm !== null),
  );
  const newest = (a: ReportMeasurement, b: ReportMeasurement) =>
    a.measuredOn < b.measuredOn ? 1 : a.measuredOn > b.measuredOn ? -1 : 0;
  inRange.sort(newest);
  return inRange.find((m) => m.weightKg !== null && m.heightCm !== null) ?? inRange[0] ?? null;
}

function assess(s: ReportStudent, m: ReportMeasurement | null, refs: GrowthReferences): GrowthResult | null {
  if (!m || !s.sex || !s.birthDate || s.birthDate > m.measuredOn) return null;
  return assessGrowth(
    { sex: s.sex, birthDate: s.birthDate, measuredOn: m.measuredOn, weightKg: m.weightKg, heightCm: m.heightCm },
    refs,
  );
}

export function followUpReasons(r: GrowthResult): FollowUpReason[] {
  const out: FollowUpReason[] = [];
  if (r.status.nutrition === 'thin') out.push('thin');
  if (r.status.height === 'short') out.push('short');
  if (r.status.nutrition === 'overweight' || r.status.nutrition === 'obese') out.push('obese');
  if (r.flags.some((f) => f.endsWith('.implausible'))) out.push('check');
  return out;
}

const collator = new Intl.Collator('th', { numeric: true });

export function growthReport(input: GrowthReportInput): GrowthReport {
  const byStudent = new Map<string, ReportMeasurement[]>();
  for (const m of input.measurements) byStudent.set(m.studentId, [...(byStudent.get(m.studentId) ?? []), m]);
  const lines = new Map<string, ReportLine>();
  const line = (key: string, kind: LineKind, s: ReportStudent): ReportLine => {
    let l = lines.get(key);
    if (!l) {
      l = {
        kind,
        school: kind === 'all' ? '' : (s.school ?? ''),
        grade: kind === 'room' || kind === 'grade' ? s.grade : null,
        room: kind === 'room' ? s.room : null,
        current: emptyCounts(),
        previous: input.previous ? emptyCounts() : null,
      };
      lines.set(key, l);
    }
    return l;
  };
  const followUp: FollowUp[] = [];
  const students = [...input.students].sort(
    (a, b) =>
      collator.compare(a.school ?? '', b.school ?? '') ||
      compareClasses(a, b) ||
      collator.compare(a.studentNo ?? '', b.studentNo ?? '') ||
      collator.compare(a.firstName, b.firstName),
  );
  for (const s of students) {
    const list = byStudent.get(s.id) ?? [];
    const now = latestIn(list, input.period);
    const before = input.previous ? latestIn(list, input.previous) : null;
    const result = assess(s, now, input.refs);
    const prevResult = assess(s, before, input.refs);
    const school = s.school ?? '';
    const keys: [string, LineKind][] = [
      [`${school}|${s.grade ?? ''}|${s.room}`, 'room'],
      [`${school}|${s.grade ?? ''}`, 'grade'],
      [school, 'school'],
      ['*', 'all'],
    ];
    for (const [key, kind] of keys) {
      const l = line(key, kind, s);
      tally(l.current, s.sex, now !== null, result);
      if (l.previous) tally(l.previous, s.sex, before !== null, prevResult);
    }
    const reasons = result ? followUpReasons(result) : [];
    if (now && result && reasons.length > 0) {
      followUp.push({
        student: s,
        measurement: now,
        result,
        reasons,
        before: prevResult ? { nutrition: prevResult.status.nutrition, height: prevResult.status.height } : null,
      });
    }
  }
  return { lines: [...lines.values()].sort(lineOrder), followUp };
}

// Rooms, then their grade's subtotal, grade by grade; then the school; the total over all schools last.
function lineOrder(a: ReportLine, b: ReportLine): number {
  const last = (l: ReportLine, kind: LineKind) => (l.kind === kind ? 1 : 0);
  return (
    last(a, 'all') - last(b, 'all') ||
    collator.compare(a.school, b.school) ||
    last(a, 'school') - last(b, 'school') ||
    compareGrades(a.grade, b.grade) ||
    last(a, 'grade') - last(b, 'grade') ||
    collator.compare(a.room ?? '', b.room ?? '')
  );
}
