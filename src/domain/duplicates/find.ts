// Two kinds of duplicate among active records, found by blocking (records are compared only inside a
// bucket sharing a key), so a district of 100,000 costs about as much per record as a school of 300.
//
// - id.duplicate: the same ID number (normalised) on two active records.
// - person.possible_duplicate, for records whose ID numbers differ or are missing:
//   'same-name'  same birth date and the same normalised full name (first + last, so a space that moved
//                between the two fields does not matter); sex is not compared, it may be the typo;
//   'close-surname'  same birth date, sex and normalised first name, surnames one edit apart.
// Twins and siblings: records with the same birth date and surname but different normalised first names
// are never flagged, however close the first names (ธนากร/ธนากรณ์, พิมพ์/พิมพา). Thai twins are often
// given rhyming names, and a false "duplicate" invites deleting a real child; a typo in a first name is
// left to the ID rules. So the close-name rule only tolerates a one-letter difference in the surname.
import { formatCitizenId, normaliseIdInput } from '../ids';
import type { Student } from '../student/schema';
import type { Message } from '../validation/catalogue';
import { withinOneEdit } from './similarity';
import { normaliseThaiName } from './thai-normalise';

export type DuplicateMatch = 'same-id' | 'same-name' | 'close-surname';

/** What the rules read of a record: a whole Student, or a district's lighter projection of one. */
export type DuplicateCandidate = Pick<
  Student,
  'id' | 'idNo' | 'status' | 'firstName' | 'lastName' | 'birthDate' | 'sex'
>;

export interface DuplicatePair {
  rule: 'id.duplicate' | 'person.possible_duplicate';
  match: DuplicateMatch;
  /** Positions in the input, the smaller first. */
  indexes: [number, number];
  ids: [string, string];
  /** pairKey of the ids: what a dismissal stores. */
  key: string;
  reason: Message;
}

/** The same key whichever record comes first; the separator never occurs in a UUID. */
export function pairKey(idA: string, idB: string): string {
  return idA < idB ? `${idA}|${idB}` : `${idB}|${idA}`;
}

// A bucket this large is placeholder data (one date, one test name), not people: compare each member
// with the first only, which keeps the work linear.
const MAX_BUCKET = 50;
// An ID that normaliseIdInput would return unchanged (the usual 13 digits).
const PLAIN_ID = /^\d{13}$/;

function bucketsBy(indexes: readonly number[], key: (i: number) => string | null): number[][] {
  // Most keys are held by one record: it is kept as a number, and an array made only for a second one.
  const buckets = new Map<string, number | number[]>();
  const out: number[][] = [];
  for (const i of indexes) {
    const k = key(i);
    if (k === null) continue;
    const bucket = buckets.get(k);
    if (bucket === undefined) buckets.set(k, i);
    else if (typeof bucket === 'number') {
      const pair = [bucket, i];
      buckets.set(k, pair);
      out.push(pair);
    } else bucket.push(i);
  }
  return out;
}

function* pairsIn(bucket: readonly number[]): Generator<[number, number]> {
  const star = bucket.length > MAX_BUCKET;
  for (let x = 0; x < bucket.length; x++) {
    for (let y = x + 1; y < bucket.length; y++) yield [bucket[x]!, bucket[y]!];
    if (star) return;
  }
}

function reasonFor(match: DuplicateMatch, a: DuplicateCandidate, b: DuplicateCandidate): Message {
  if (match === 'same-id') {
    const no = formatCitizenId(normaliseIdInput(a.idNo));
    return { th: `เลขประจำตัวเดียวกัน ${no}`, en: `same ID number ${no}` };
  }
  if (match === 'close-surname') {
    const names = `${a.lastName} / ${b.lastName}`;
    return {
      th: `วันเกิด เพศ และชื่อตรงกัน นามสกุลต่างกัน 1 ตัวอักษร (${names})`,
      en: `same birth date, sex and first name; surnames one letter apart (${names})`,
    };
  }
  const fullA = `${a.firstName} ${a.lastName}`;
  if (fullA === `${b.firstName} ${b.lastName}`) {
    return { th: 'วันเกิดและชื่อ-นามสกุลตรงกัน แต่เลขประจำตัวต่างกัน', en: 'same birth date and name, different ID numbers' };
  }
  return {
    th: 'วันเกิดตรงกัน และชื่อ-นามสกุลตรงกันเมื่อไม่นับช่องว่าง ตัวอักษรซ้ำ ลำดับวรรณยุกต์ และคำนำหน้า',
    en: 'same birth date, and the same name once spaces, repeated letters, tone-mark order and prefixes are ignored',
  };
}

export function findDuplicates(
  students: readonly DuplicateCandidate[],
  dismissed: ReadonlySet<string> = new Set(),
): DuplicatePair[] {
  const active: number[] = [];
  for (let i = 0; i < students.length; i++) if (students[i]!.status === 'active') active.push(i);
  const idNo = students.map((s) => (PLAIN_ID.test(s.idNo) ? s.idNo : normaliseIdInput(s.idNo)));
  // First names repeat a great deal across a district: each is normalised once.
  const keys = new Map<string, string>();
  const firstKey = (name: string): string => {
    let k = keys.get(name);
    if (k === undefined) keys.set(name, (k = normaliseThaiName(name)));
    return k;
  };
  const first = students.map((s) => firstKey(s.firstName));
  const last = students.map((s) => normaliseThaiName(s.lastName));
  const seen = new Set<string>();
  const pairs: DuplicatePair[] = [];

  const add = (rule: DuplicatePair['rule'], match: DuplicateMatch, i: number, j: number): void => {
    const [a, b] = [students[i]!, students[j]!];
    const key = pairKey(a.id, b.id);
    // Positions, not ids, say whether a pair is new: records from outside may share an id.
    if (seen.has(`${i}|${j}`) || (rule === 'person.possible_duplicate' && dismissed.has(key))) return;
    seen.add(`${i}|${j}`);
    pairs.push({ rule, match, indexes: [i, j], ids: [a.id, b.id], key, reason: reasonFor(match, a, b) });
  };
  const differentIds = (i: number, j: number): boolean => idNo[i] === '' || idNo[i] !== idNo[j];

  // The same ID on k records says nothing new pair by pair, so each is paired with the first only.
  for (const bucket of bucketsBy(active, (i) => idNo[i] || null)) {
    for (const i of bucket.slice(1)) add('id.duplicate', 'same-id', bucket[0]!, i);
  }
  // Both person rules compare records born on the same day: group by birth date once, then by name within
  // each day, so a district's keys stay in small maps (the buckets, and so the pairs, are the same).
  const firstNameKey = (i: number): string | null => {
    const { sex } = students[i]!;
    return sex && first[i] && last[i] ? `${sex}|${first[i]}` : null;
  };
  for (const day of bucketsBy(active, (i) => students[i]!.birthDate || null)) {
    for (const bucket of bucketsBy(day, (i) => first[i]! + last[i]! || null)) {
      for (const [i, j] of pairsIn(bucket)) if (differentIds(i, j)) add('person.possible_duplicate', 'same-name', i, j);
    }
    for (const bucket of bucketsBy(day, firstNameKey)) {
      for (const [i, j] of pairsIn(bucket)) {
        if (last[i] !== last[j] && withinOneEdit(last[i]!, last[j]!) && differentIds(i, j)) {
          add('person.possible_duplicate', 'close-surname', i, j);
        }
      }
    }
  }
  return pairs.sort((p, q) => p.indexes[0] - q.indexes[0] || p.indexes[1] - q.indexes[1]);
}
