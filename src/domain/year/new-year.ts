// Applying a new-year plan, and the record that lets it be undone.
import { z } from 'zod';
import { gradeByCode } from '../codes';
import { studentSchema, type Student } from '../student/schema';
import { isoDateSchema } from '../thai-date';
import type { Incoming } from './incoming';
import { byWhomSchema, type ByWhom, type Movement } from './movement';
import { buildMovement } from './movement-draft';
import type { NewYearPlan } from './promotion';

export const yearStartSchema = z.object({
  /** "<toYear>/start", beside the year's rounds in the same store. */
  key: z.string().min(1),
  academicYear: z.number().int(),
  round: z.literal('start'),
  fromYear: z.number().int(),
  effectiveOn: isoDateSchema,
  appliedAt: z.iso.datetime({ offset: true }),
  appliedBy: byWhomSchema,
  /** Every record the step changed, as it was before. */
  before: z.array(studentSchema),
  /** Records the step created from the incoming list. */
  created: z.array(z.string()),
  movementIds: z.array(z.string()),
  /** Each changed or created record's revision right after the step; a later edit blocks the undo. */
  revisions: z.record(z.string(), z.number().int()),
  undoneAt: z.iso.datetime({ offset: true }).nullable(),
  undoneBy: byWhomSchema.nullable(),
});
export type YearStart = z.infer<typeof yearStartSchema>;

export const yearStartKey = (toYear: number): string => `${toYear}/start`;

export interface AppliedYear {
  /** Changed and created records, as they must be stored. */
  students: Student[];
  before: Student[];
  created: string[];
  movements: Movement[];
  enrolled: Incoming[];
}

export function applyPlan(
  students: readonly Student[],
  incoming: readonly Incoming[],
  plan: NewYearPlan,
  meta: { at: string; by: ByWhom; newId: () => string },
): AppliedYear {
  if (plan.unresolved.length) throw new RangeError('a plan with unresolved students cannot be applied');
  const byId = new Map(students.map((s) => [s.id, s]));
  const out: AppliedYear = { students: [], before: [], created: [], movements: [], enrolled: [] };
  for (const p of plan.promoted) {
    const s = byId.get(p.id)!;
    out.before.push(s);
    out.students.push({ ...s, grade: p.to!.grade, room: p.to!.room });
  }
  for (const p of plan.graduating) {
    const s = byId.get(p.id)!;
    const reason = `สำเร็จการศึกษาชั้น ${gradeByCode(p.from.grade)?.label ?? p.from.grade} ปีการศึกษา ${plan.fromYear}`;
    const draft = {
      kind: 'graduation',
      effectiveOn: plan.effectiveOn,
      cause: null,
      reason,
      school: '',
      districtConsultedOn: null,
    } as const;
    const { movement, student } = buildMovement(draft, s, s, { id: meta.newId(), at: meta.at, by: meta.by });
    out.before.push(s);
    out.students.push(student);
    out.movements.push(movement);
  }
  const enrolling = new Set(plan.enrolling.map((p) => p.id));
  for (const i of incoming) {
    if (!enrolling.has(i.id)) continue;
    out.students.push({ ...i.student, id: i.id, status: 'active', enteredOn: plan.effectiveOn });
    out.created.push(i.id);
    out.enrolled.push({ ...i, enrolledAt: meta.at });
  }
  return out;
}
