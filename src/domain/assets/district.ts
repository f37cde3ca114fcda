// What a district sees of a school's survey, computed once when the submission is verified (like the
// head counts): buildings by condition, buildings without a photo from the last year, classroom supply.
import { z } from 'zod';
import type { GradeCode } from '../codes';
import { isoDateSchema } from '../thai-date';
import type { Building, EquipmentCount } from './schema';
import { buildingProblems, classroomSupply } from './survey';

/** Students and rooms actually open per grade, from the register's rows (students or counted rooms). */
export function gradeNeeds(
  rows: readonly { grade: GradeCode | null; room: string; students?: number }[],
): { grade: GradeCode; students: number; roomsOpen: number }[] {
  const byGrade = new Map<GradeCode, { students: number; rooms: Set<string> }>();
  for (const r of rows) {
    if (!r.grade) continue;
    const g = byGrade.get(r.grade) ?? { students: 0, rooms: new Set<string>() };
    const n = r.students ?? 1;
    g.students += n;
    if (n > 0) g.rooms.add(r.room);
    byGrade.set(r.grade, g);
  }
  return [...byGrade]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([grade, g]) => ({ grade, students: g.students, roomsOpen: g.rooms.size }));
}

const count = z.number().int().nonnegative();
export const assetsSummarySchema = z.object({
  academicYear: z.number().int(),
  asOf: isoDateSchema,
  certifiedAt: z.string(),
  buildings: count,
  byCondition: z.object({ good: count, fair: count, poor: count, unknown: count }),
  /** Standing buildings with no photo, or none taken in the year before the survey's as-of date. */
  withoutRecentPhotos: count,
  classrooms: z.object({ needed: count, available: count, shortage: count }),
  equipmentCountedOn: isoDateSchema.nullable(),
});
export type AssetsSummary = z.infer<typeof assetsSummarySchema>;

export function assetsSummary(input: {
  academicYear: number;
  asOf: string;
  certifiedAt: string;
  buildings: readonly Building[];
  grades: ReturnType<typeof gradeNeeds>;
  equipment: readonly Pick<EquipmentCount, 'countedOn'>[];
}): AssetsSummary {
  const standing = input.buildings.filter((b) => !b.removedOn);
  const byCondition = { good: 0, fair: 0, poor: 0, unknown: 0 };
  for (const b of standing) byCondition[b.condition ?? 'unknown']++;
  const supply = classroomSupply(input.grades, standing);
  const dates = input.equipment.map((e) => e.countedOn).sort();
  return {
    academicYear: input.academicYear,
    asOf: input.asOf,
    certifiedAt: input.certifiedAt,
    buildings: standing.length,
    byCondition,
    withoutRecentPhotos: standing.filter((b) =>
      buildingProblems(b, null, input.asOf).some((p) => p.startsWith('photos.')),
    ).length,
    classrooms: { needed: supply.needed, available: supply.available, shortage: supply.shortage },
    equipmentCountedOn: dates.at(-1) ?? null,
  };
}
