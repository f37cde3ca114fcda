// Merging two records of the same child entered twice: which record survives, which value each differing
// field keeps, and the record that results. The dropped record's history is not rewritten (its audit
// entries are its sync operation log, decision 13): the survivor's history reads it through the merge entry.
import { flattenFields } from '../access/audit';
import { withField } from '../bundle/local-ops';
import { canonical } from '../bundle/merge';
import { studentSchema, type Student } from './schema';

/** A record as the register stores it, with when it was last saved (ISO time). */
export interface Dated {
  student: Student;
  updatedAt: string;
}

/** Which side a field's value comes from: the record that survives, or the one merged into it. */
export type Side = 'keep' | 'drop';

export interface FieldDifference {
  field: string;
  keep: unknown;
  drop: unknown;
  pick: Side;
}

// Bookkeeping that is never offered as a choice: the survivor keeps its own id and schema version.
const FIXED = new Set(['id', 'schemaVersion']);

/** Empty as a choice: nothing entered (null, blank text, empty list or false). */
export function isEmptyValue(v: unknown): boolean {
  return (
    v === null ||
    v === undefined ||
    v === false ||
    (typeof v === 'string' && v.trim() === '') ||
    (Array.isArray(v) && v.length === 0)
  );
}

const filled = (s: Student): number => [...flattenFields(s).values()].filter((v) => !isEmptyValue(v)).length;

/**
 * The default survivor of a pair: the record a certified round holds (it must not disappear), else the
 * more complete one, else the one saved first (entered first, so its id is the one others may know).
 */
export function defaultSurvivor(a: Dated, b: Dated, certified: ReadonlySet<string>): [keep: Dated, drop: Dated] {
  const ca = certified.has(a.student.id);
  const cb = certified.has(b.student.id);
  if (ca !== cb) return ca ? [a, b] : [b, a];
  const fa = filled(a.student);
  const fb = filled(b.student);
  if (fa !== fb) return fa > fb ? [a, b] : [b, a];
  return a.updatedAt <= b.updatedAt ? [a, b] : [b, a];
}

/**
 * Every leaf field whose values differ, each with its default: the filled value over an empty one, else
 * the value of the record saved more recently. Fields in a fixed order (the record's own).
 */
export function fieldDifferences(keep: Dated, drop: Dated): FieldDifference[] {
  const k = flattenFields(keep.student);
  const d = flattenFields(drop.student);
  const fields = [...new Set([...k.keys(), ...d.keys()])].filter((f) => !FIXED.has(f));
  const newer: Side = drop.updatedAt > keep.updatedAt ? 'drop' : 'keep';
  const out: FieldDifference[] = [];
  for (const field of fields) {
    const kv = k.get(field) ?? null;
    const dv = d.get(field) ?? null;
    if (canonical(kv) === canonical(dv)) continue;
    const ke = isEmptyValue(kv);
    const de = isEmptyValue(dv);
    const pick: Side = ke !== de ? (ke ? 'drop' : 'keep') : newer;
    out.push({ field, keep: kv, drop: dv, pick });
  }
  return out;
}

/** The surviving record: the kept one with each field's picked value (a pick not given keeps the default). */
export function mergedStudent(
  keep: Student,
  differences: readonly FieldDifference[],
  picks: Readonly<Record<string, Side>> = {},
): Student {
  let next: Student = structuredClone(keep);
  for (const d of differences) {
    const side = picks[d.field] ?? d.pick;
    next = withField(next, d.field, side === 'keep' ? d.keep : d.drop);
  }
  return studentSchema.parse({ ...next, id: keep.id });
}
