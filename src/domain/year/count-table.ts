// The round report's table as districts know it: rooms of each grade, a subtotal per grade and per level,
// and the school's total, each split by sex.
import type { GradeCode } from '../codes';
import type { SchoolLevel } from '../school';
import { compareClasses } from './classes';
import type { FrozenRow } from './snapshot';

export interface Counts {
  M: number;
  F: number;
  unknown: number;
  total: number;
}
export type CountLine =
  | ({ kind: 'room'; grade: GradeCode; room: string } & Counts)
  | ({ kind: 'grade'; grade: GradeCode; rooms: number } & Counts)
  | ({ kind: 'level'; level: SchoolLevel; rooms: number } & Counts)
  | ({ kind: 'total'; rooms: number } & Counts);

export function levelOfGrade(grade: GradeCode): SchoolLevel {
  const n = Number(grade);
  return n <= 3
    ? 'kindergarten'
    : n <= 9
      ? 'primary'
      : n <= 12
        ? 'lower-secondary'
        : n <= 15
          ? 'upper-secondary'
          : 'vocational';
}

const zero = (): Counts => ({ M: 0, F: 0, unknown: 0, total: 0 });
function add(c: Counts, sex: FrozenRow['sex']): void {
  if (sex) c[sex]++;
  else c.unknown++;
  c.total++;
}
const plus = (a: Counts, b: Counts): Counts => ({
  M: a.M + b.M,
  F: a.F + b.F,
  unknown: a.unknown + b.unknown,
  total: a.total + b.total,
});

export interface CountTable {
  lines: CountLine[];
  /** Counted students without a grade: they appear only in the total. */
  noGrade: Counts;
}

export function countTable(rows: readonly Pick<FrozenRow, 'grade' | 'room' | 'sex'>[]): CountTable {
  const rooms = new Map<string, { grade: GradeCode; room: string; c: Counts }>();
  const noGrade = zero();
  for (const r of rows) {
    if (!r.grade) {
      add(noGrade, r.sex);
      continue;
    }
    const key = `${r.grade}/${r.room}`;
    const entry = rooms.get(key) ?? { grade: r.grade, room: r.room, c: zero() };
    add(entry.c, r.sex);
    rooms.set(key, entry);
  }
  const sorted = [...rooms.values()].sort(compareClasses);
  const lines: CountLine[] = [];
  let total: Counts = zero();
  let roomCount = 0;
  const levels = [...new Set(sorted.map((r) => levelOfGrade(r.grade)))];
  for (const level of levels) {
    let levelCounts = zero();
    let levelRooms = 0;
    for (const grade of [...new Set(sorted.filter((r) => levelOfGrade(r.grade) === level).map((r) => r.grade))]) {
      const ofGrade = sorted.filter((r) => r.grade === grade);
      let gradeCounts = zero();
      for (const r of ofGrade) {
        lines.push({ kind: 'room', grade, room: r.room, ...r.c });
        gradeCounts = plus(gradeCounts, r.c);
      }
      lines.push({ kind: 'grade', grade, rooms: ofGrade.length, ...gradeCounts });
      levelCounts = plus(levelCounts, gradeCounts);
      levelRooms += ofGrade.length;
    }
    lines.push({ kind: 'level', level, rooms: levelRooms, ...levelCounts });
    total = plus(total, levelCounts);
    roomCount += levelRooms;
  }
  lines.push({ kind: 'total', rooms: roomCount, ...plus(total, noGrade) });
  return { lines, noGrade };
}
