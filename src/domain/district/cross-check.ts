// Students counted by two schools on the round's as-of date, found by the school's own duplicate rules
// (findDuplicates) over every school's counted students at once. A pair inside one school is that
// school's own check; the district keeps only pairs across schools. A transfer with consistent dates is
// never a pair: on the as-of date only one of the two schools counts the student.
import { findDuplicates, type DuplicateCandidate, type DuplicateMatch, type DuplicatePair } from '../duplicates/find';
import { formatThaiDate } from '../thai-date';
import type { Message } from '../validation/catalogue';
import { candidateOf, countedOn, type RosterRow } from './roster';

export interface SchoolRef {
  code: string;
  name: string;
}
export interface SchoolRoster {
  school: SchoolRef;
  rows: readonly RosterRow[];
}
export interface PairSide {
  school: SchoolRef;
  row: RosterRow;
}

export interface DistrictPair {
  rule: DuplicatePair['rule'];
  match: DuplicateMatch;
  /** pairKey of the two record ids: what a dismissal stores. */
  key: string;
  /** The rule's own explanation, for the officer (who may see both students). */
  reason: Message;
  /** What the two schools recorded about a transfer of either student, when they did. */
  note: Message | null;
  sides: [PairSide, PairSide];
}

export interface CrossCheck {
  asOf: string;
  schools: number;
  students: number;
  pairs: DistrictPair[];
}

const MOVE_WORDS: Record<string, [th: string, en: string]> = {
  'transfer-in': ['รับย้ายเข้า', 'transferred in'],
  'transfer-out': ['ย้ายออก', 'transferred out'],
};

function transferNote(sides: [PairSide, PairSide], asOf: string): Message | null {
  const parts = sides.flatMap(({ school, row }) =>
    row[11].filter(([kind]) => kind in MOVE_WORDS).map(([kind, on]) => ({ school, words: MOVE_WORDS[kind]!, on })),
  );
  if (parts.length === 0) return null;
  const th = parts.map((p) => `${p.school.name} บันทึก${p.words[0]} มีผล ${formatThaiDate(p.on, 'th')}`).join('; ');
  const en = parts
    .map((p) => `${p.school.name} recorded ${p.words[1]} effective ${formatThaiDate(p.on, 'en')}`)
    .join('; ');
  return {
    th: `${th}: วันที่ไม่สอดคล้องกัน ณ วันที่ข้อมูล ${formatThaiDate(asOf, 'th')} ทั้งสองโรงเรียนยังนับนักเรียนคนนี้`,
    en: `${en}: the dates do not agree, so on ${formatThaiDate(asOf, 'en')} both schools still count this student`,
  };
}

// Most certain first: the same ID is the same child; the same name and birth date under two IDs is likely;
// a surname one letter apart is the least certain.
const CERTAINTY: Record<DuplicateMatch, number> = { 'same-id': 0, 'same-name': 1, 'close-surname': 2 };

/** Pairs in the order an officer should look at them: the more certain first, then by school and ID. */
export function byCertainty(a: DistrictPair, b: DistrictPair): number {
  return (
    CERTAINTY[a.match] - CERTAINTY[b.match] ||
    a.sides[0].school.code.localeCompare(b.sides[0].school.code) ||
    a.key.localeCompare(b.key)
  );
}

/** `schools`: one roster per school (its latest accepted submission of the round). */
export function crossCheck(
  schools: readonly SchoolRoster[],
  asOf: string,
  dismissed: ReadonlySet<string> = new Set(),
): CrossCheck {
  const candidates: DuplicateCandidate[] = [];
  const origin: PairSide[] = [];
  for (const { school, rows } of schools) {
    for (const row of rows) {
      if (!countedOn(row, asOf)) continue;
      candidates.push(candidateOf(row));
      origin.push({ school, row });
    }
  }
  const pairs: DistrictPair[] = [];
  for (const p of findDuplicates(candidates, dismissed)) {
    const a = origin[p.indexes[0]]!;
    const b = origin[p.indexes[1]]!;
    if (a.school.code === b.school.code) continue;
    const sides: [PairSide, PairSide] = a.school.code < b.school.code ? [a, b] : [b, a];
    pairs.push({ rule: p.rule, match: p.match, key: p.key, reason: p.reason, note: transferNote(sides, asOf), sides });
  }
  return { asOf, schools: schools.length, students: candidates.length, pairs: pairs.sort(byCertainty) };
}
