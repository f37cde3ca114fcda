// What each kind of bundle carries, and its `counts` (summary figures, never personal data).
import type { StudentInput } from '../student/schema';
import { countByGradeAndSex } from '../year/snapshot';
import type { Operation } from './operation';
import { payloadFile, type PayloadFile } from './payloads';
import type { Statement } from './statement';

export interface Contents {
  files: PayloadFile[];
  counts: Statement['counts'];
}

/** A submission: the certified students, counted by grade and sex (records without either are in `students` only). */
export function submissionContents(students: readonly StudentInput[]): Contents {
  const file = payloadFile('payload/students.jsonl', 'student/1', students);
  const byGradeAndSex = Object.fromEntries(
    countByGradeAndSex(students.map((s) => ({ grade: s.grade ?? null, sex: s.sex ?? null }))),
  );
  return { files: [file], counts: { students: file.records, byGradeAndSex } };
}

/** A sync bundle: a device's operations since its last export. */
export function syncContents(operations: readonly Operation[]): Contents {
  const file = payloadFile('payload/operations.jsonl', 'operation/1', operations);
  return { files: [file], counts: { operations: file.records } };
}
