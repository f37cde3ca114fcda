// The building survey as a yearly update, and the classroom supply against need. The need rule is data
// (catalogue.json classroomRule, with its source), stated on screen beside the figures it produces.
import type { GradeCode } from '../codes';
import type { SchoolLevel } from '../school';
import { daysBetween } from '../thai-date';
import { levelOfGrade } from '../year/count-table';
import { catalogue, type Building, type EquipmentCount } from './schema';

export type BuildingProblem = 'condition.note' | 'photos.old' | 'photos.missing';

/** What an officer must look at in this year's survey against last year's record of the same building. */
export function buildingProblems(now: Building, before: Building | null, today: string): BuildingProblem[] {
  const p: BuildingProblem[] = [];
  if (before && before.condition !== now.condition && now.note.trim() === before.note.trim()) p.push('condition.note');
  const photos = Object.values(now.photos).filter((x) => x !== null && x !== undefined);
  if (photos.length === 0) p.push('photos.missing');
  else if (photos.some((x) => daysBetween(x!.takenOn, today) > 365)) p.push('photos.old');
  return p;
}

export interface ClassroomLine {
  level: SchoolLevel;
  students: number;
  roomsOpen: number;
  roomsNeeded: number;
}
export interface ClassroomSupply {
  lines: ClassroomLine[];
  needed: number;
  available: number;
  shortage: number;
  rule: typeof catalogue.classroomRule;
}

/**
 * Rooms needed per level: each grade needs the rooms it actually opens, or enough for its students at the
 * rule's class size if that is more. Available: the actual rooms of buildings in use.
 */
export function classroomSupply(
  grades: readonly { grade: GradeCode; students: number; roomsOpen: number }[],
  buildings: readonly Building[],
): ClassroomSupply {
  const perRoom = catalogue.classroomRule.studentsPerRoom as Record<SchoolLevel, number>;
  const byLevel = new Map<SchoolLevel, ClassroomLine>();
  for (const g of grades) {
    const level = levelOfGrade(g.grade);
    const line = byLevel.get(level) ?? { level, students: 0, roomsOpen: 0, roomsNeeded: 0 };
    line.students += g.students;
    line.roomsOpen += g.roomsOpen;
    line.roomsNeeded += Math.max(g.roomsOpen, Math.ceil(g.students / perRoom[level]));
    byLevel.set(level, line);
  }
  const lines = [...byLevel.values()];
  const needed = lines.reduce((n, l) => n + l.roomsNeeded, 0);
  const available = buildings
    .filter((b) => b.inUse && !b.removedOn && b.kind === 'b01')
    .reduce((n, b) => n + (b.roomsActual ?? 0), 0);
  return { lines, needed, available, shortage: Math.max(0, needed - available), rule: catalogue.classroomRule };
}

export interface EquipmentChange {
  code: string;
  name: string;
  field: 'usable' | 'awaitingRepair' | 'awaitingDisposal';
  from: number;
  to: number;
}

/** The changes since the last count, item by item (an item new to this count changes from 0). */
export function equipmentChanges(before: EquipmentCount | null, now: EquipmentCount): EquipmentChange[] {
  const old = new Map((before?.items ?? []).map((i) => [i.code, i]));
  const changes: EquipmentChange[] = [];
  for (const item of now.items) {
    const prev = old.get(item.code);
    for (const field of ['usable', 'awaitingRepair', 'awaitingDisposal'] as const) {
      const from = prev?.[field] ?? 0;
      if (from !== item[field]) changes.push({ code: item.code, name: item.name, field, from, to: item[field] });
    }
  }
  return changes;
}
