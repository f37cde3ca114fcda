// A compact projection of one submission's students: what the cross-school check and the status board
// need, stored beside the whole bundle so that checking 100,000 students never re-reads 200 bundles.
// Rows are tuples (not objects) to keep the stored JSON and its parse small.
import type { DuplicateCandidate } from '../duplicates/find';
import type { MovementKind } from '../year/movement';
import { countsOn, type DatedMovement } from '../year/snapshot';
import type { Student, StudentStatus } from '../student/schema';

/** A standing (not reversed) movement: kind, first day of the new state, the other school as written. */
export type RosterMove = [kind: MovementKind, effectiveOn: string, school: string];
export type RosterRow = [
  id: string,
  idType: string,
  idNo: string,
  prefix: string,
  firstName: string,
  lastName: string,
  sex: string,
  birthDate: string,
  grade: string,
  status: StudentStatus,
  enteredOn: string,
  moves: RosterMove[],
];
export interface Roster {
  format: 'tabian-roster/1';
  rows: RosterRow[];
}

type MovementLike = Pick<DatedMovement, 'studentId' | 'kind' | 'effectiveOn'> & {
  reversedAt?: string | null;
  school?: string;
};

export function toRoster(students: readonly Student[], movements: readonly MovementLike[]): Roster {
  const moves = new Map<string, RosterMove[]>();
  for (const m of movements) {
    if (m.reversedAt) continue;
    const list = moves.get(m.studentId) ?? [];
    list.push([m.kind, m.effectiveOn, m.school ?? '']);
    moves.set(m.studentId, list);
  }
  return {
    format: 'tabian-roster/1',
    rows: students.map((s) => [
      s.id,
      s.idType,
      s.idNo,
      s.prefix,
      s.firstName,
      s.lastName,
      s.sex ?? '',
      s.birthDate ?? '',
      s.grade ?? '',
      s.status,
      s.enteredOn ?? '',
      moves.get(s.id) ?? [],
    ]),
  };
}

// A stored roster is our own output; a light shape check (not zod) keeps reading 500,000 rows quick.
const isRow = (r: unknown): r is RosterRow =>
  Array.isArray(r) && r.length === 12 && typeof r[0] === 'string' && typeof r[2] === 'string' && Array.isArray(r[11]);

/** The roster, or null for text that is not one (a damaged row is skipped by the caller, never guessed). */
export function parseRoster(text: string): Roster | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const r = json as Partial<Roster> | null;
  if (r?.format !== 'tabian-roster/1' || !Array.isArray(r.rows) || !r.rows.every(isRow)) return null;
  return r as Roster;
}

/** Whether the student counts on `asOf`: the school's own as-of rule, with the movements it sent. */
export function countedOn(row: RosterRow, asOf: string): boolean {
  const [id, , , , , , , , , status, enteredOn, moves] = row;
  // Most students never moved: the rule then reduces to this, without building its event list.
  if (moves.length === 0 && status === 'active') return !enteredOn || enteredOn <= asOf;
  const movements = moves.map(([kind, effectiveOn]) => ({ studentId: id, kind, effectiveOn }));
  return countsOn({ id, status, enteredOn: enteredOn || null }, movements, asOf);
}

/** The fields the duplicate rules read, as the school's own check sees a record. */
export function candidateOf(row: RosterRow): DuplicateCandidate {
  const [id, , idNo, , firstName, lastName, sex, birthDate] = row;
  return {
    id,
    idNo,
    firstName,
    lastName,
    sex: sex === 'M' || sex === 'F' ? sex : null,
    birthDate: birthDate || null,
    status: 'active',
  };
}
